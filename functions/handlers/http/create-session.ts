import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoSignIn, type SignInStep } from '../../adapters/cognito-sign-in';
import { input } from '../../contract/inputs/create-session';
import type { SessionOutput } from '../../contract/outputs/session';
import { staffTokenVerifier } from '../../shared/auth';
import { ENV, requireEnv } from '../../shared/env';
import { HttpProblem, httpRoute, json } from '../../shared/http';
import { tracer } from '../../shared/powertools';

const signIn = new CognitoSignIn(tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})), requireEnv(ENV.userPoolClientId));
const verifyStaff = staffTokenVerifier();

const REFUSED: Record<Extract<SignInStep, { kind: 'REFUSED' }>['reason'], [number, string]> = {
  BAD_CREDENTIALS: [401, 'Nama pengguna atau kata sandi salah.'],
  BAD_CODE: [401, 'Kode autentikator salah. Coba kode yang baru.'],
  SESSION_EXPIRED: [401, 'Sesi masuk kedaluwarsa. Masukkan kata sandi lagi.'],
  THROTTLED: [429, 'Terlalu banyak percobaan masuk. Tunggu beberapa menit.'],
  UNSUPPORTED_CHALLENGE: [403, 'Akun ini perlu disiapkan dahulu (kata sandi baru atau autentikator). Hubungi admin.'],
};

export const handler = httpRoute(input, async ({ body }) => {
  const step = body.step === 'PASSWORD' ? await signIn.password(body.username, body.password) : await signIn.mfaCode(body.username, body.session, body.code);
  if (step.kind === 'REFUSED') {
    const [status, detail] = REFUSED[step.reason];
    throw new HttpProblem(status, detail);
  }
  const noStore = { 'cache-control': 'no-store' };
  if (step.kind === 'MFA_REQUIRED') return json(200, { next: 'MFA', session: step.session } satisfies SessionOutput, noStore);
  // The token comes straight from Cognito; verifying it still gives the portal the principal as the API sees it.
  const staff = await verifyStaff(step.idToken);
  return json(201, { idToken: step.idToken, expiresIn: step.expiresIn, staff } satisfies SessionOutput, noStore);
});
