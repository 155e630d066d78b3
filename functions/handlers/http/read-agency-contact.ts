import { readInput as input } from '../../contract/inputs/agency-contact';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { readAgencyContact } from '../../use-cases/agency-directory';

const deps = portsFor(NEEDS.ReadAgencyContact, {});

/** GET /v1/agencies/{agencyId}/contact: an agency's contact and its recent changes (operators). */
export const handler = httpRoute(input, async ({ path }, event) => json(200, await readAgencyContact(deps, staffOf(event), path.agencyId)));
