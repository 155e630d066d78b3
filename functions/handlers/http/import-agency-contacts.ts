import { input } from '../../contract/inputs/import-agency-contacts';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { importAgencyContacts } from '../../use-cases/agency-directory';

const deps = buildDeps([ENV.tableName, ENV.agencyEmailDomain]);

/** POST /v1/agencies/contacts/imports: the directory spreadsheet, all rows or none (operators). */
export const handler = httpRoute(input, async ({ body }, event) => json(201, await importAgencyContacts(deps, staffOf(event), body.csv)));
