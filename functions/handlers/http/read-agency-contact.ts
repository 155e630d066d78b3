import { readInput as input } from '../../contract/inputs/agency-contact';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { readAgencyContact } from '../../use-cases/agency-directory';

const deps = buildDeps([ENV.tableName, ENV.agencyEmailDomain]);

/** GET /v1/agencies/{agencyId}/contact: an agency's contact and its recent changes (operators). */
export const handler = httpRoute(input, async ({ path }, event) => json(200, await readAgencyContact(deps, staffOf(event), path.agencyId)));
