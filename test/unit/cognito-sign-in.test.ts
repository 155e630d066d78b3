/**
 * Enrolling an authenticator at first sign-in where the pool requires MFA (prod): Cognito's
 * MFA_SETUP challenge, as its API documents it. cognito-local has no MFA_SETUP (it answers
 * AssociateSoftwareToken and VerifySoftwareToken only with an access token), so the sequence is
 * held here against a scripted client that enforces Cognito's session hand-offs; the new-password
 * and disabled-account steps run on cognito-local in test/e2e/staff-onboarding.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CognitoSignIn } from '../../functions/adapters/cognito-sign-in';

/** Cognito's side of the MFA_SETUP flow: each call must carry the session the previous one handed out. */
function scriptedPool() {
  const calls: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, any> }) => {
      const name = command.constructor.name;
      calls.push(name);
      const i = command.input;
      if (name === 'InitiateAuthCommand') return { ChallengeName: 'MFA_SETUP', Session: 's1' };
      if (name === 'AssociateSoftwareTokenCommand') {
        expect(i.Session).toBe('s1');
        return { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' };
      }
      if (name === 'VerifySoftwareTokenCommand') {
        expect(i.Session).toBe('s2');
        if (i.UserCode !== '123456') throw Object.assign(new Error('Code mismatch'), { name: 'EnableSoftwareTokenMFAException' });
        return { Status: 'SUCCESS', Session: 's3' };
      }
      if (name === 'RespondToAuthChallengeCommand') {
        expect(i).toMatchObject({ ChallengeName: 'MFA_SETUP', Session: 's3', ChallengeResponses: { USERNAME: 'niluh' } });
        return { AuthenticationResult: { IdToken: 'id.token.here', ExpiresIn: 3600 } };
      }
      throw new Error(`unexpected ${name}`);
    },
  };
  return { client, calls };
}

describe('enrolling an authenticator at first sign-in (MFA_SETUP)', () => {
  it('hands out the secret to enrol, refuses a wrong first code, and signs in with the right one', async () => {
    const { client, calls } = scriptedPool();
    const signIn = new CognitoSignIn(client as never, 'client-id');
    const first = await signIn.password('niluh', 'Badung-Admin-2026!');
    expect(first).toEqual({ kind: 'MFA_SETUP', session: 's2', secret: 'JBSWY3DPEHPK3PXP' });
    expect(await signIn.enrolAuthenticator('niluh', 's2', '000000')).toEqual({ kind: 'REFUSED', reason: 'BAD_CODE' });
    expect(await signIn.enrolAuthenticator('niluh', 's2', '123456')).toEqual({ kind: 'SIGNED_IN', idToken: 'id.token.here', expiresIn: 3600 });
    expect(calls).toEqual([
      'InitiateAuthCommand',
      'AssociateSoftwareTokenCommand',
      'VerifySoftwareTokenCommand',
      'VerifySoftwareTokenCommand',
      'RespondToAuthChallengeCommand',
    ]);
  });
});
