import {
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** What one sign-in step ends in: signed in, or the authenticator code Cognito asks for next. */
export type SignInStep =
  | { kind: 'SIGNED_IN'; idToken: string; expiresIn: number }
  | { kind: 'MFA_REQUIRED'; session: string }
  /** A first sign-in (or after a reset) with a temporary password: the person sets their own. */
  | { kind: 'NEW_PASSWORD_REQUIRED'; session: string }
  /**
   * The pool requires MFA and the person has no authenticator yet: the secret to enrol (shown as
   * a key to type and an otpauth:// link), confirmed by a first code.
   */
  | { kind: 'MFA_SETUP'; session: string; secret: string }
  | { kind: 'REFUSED'; reason: SignInRefusal; challenge?: string };

export type SignInRefusal = 'BAD_CREDENTIALS' | 'BAD_CODE' | 'SESSION_EXPIRED' | 'THROTTLED' | 'UNSUPPORTED_CHALLENGE' | 'WEAK_PASSWORD';

const REFUSALS: Record<string, SignInRefusal> = {
  NotAuthorizedException: 'BAD_CREDENTIALS',
  // What cognito-local answers for a wrong password (Cognito itself says NotAuthorizedException);
  // a new password the policy refuses is told apart where it is set (newPassword below).
  InvalidPasswordException: 'BAD_CREDENTIALS',
  UserNotFoundException: 'BAD_CREDENTIALS',
  PasswordResetRequiredException: 'BAD_CREDENTIALS',
  UserNotConfirmedException: 'BAD_CREDENTIALS',
  CodeMismatchException: 'BAD_CODE',
  ExpiredCodeException: 'SESSION_EXPIRED',
  TooManyRequestsException: 'THROTTLED',
  LimitExceededException: 'THROTTLED',
  TooManyFailedAttemptsException: 'THROTTLED',
};

/**
 * Staff sign-in against the stack's user pool (USER_PASSWORD_AUTH, then SOFTWARE_TOKEN_MFA when
 * the pool requires TOTP), so the portal talks to its own origin only. Passwords pass through
 * and are never logged or kept.
 */
export class CognitoSignIn {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  password(username: string, password: string): Promise<SignInStep> {
    return this.step(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: this.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
  }

  mfaCode(username: string, session: string, code: string): Promise<SignInStep> {
    return this.step(
      new RespondToAuthChallengeCommand({
        ClientId: this.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    );
  }

  /** The password a person chooses in place of their temporary one. */
  async newPassword(username: string, session: string, newPassword: string): Promise<SignInStep> {
    const step = await this.step(
      new RespondToAuthChallengeCommand({
        ClientId: this.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
      }),
      { InvalidPasswordException: 'WEAK_PASSWORD' },
    );
    return step;
  }

  /**
   * A forgotten password: Cognito mails a code to the account's address. Whether the username
   * exists is never told (the pool client prevents existence errors; cognito-local does not, so a
   * missing user is answered the same here).
   */
  async forgotPassword(username: string): Promise<{ kind: 'CODE_SENT' } | Extract<SignInStep, { kind: 'REFUSED' }>> {
    try {
      await this.client.send(new ForgotPasswordCommand({ ClientId: this.clientId, Username: username }));
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'UserNotFoundException' || name === 'InvalidParameterException' || name === 'NotAuthorizedException') return { kind: 'CODE_SENT' };
      const reason = REFUSALS[name];
      if (reason) return { kind: 'REFUSED', reason };
      throw error;
    }
    return { kind: 'CODE_SENT' };
  }

  /** The mailed code and a new password; then the sign-in goes on with it (MFA, if the pool asks). */
  async resetPassword(username: string, code: string, newPassword: string): Promise<SignInStep> {
    try {
      await this.client.send(new ConfirmForgotPasswordCommand({ ClientId: this.clientId, Username: username, ConfirmationCode: code, Password: newPassword }));
    } catch (error) {
      const reason = ({ InvalidPasswordException: 'WEAK_PASSWORD', UserNotFoundException: 'BAD_CODE', ...REFUSALS } as Record<string, SignInRefusal>)[
        (error as Error).name
      ];
      if (reason) return { kind: 'REFUSED', reason };
      throw error;
    }
    return this.password(username, newPassword);
  }

  /**
   * Confirms the authenticator with its first code, then finishes the sign-in the MFA_SETUP
   * challenge held (Cognito: VerifySoftwareToken with the session, then the challenge's answer).
   */
  async enrolAuthenticator(username: string, session: string, code: string): Promise<SignInStep> {
    let verified: { Status?: string; Session?: string };
    try {
      verified = await this.client.send(new VerifySoftwareTokenCommand({ Session: session, UserCode: code, FriendlyDeviceName: 'Aduan' }));
    } catch (error) {
      const reason = ({ EnableSoftwareTokenMFAException: 'BAD_CODE', CodeMismatchException: 'BAD_CODE', ...REFUSALS } as Record<string, SignInRefusal>)[
        (error as Error).name
      ];
      if (reason) return { kind: 'REFUSED', reason };
      throw error;
    }
    if (verified.Status !== 'SUCCESS' || !verified.Session) return { kind: 'REFUSED', reason: 'BAD_CODE' };
    return this.step(
      new RespondToAuthChallengeCommand({
        ClientId: this.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: username },
      }),
    );
  }

  private async step(command: InitiateAuthCommand | RespondToAuthChallengeCommand, refusals: Record<string, SignInRefusal> = {}): Promise<SignInStep> {
    let res: { AuthenticationResult?: AuthenticationResultType; ChallengeName?: string; Session?: string };
    try {
      res = await this.client.send(command as InitiateAuthCommand);
    } catch (error) {
      const reason = refusals[(error as Error).name] ?? REFUSALS[(error as Error).name];
      if (reason) return { kind: 'REFUSED', reason };
      throw error;
    }
    const token = res.AuthenticationResult?.IdToken;
    if (token) return { kind: 'SIGNED_IN', idToken: token, expiresIn: res.AuthenticationResult?.ExpiresIn ?? 3600 };
    if (res.ChallengeName === 'SOFTWARE_TOKEN_MFA' && res.Session) return { kind: 'MFA_REQUIRED', session: res.Session };
    if (res.ChallengeName === 'NEW_PASSWORD_REQUIRED' && res.Session) return { kind: 'NEW_PASSWORD_REQUIRED', session: res.Session };
    if (res.ChallengeName === 'MFA_SETUP' && res.Session) {
      // The secret to enrol comes with a new session for the rest of the setup.
      const associated = await this.client.send(new AssociateSoftwareTokenCommand({ Session: res.Session }));
      if (associated.SecretCode && associated.Session) return { kind: 'MFA_SETUP', session: associated.Session, secret: associated.SecretCode };
    }
    return { kind: 'REFUSED', reason: 'UNSUPPORTED_CHALLENGE', ...(res.ChallengeName ? { challenge: res.ChallengeName } : {}) };
  }
}
