import { input } from '../../contract/inputs/create-service';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { createServices, readService } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.CreateService, {});

export const handler = httpRoute(input, async ({ body }, event) => {
  const [created] = await createServices(deps, staffOf(event), [body]);
  return json(201, await readService(deps, (created as { id: string }).id));
});
