import { input } from '../../contract/inputs/import-agency-contacts';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { importAgencyContacts } from '../../use-cases/agency-directory';

const deps = portsFor(NEEDS.ImportAgencyContacts, {});

/** POST /v1/agencies/contacts/imports: the directory spreadsheet, all rows or none (operators). */
export const handler = httpRoute(input, async ({ body }, event) => json(201, await importAgencyContacts(deps, staffOf(event), body.csv)));
