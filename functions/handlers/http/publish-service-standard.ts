import { input } from '../../contract/inputs/publish-service-standard';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { publishStandard } from '../../use-cases/service-catalogue';

const deps = buildDeps([ENV.tableName]);

export const handler = httpRoute(input, async ({ path, body }, event) => json(201, await publishStandard(deps, staffOf(event), path.serviceId, body)));
