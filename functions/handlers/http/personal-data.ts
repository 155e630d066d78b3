import { input } from '../../contract/inputs/personal-data';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { exportPersonalData } from '../../use-cases/personal-data';

const deps = buildDeps([ENV.tableName, ENV.identityKeyId, ENV.contactKeySecretArn], { identities: kmsIdentities, keys: await hmacKeys() });

/** GET /v1/personal-data?email=…|phone=… (operators): one person's data across every complaint, audited. */
export const handler = httpRoute(input, async ({ query }, event) =>
  json(200, await exportPersonalData(deps, staffOf(event), query), { 'content-disposition': 'attachment; filename="data-pribadi.json"' }),
);
