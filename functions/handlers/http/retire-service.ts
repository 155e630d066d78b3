import { input } from '../../contract/inputs/retire-service';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { retireService } from '../../use-cases/service-catalogue';

const deps = buildDeps([ENV.tableName]);

export const handler = httpRoute(input, async ({ path }, event) => json(200, await retireService(deps, staffOf(event), path.serviceId)));
