import { figureComplaintsInput as input } from '../../contract/inputs/compliance';
import type { FigureComplaintsOutput } from '../../contract/outputs/compliance';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { figureComplaints } from '../../use-cases/compliance';

const deps = portsFor(NEEDS.FigureComplaints, {});

/** GET /v1/compliance/{agencyId}/complaints: the complaints behind one figure (its Ombudsman office and its own staff). */
export const handler = httpRoute(input, async ({ path, query }, event) =>
  json(200, (await figureComplaints(deps, staffOf(event), { agencyId: path.agencyId, ...query })) satisfies FigureComplaintsOutput),
);
