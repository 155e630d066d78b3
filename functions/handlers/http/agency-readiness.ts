import { agencyInput as input } from '../../contract/inputs/readiness';
import type { ReadinessOutput } from '../../contract/outputs/readiness';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { agencyReadiness } from '../../use-cases/readiness';

const deps = portsFor(NEEDS.AgencyReadiness, {});

/** GET /v1/agencies/{agencyId}/readiness */
export const handler = httpRoute(input, async ({ path }, event) =>
  json(200, (await agencyReadiness(deps, staffOf(event), path.agencyId)) satisfies ReadinessOutput, { 'cache-control': 'no-store' }),
);
