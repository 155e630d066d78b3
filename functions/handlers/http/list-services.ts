import { input } from '../../contract/inputs/list-services';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';
import { searchServices } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.ListServices, { keys: await hmacKeys() });

export const handler = httpRoute(input, async ({ query }) => {
  const filter = {
    ...(query.q ? { q: query.q } : {}),
    ...(query.agencyId ? { agencyId: query.agencyId } : {}),
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
  };
  const page = await searchServices(deps, filter, { limit: query.limit, cursor: query.cursor });
  return json(200, page, { 'cache-control': 'public, max-age=60' });
});
