import { input } from '../../contract/inputs/get-service';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { readService } from '../../use-cases/service-catalogue';

const deps = buildDeps([ENV.tableName]);

export const handler = httpRoute(input, async ({ path, query }) =>
  json(200, await readService(deps, path.serviceId, query.version), { 'cache-control': 'public, max-age=60' }),
);
