import { input } from '../../contract/inputs/inbox';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { inbox } from '../../use-cases/inbox';

const deps = portsFor(NEEDS.Inbox, { keys: await hmacKeys() });

export const handler = httpRoute(input, async ({ query }, event) => {
  return json(200, await inbox(deps, staffOf(event), query));
});
