import { input } from '../../contract/inputs/get-complaint';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { getComplaint } from '../../use-cases/get-complaint';

const deps = portsFor(NEEDS.GetComplaint, { identities: kmsIdentities, keys: await hmacKeys() });
const verifyStaff = staffTokenVerifier();

export const handler = httpRoute(input, async ({ path, query }, event) => {
  const page = { ...(query.timelineLimit ? { limit: query.timelineLimit } : {}), ...(query.timelineCursor ? { cursor: query.timelineCursor } : {}) };
  const view = await getComplaint(deps, path.trackingId, await callerOf(event, verifyStaff), { page, revealIdentity: query.identity === 'SHOW' });
  // Reporter and staff views carry identities: never let a shared cache keep them.
  return json(200, view, { vary: 'Authorization' });
});
