/** The Ombudsman's view of every agency (issue 22): compliance scores, scorecards and their methodology. Public: counts only; the complaints behind a figure for staff. */
import type { ApiRoute } from './api-route';
import { complianceTableOutput, figureComplaintsOutput, methodologyOutput, scorecardOutput } from './outputs/compliance';
import { ROUTE_INPUTS } from './routes';

export const OVERSIGHT_ROUTES = {
  ComplianceTable: {
    method: 'GET',
    path: '/v1/compliance',
    auth: 'public',
    input: ROUTE_INPUTS.complianceTable,
    output: complianceTableOutput,
    summary: 'GET /v1/compliance?period=YYYY-MM[..YYYY-MM]&level=&provinceCode=&format=csv: every agency scored, zoned and ranked',
  },
  AgencyScorecard: {
    method: 'GET',
    path: '/v1/compliance/{agencyId}',
    auth: 'public',
    input: ROUTE_INPUTS.agencyScorecard,
    output: scorecardOutput,
    summary: "GET /v1/compliance/{agencyId}?period=: an agency's scorecard, month by month, and what would raise it",
  },
  FigureComplaints: {
    method: 'GET',
    path: '/v1/compliance/{agencyId}/complaints',
    auth: 'staff',
    input: ROUTE_INPUTS.figureComplaints,
    output: figureComplaintsOutput,
    summary:
      "GET /v1/compliance/{agencyId}/complaints?period=&figure=: the complaints behind one figure of an agency's scorecard (its Ombudsman office and its own staff)",
  },
  ComplianceMethodology: {
    method: 'GET',
    path: '/v1/compliance/methodology',
    auth: 'public',
    input: ROUTE_INPUTS.complianceMethodology,
    output: methodologyOutput,
    summary: 'GET /v1/compliance/methodology?month=: the weights and bands a score is computed with, and their source',
  },
} as const satisfies Record<string, ApiRoute>;
