import { input } from '../../contract/inputs/import-services';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { importServices } from '../../use-cases/service-catalogue';

const deps = portsFor(NEEDS.ImportServices, {});

export const handler = httpRoute(input, async ({ body }, event) => json(201, await importServices(deps, staffOf(event), body.csv)));
