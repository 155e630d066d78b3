import { input } from '../../contract/inputs/suggest-duplicates';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { suggestDuplicates } from '../../use-cases/duplicates';

const deps = portsFor(NEEDS.SuggestDuplicates, {});

/** GET /v1/complaints/{trackingId}/duplicates: likely duplicates, for the verifier. */
export const handler = httpRoute(input, async ({ path }, event) => {
  const principal = staffOf(event);
  return json(200, await suggestDuplicates(deps, path.trackingId, { kind: 'STAFF', principal }));
});
