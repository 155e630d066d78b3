import { API_ROUTES } from '../../functions/contract/api-routes';
import { NEEDS } from '../../functions/needs';
import type { FunctionSpec } from '../function-spec';

/** The Ombudsman's view of every agency (issue 22): public compliance scores, scorecards, methodology. */
export const OVERSIGHT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'ComplianceTable',
    entry: 'functions/handlers/http/compliance-table.ts',
    description: API_ROUTES.ComplianceTable.summary,
    timeoutSeconds: 15,
    memoryMb: 512,
    trigger: { kind: 'http', ...API_ROUTES.ComplianceTable, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.ComplianceTable,
  },
  {
    id: 'AgencyScorecard',
    entry: 'functions/handlers/http/agency-scorecard.ts',
    description: API_ROUTES.AgencyScorecard.summary,
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.AgencyScorecard, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.AgencyScorecard,
  },
  {
    id: 'FigureComplaints',
    entry: 'functions/handlers/http/figure-complaints.ts',
    description: API_ROUTES.FigureComplaints.summary,
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.FigureComplaints, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.FigureComplaints,
  },
  {
    id: 'ComplianceMethodology',
    entry: 'functions/handlers/http/compliance-methodology.ts',
    description: API_ROUTES.ComplianceMethodology.summary,
    timeoutSeconds: 5,
    memoryMb: 128,
    trigger: { kind: 'http', ...API_ROUTES.ComplianceMethodology, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.ComplianceMethodology,
  },
];
