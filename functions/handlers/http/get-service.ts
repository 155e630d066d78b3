import { input } from '../../contract/inputs/get-service';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { readService } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.GetService, {});

export const handler = httpRoute(input, async ({ path, query }) =>
  json(200, await readService(deps, path.serviceId, query.version), { 'cache-control': 'public, max-age=60' }),
);
