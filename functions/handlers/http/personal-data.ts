import { input } from '../../contract/inputs/personal-data';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { exportPersonalData } from '../../use-cases/personal-data';

const deps = portsFor(NEEDS.PersonalData, { identities: kmsIdentities, keys: await hmacKeys() });

/** GET /v1/personal-data?email=…|phone=… (operators): one person's data across every complaint, audited. */
export const handler = httpRoute(input, async ({ query }, event) =>
  json(200, await exportPersonalData(deps, staffOf(event), query), { 'content-disposition': 'attachment; filename="data-pribadi.json"' }),
);
