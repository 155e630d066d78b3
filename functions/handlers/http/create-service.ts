import { input } from '../../contract/inputs/create-service';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { createServices, readService } from '../../use-cases/service-catalogue';

const deps = buildDeps([ENV.tableName]);

export const handler = httpRoute(input, async ({ body }, event) => {
  const [created] = await createServices(deps, staffOf(event), [body]);
  return json(201, await readService(deps, (created as { id: string }).id));
});
