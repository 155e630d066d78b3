import { input } from '../../contract/inputs/import-services';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { importServices } from '../../use-cases/service-catalogue';

const deps = buildDeps([ENV.tableName]);

export const handler = httpRoute(input, async ({ body }, event) => json(201, await importServices(deps, staffOf(event), body.csv)));
