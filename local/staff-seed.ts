/** Staff accounts on cognito-local, created from the stack's user pool, client and groups. */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type SchemaAttributeType,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PASSWORD_RESET_CODE_MAIL } from '../functions/core/emails/staff-account';
import { STAFF_GROUPS } from '../functions/core/staff';
import type { CodeDelivery } from './emulators';
import { resourcesOfType, type Template } from './template';

/** The documented demo accounts (README). Local only: cognito-local's signing key is public. */
export const DEMO_PASSWORD = 'Aduan-Lokal-2026!';
export const DEMO_USERS = [
  { username: 'verifikator', email: 'verifikator@aduan.example', groups: [STAFF_GROUPS.VERIFIER], attributes: {} },
  {
    username: 'petugas-badung',
    email: 'petugas-badung@instansi.example',
    groups: [STAFF_GROUPS.AGENCY_OFFICER],
    attributes: { 'custom:agencyId': 'pemda-51.03' },
  },
  {
    username: 'admin-badung',
    email: 'admin-badung@instansi.example',
    groups: [STAFF_GROUPS.SERVICE_ADMIN],
    attributes: { 'custom:agencyId': 'pemda-51.03' },
  },
  { username: 'petugas-bali', email: 'petugas-bali@instansi.example', groups: [STAFF_GROUPS.AGENCY_OFFICER], attributes: { 'custom:agencyId': 'pemda-51' } },
  {
    username: 'petugas-denpasar',
    email: 'petugas-denpasar@instansi.example',
    groups: [STAFF_GROUPS.AGENCY_OFFICER],
    attributes: { 'custom:agencyId': 'pemda-51.71' },
  },
  { username: 'ombudsman-bali', email: 'ombudsman-bali@instansi.example', groups: [STAFF_GROUPS.OMBUDSMAN], attributes: { 'custom:provinceCode': '51' } },
  { username: 'operator', email: 'operator@aduan.example', groups: [STAFF_GROUPS.OPERATOR], attributes: {} },
];

export interface LocalStaffPool {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  poolLogicalId: string;
  clientLogicalId: string;
}

function cognitoClient(endpoint: string, region: string) {
  return new CognitoIdentityProviderClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

export async function createStaffPool(template: Template, endpoint: string, region: string, prefix: string): Promise<LocalStaffPool | undefined> {
  const pools = resourcesOfType(template, 'AWS::Cognito::UserPool');
  const clients = resourcesOfType(template, 'AWS::Cognito::UserPoolClient');
  const [poolEntry] = pools;
  const [clientEntry] = clients;
  if (!poolEntry || !clientEntry) return undefined;
  const [poolLogicalId, pool] = poolEntry;
  const [clientLogicalId, client] = clientEntry;
  const cognito = cognitoClient(endpoint, region);
  const name = `${prefix}-${poolLogicalId}`;
  const existing = (await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.find((p) => p.Name === name);
  const userPoolId =
    existing?.Id ??
    (
      await cognito.send(
        new CreateUserPoolCommand({
          PoolName: name,
          Schema: (pool.Properties?.Schema as SchemaAttributeType[] | undefined) ?? [],
          AutoVerifiedAttributes: ['email'],
          // Staff sign in with a username (email is an alias), as in the stack; cognito-local defaults to email usernames.
          UsernameAttributes: [],
          AliasAttributes: (pool.Properties?.AliasAttributes as ('email' | 'phone_number' | 'preferred_username')[] | undefined) ?? [],
        }),
      )
    ).UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local created no user pool');
  const clientName = `${prefix}-${clientLogicalId}`;
  const listed = (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }))).UserPoolClients?.find(
    (c) => c.ClientName === clientName,
  );
  const clientId =
    listed?.ClientId ??
    (
      await cognito.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: clientName,
          ExplicitAuthFlows: client.Properties?.ExplicitAuthFlows as ExplicitAuthFlowsType[],
        }),
      )
    ).UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local created no user pool client');
  for (const [, g] of resourcesOfType(template, 'AWS::Cognito::UserPoolGroup')) {
    await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: g.Properties?.GroupName as string })).catch(() => undefined);
  }
  for (const u of DEMO_USERS) {
    try {
      await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: u.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: u.email },
            { Name: 'email_verified', Value: 'true' },
            ...Object.entries(u.attributes).map(([Name, Value]) => ({ Name, Value })),
          ],
        }),
      );
      await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: u.username, Password: DEMO_PASSWORD, Permanent: true }));
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
    }
    // Always (re)applied, so a persisted pool converges on the documented memberships.
    for (const g of u.groups) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: u.username, GroupName: g }));
  }
  return { endpoint, userPoolId, clientId, issuer: `${endpoint}/${userPoolId}`, poolLogicalId, clientLogicalId };
}

/** The normal Cognito sign-in call (USER_PASSWORD_AUTH); returns the ID token. */
export async function signIn(pool: Pick<LocalStaffPool, 'endpoint' | 'clientId'>, username: string, password = DEMO_PASSWORD, region = 'ap-southeast-3') {
  const res = await cognitoClient(pool.endpoint, region).send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
  const token = res.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${username} (challenge: ${res.ChallengeName ?? 'none'})`);
  return token;
}

/**
 * Delivers a code as Cognito would mail it (cognito-local only prints it): to the SES emulator,
 * with the pool's template (core/emails/staff-account.ts), from Cognito's default sender.
 */
export async function deliverCognitoCode(sesEndpoint: string, region: string, delivery: CodeDelivery) {
  const ses = new SESClient({ endpoint: sesEndpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ses.send(
    new SendEmailCommand({
      Source: 'no-reply@verificationemail.com',
      Destination: { ToAddresses: [delivery.destination] },
      Message: {
        Subject: { Data: PASSWORD_RESET_CODE_MAIL.subject },
        Body: { Text: { Data: PASSWORD_RESET_CODE_MAIL.body.replace('{####}', delivery.code) } },
      },
    }),
  );
}
