import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/shared/env';
import { FUNCTIONS } from '../../lib/wiring';

// Enough environment for every HTTP handler module to load (clients are created, nothing is called).
Object.assign(process.env, Object.fromEntries(Object.values(ENV).map((name) => [name, 'x'.repeat(40)])), {
  [ENV.jwtIssuer]: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Test',
  [ENV.clockOverrides]: '{}',
  [ENV.agencyEmailOverrides]: '{}',
  AWS_REGION: 'ap-southeast-3',
});

describe('every route declares its inputs once, and its handler validates with that declaration', () => {
  for (const spec of FUNCTIONS) {
    const t = spec.trigger;
    if (t.kind !== 'http') continue;
    it(`${t.method} ${t.path} (${spec.id})`, async () => {
      const mod = (await import(`../../${spec.entry}`)) as { handler: { input?: unknown } };
      expect(mod.handler.input).toBe(t.input);
      // A route that takes a body declares it; a GET declares none.
      expect(t.input.body === undefined).toBe(t.method === 'GET');
    });
  }
});
