import { updateInput as input } from '../../contract/inputs/agency-contact';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { updateAgencyContact } from '../../use-cases/agency-directory';

const deps = buildDeps([ENV.tableName, ENV.agencyEmailDomain]);

/** POST /v1/agencies/{agencyId}/contact: an operator changes where an agency's mail goes (audited). */
export const handler = httpRoute(input, async ({ path, body }, event) => json(200, await updateAgencyContact(deps, staffOf(event), path.agencyId, body)));
