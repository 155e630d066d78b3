import { input } from '../../contract/inputs/erase-personal-data';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { erasePersonalData } from '../../use-cases/personal-data';

const deps = buildDeps([ENV.tableName, ENV.contactKeySecretArn], { keys: await hmacKeys() });

/** POST /v1/personal-data/erasures (operators): erase one person's identity and contact from every complaint. */
export const handler = httpRoute(input, async ({ body }, event) => json(200, await erasePersonalData(deps, staffOf(event), body)));
