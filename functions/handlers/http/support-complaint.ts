import { input } from '../../contract/inputs/support-complaint';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { clientAddressOf, httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { supportComplaint } from '../../use-cases/support';

const deps = portsFor(NEEDS.SupportComplaint, { keys: await hmacKeys() });

/** POST /v1/complaints/{trackingId}/support: one device says it has the same problem. */
export const handler = httpRoute(input, async ({ path, headers }, event) => {
  const result = await supportComplaint(deps, path.trackingId, headers['x-device-token'], clientAddressOf(event));
  return json(result.added ? 201 : 200, result, { 'cache-control': 'no-store' });
});
