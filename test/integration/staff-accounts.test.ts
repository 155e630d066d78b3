/**
 * The Cognito staff-accounts adapter against cognito-local (issue 21), held to what the in-memory
 * fake of the unit tier promises: a username once, INVITED until the temporary password is
 * replaced, DISABLED when disabled, a new placement that moves group and attributes together
 * (an attribute that no longer applies is deleted, not left behind), pages of one group.
 */
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoStaffAccounts } from '../../functions/adapters/cognito-staff-accounts';
import type { PagePosition } from '../../functions/core/ports';
import { STAFF_GROUP_NAMES } from '../../functions/core/staff-accounts';
import { type Running, startCognito } from '../../local/emulators';
import { freePort } from '../support/network';

let cognito: Running;
let client: CognitoIdentityProviderClient;
let accounts: CognitoStaffAccounts;
let clientId: string;

beforeAll(async () => {
  cognito = await startCognito({ port: await freePort() });
  client = new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const pool = (
    await client.send(
      new CreateUserPoolCommand({
        PoolName: 'staff',
        UsernameAttributes: [],
        Schema: [
          { Name: 'agencyId', AttributeDataType: 'String', Mutable: true },
          { Name: 'provinceCode', AttributeDataType: 'String', Mutable: true },
        ],
      }),
    )
  ).UserPool?.Id as string;
  clientId = (await client.send(new CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: 'portal', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })))
    .UserPoolClient?.ClientId as string;
  for (const GroupName of STAFF_GROUP_NAMES) await client.send(new CreateGroupCommand({ UserPoolId: pool, GroupName }));
  accounts = new CognitoStaffAccounts(client, pool);
});
afterAll(async () => cognito?.stop());

const made = {
  username: 'made.wirawan',
  name: 'Made Wirawan',
  email: 'made@badungkab.contoh.go.id',
  group: 'petugas-instansi' as const,
  agencyId: 'pemda-51.03',
};

describe('staff accounts on cognito-local', () => {
  it('creates an account once, INVITED until its person sets a password, then ACTIVE; DISABLED when disabled', async () => {
    expect(await accounts.create(made, 'Sementara-2026!x')).toBe(true);
    expect(await accounts.create(made, 'Sementara-2026!y')).toBe(false);
    expect(await accounts.get('made.wirawan')).toMatchObject({ ...made, status: 'INVITED', mfa: false });
    const first = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'made.wirawan', PASSWORD: 'Sementara-2026!x' },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'made.wirawan', NEW_PASSWORD: 'Milik-Sendiri-2026!' },
      }),
    );
    expect((await accounts.get('made.wirawan'))?.status).toBe('ACTIVE');
    await accounts.setEnabled('made.wirawan', false);
    expect((await accounts.get('made.wirawan'))?.status).toBe('DISABLED');
    await accounts.setEnabled('made.wirawan', true);
    await accounts.setTemporaryPassword('made.wirawan', 'Baru-Sementara-2026!');
    expect((await accounts.get('made.wirawan'))?.status).toBe('INVITED');
    expect(await accounts.get('tidak-ada')).toBeUndefined();
  });

  it('moves group and attributes together, deleting what no longer applies', async () => {
    await accounts.place('made.wirawan', { group: 'petugas-instansi', agencyId: 'pemda-51.03' }, { group: 'ombudsman', provinceCode: '51' });
    const moved = await accounts.get('made.wirawan');
    expect(moved).toMatchObject({ group: 'ombudsman', provinceCode: '51' });
    expect(moved?.agencyId).toBeUndefined();
    await accounts.place('made.wirawan', { group: 'ombudsman', provinceCode: '51' }, { group: 'admin-instansi', agencyId: 'pemda-51.71' });
    expect(await accounts.get('made.wirawan')).toMatchObject({ group: 'admin-instansi', agencyId: 'pemda-51.71' });
    expect((await accounts.get('made.wirawan'))?.provinceCode).toBeUndefined();
  });

  it('keeps the language the person chose in the pool (the profile), read back with the account', async () => {
    expect((await accounts.get('made.wirawan'))?.language).toBeUndefined();
    await accounts.setLanguage('made.wirawan', 'en');
    expect(await accounts.get('made.wirawan')).toMatchObject({ username: 'made.wirawan', language: 'en' });
    await accounts.setLanguage('made.wirawan', 'id');
    expect((await accounts.get('made.wirawan'))?.language).toBe('id');
  });

  it('lists one group, every account once, following the pages', async () => {
    for (let i = 0; i < 30; i++) await accounts.create({ ...made, username: `petugas-${i}`, email: `p${i}@badungkab.contoh.go.id` }, 'Sementara-2026!x');
    const seen: string[] = [];
    let after: PagePosition | undefined;
    do {
      const page = await accounts.list({ group: 'petugas-instansi', limit: 25, ...(after ? { after } : {}) });
      // (cognito-local answers a whole group at once, ignoring Limit; Cognito pages by it.)
      seen.push(...page.items.map((a) => a.username));
      after = page.next;
    } while (after);
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `petugas-${i}`).sort());
  });
});
