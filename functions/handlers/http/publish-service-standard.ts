import { input } from '../../contract/inputs/publish-service-standard';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { publishStandard } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.PublishServiceStandard, {});

export const handler = httpRoute(input, async ({ path, body }, event) => json(201, await publishStandard(deps, staffOf(event), path.serviceId, body)));
