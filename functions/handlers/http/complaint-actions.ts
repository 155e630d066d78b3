import { input } from '../../contract/inputs/complaint-actions';
import type { ActionInput } from '../../core/actions';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { actOnComplaint } from '../../use-cases/act-on-complaint';

const deps = portsFor(NEEDS.ComplaintActions, {
  identities: kmsIdentities,
  keys: await hmacKeys(),
});
const verifyStaff = staffTokenVerifier();

export const handler = httpRoute(input, async ({ path, body }, event) => {
  const caller = await callerOf(event, verifyStaff);
  const view = await actOnComplaint(deps, path.trackingId, caller, body as ActionInput);
  return json(200, view, { vary: 'Authorization' });
});
