import { tableInput as input } from '../../contract/inputs/readiness';
import type { ReadinessTableOutput } from '../../contract/outputs/readiness';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { readinessTable } from '../../use-cases/readiness';

const deps = portsFor(NEEDS.ReadinessTable, {});

/** GET /v1/readiness */
export const handler = httpRoute(input, async ({ query }, event) =>
  json(200, (await readinessTable(deps, staffOf(event), query)) satisfies ReadinessTableOutput, { 'cache-control': 'no-store' }),
);
