import { updateInput as input } from '../../contract/inputs/agency-contact';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { updateAgencyContact } from '../../use-cases/agency-directory';

const deps = portsFor(NEEDS.UpdateAgencyContact, {});

/** POST /v1/agencies/{agencyId}/contact: an operator changes where an agency's mail goes (audited). */
export const handler = httpRoute(input, async ({ path, body }, event) => json(200, await updateAgencyContact(deps, staffOf(event), path.agencyId, body)));
