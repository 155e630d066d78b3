import { input } from '../../contract/inputs/inbox';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { inbox } from '../../use-cases/inbox';

const deps = buildDeps([ENV.tableName, ENV.cursorKeySecretArn], { keys: await hmacKeys() });

export const handler = httpRoute(input, async ({ query }, event) => {
  return json(200, await inbox(deps, staffOf(event), query));
});
