import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/shared/env';
import { envNamesOf, FUNCTIONS, type FunctionSpec } from '../../lib/wiring';
import { startSecretsManager } from '../../local/secrets-manager';

const SECRET_ARN = 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:route-test';
// Handlers that page or look up contacts read their keys at load, from Secrets Manager's local stand-in.
let secrets: Awaited<ReturnType<typeof startSecretsManager>>;
beforeAll(async () => {
  secrets = await startSecretsManager({ port: 0, arns: [SECRET_ARN] });
  Object.assign(process.env, { AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
});
afterAll(() => secrets?.stop());

const VALUES: Record<string, string> = {
  [ENV.cursorKeySecretArn]: SECRET_ARN,
  [ENV.contactKeySecretArn]: SECRET_ARN,
  [ENV.jwtIssuer]: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Test',
  [ENV.clockOverrides]: '{}',
  [ENV.mailSendsPerSecond]: '4.667',
};
/** Exactly the environment the stack gives this function (a handler fails at load on a mismatch). */
function environmentOf(spec: FunctionSpec) {
  for (const name of Object.values(ENV)) delete process.env[name];
  Object.assign(process.env, { AWS_REGION: 'ap-southeast-3' }, Object.fromEntries(envNamesOf(spec).map((n) => [n, VALUES[n] ?? 'x'.repeat(40)])));
}

describe('every route declares its inputs once, and its handler validates with that declaration', () => {
  for (const spec of FUNCTIONS) {
    const t = spec.trigger;
    if (t.kind !== 'http') continue;
    it(`${t.method} ${t.path} (${spec.id})`, async () => {
      environmentOf(spec);
      const mod = (await import(`../../${spec.entry}`)) as { handler: { input?: unknown } };
      expect(mod.handler.input).toBe(t.input);
      // A route that takes a body declares it; a GET declares none.
      expect(t.input.body === undefined).toBe(t.method === 'GET');
    });
  }
});
