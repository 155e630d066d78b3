import { input } from '../../contract/inputs/erase-personal-data';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { erasePersonalData } from '../../use-cases/personal-data';

const deps = portsFor(NEEDS.ErasePersonalData, { keys: await hmacKeys() });

/** POST /v1/personal-data/erasures (operators): erase one person's identity and contact from every complaint. */
export const handler = httpRoute(input, async ({ body }, event) => json(200, await erasePersonalData(deps, staffOf(event), body)));
