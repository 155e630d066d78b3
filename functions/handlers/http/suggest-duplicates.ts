import { input } from '../../contract/inputs/suggest-duplicates';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { suggestDuplicates } from '../../use-cases/duplicates';

const deps = buildDeps([ENV.tableName]);

/** GET /v1/complaints/{trackingId}/duplicates: likely duplicates, for the verifier. */
export const handler = httpRoute(input, async ({ path }, event) => {
  const principal = staffOf(event);
  return json(200, await suggestDuplicates(deps, path.trackingId, { kind: 'STAFF', principal }));
});
