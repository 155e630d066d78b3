import { input } from '../../contract/inputs/retire-service';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { retireService } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.RetireService, {});

export const handler = httpRoute(input, async ({ path }, event) => json(200, await retireService(deps, staffOf(event), path.serviceId)));
