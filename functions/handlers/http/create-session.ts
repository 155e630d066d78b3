import { CognitoSignIn, type SignInStep } from '../../adapters/cognito-sign-in';
import { input } from '../../contract/inputs/create-session';
import type { SessionOutput } from '../../contract/outputs/session';
import type { ParsedInput } from '../../contract/route-input';
import { findAgency } from '../../core/agencies';
import { NEEDS } from '../../needs';
import { staffTokenVerifier } from '../../shared/auth';
import { cognito, cognitoStaffAccounts } from '../../shared/cognito';
import { portsFor } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { HttpProblem, httpRoute, json } from '../../shared/http';
import { noteSignIn } from '../../use-cases/readiness';

const signIn = new CognitoSignIn(cognito, requireEnv(ENV.userPoolClientId));
const deps = portsFor(NEEDS.CreateSession, { staffAccounts: cognitoStaffAccounts });
const verifyStaff = staffTokenVerifier();

const REFUSED: Record<Extract<SignInStep, { kind: 'REFUSED' }>['reason'], [number, string]> = {
  BAD_CREDENTIALS: [401, 'Nama pengguna atau kata sandi salah.'],
  BAD_CODE: [401, 'Kode salah atau sudah tidak berlaku. Coba kode yang baru.'],
  SESSION_EXPIRED: [401, 'Sesi masuk kedaluwarsa. Masukkan kata sandi lagi.'],
  THROTTLED: [429, 'Terlalu banyak percobaan masuk. Tunggu beberapa menit.'],
  UNSUPPORTED_CHALLENGE: [403, 'Akun ini perlu disiapkan dahulu (autentikator). Hubungi admin.'],
  WEAK_PASSWORD: [422, 'Kata sandi baru belum memenuhi syarat: minimal 12 karakter dengan huruf besar, huruf kecil, angka dan simbol.'],
};

/** One step of the sign-in, as the body names it. */
function stepOf(body: ParsedInput<typeof input>['body']) {
  switch (body.step) {
    case 'PASSWORD':
      return signIn.password(body.username, body.password);
    case 'MFA':
      return signIn.mfaCode(body.username, body.session, body.code);
    case 'MFA_SETUP':
      return signIn.enrolAuthenticator(body.username, body.session, body.code);
    case 'NEW_PASSWORD':
      return signIn.newPassword(body.username, body.session, body.newPassword);
    case 'RESET_PASSWORD':
      return signIn.resetPassword(body.username, body.code, body.newPassword);
    case 'FORGOT_PASSWORD':
      throw new Error('a forgotten password is not a sign-in step');
  }
}

export const handler = httpRoute(input, async ({ body }) => {
  const noStore = { 'cache-control': 'no-store' };
  if (body.step === 'FORGOT_PASSWORD') {
    // The same answer whether or not the username exists: the code goes to the address it has.
    const sent = await signIn.forgotPassword(body.username);
    if (sent.kind === 'REFUSED') throw new HttpProblem(...REFUSED[sent.reason]);
    return json(200, { next: 'RESET_PASSWORD' } satisfies SessionOutput, noStore);
  }
  const step = await stepOf(body);
  if (step.kind === 'REFUSED') {
    throw new HttpProblem(...REFUSED[step.reason]);
  }
  if (step.kind === 'MFA_REQUIRED') return json(200, { next: 'MFA', session: step.session } satisfies SessionOutput, noStore);
  if (step.kind === 'NEW_PASSWORD_REQUIRED') return json(200, { next: 'NEW_PASSWORD', session: step.session } satisfies SessionOutput, noStore);
  if (step.kind === 'MFA_SETUP') {
    const otpauthUri = `otpauth://totp/Aduan:${encodeURIComponent(body.username)}?secret=${step.secret}&issuer=Aduan`;
    return json(200, { next: 'MFA_SETUP', session: step.session, secret: step.secret, otpauthUri } satisfies SessionOutput, noStore);
  }
  // The token comes straight from Cognito; verifying it still gives the portal the principal as the API sees it.
  const staff = await verifyStaff(step.idToken);
  // A disabled account gets no session, whatever the provider answered (cognito-local signs disabled users in).
  const account = await deps.staffAccounts.get(staff.username);
  if (account?.status === 'DISABLED') throw new HttpProblem(401, REFUSED.BAD_CREDENTIALS[1]);
  await noteSignIn(deps, staff);
  const agencyName = staff.agencyId ? findAgency(staff.agencyId)?.name : undefined;
  return json(
    201,
    {
      idToken: step.idToken,
      expiresIn: step.expiresIn,
      staff: { ...staff, ...(agencyName ? { agencyName } : {}), ...(account?.language ? { language: account.language } : {}) },
    } satisfies SessionOutput,
    noStore,
  );
});
