import { API_ROUTES } from '../../functions/contract/api-routes';
import { NEEDS } from '../../functions/needs';
import type { FunctionSpec } from '../function-spec';

/** Onboarding (issue 21): operators and agencies' administrators bring in their people; each agency's readiness. */
export const STAFF_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'ListStaff',
    entry: 'functions/handlers/http/list-staff.ts',
    description: API_ROUTES.ListStaff.summary,
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.ListStaff, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.ListStaff,
  },
  {
    id: 'InviteStaff',
    entry: 'functions/handlers/http/invite-staff.ts',
    description: API_ROUTES.InviteStaff.summary,
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.InviteStaff, throttle: { ratePerSecond: 2, burst: 5 } },
    needs: NEEDS.InviteStaff,
  },
  {
    id: 'ImportStaff',
    entry: 'functions/handlers/http/import-staff.ts',
    description: API_ROUTES.ImportStaff.summary,
    timeoutSeconds: 60,
    memoryMb: 512,
    trigger: { kind: 'http', ...API_ROUTES.ImportStaff, throttle: { ratePerSecond: 1, burst: 2 } },
    needs: NEEDS.ImportStaff,
  },
  {
    id: 'StaffActions',
    entry: 'functions/handlers/http/staff-actions.ts',
    description: API_ROUTES.StaffActions.summary,
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.StaffActions, throttle: { ratePerSecond: 2, burst: 5 } },
    needs: NEEDS.StaffActions,
  },
  {
    id: 'StaffHistory',
    entry: 'functions/handlers/http/staff-history.ts',
    description: API_ROUTES.StaffHistory.summary,
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.StaffHistory, throttle: { ratePerSecond: 2, burst: 5 } },
    needs: NEEDS.StaffHistory,
  },
  {
    id: 'AgencyReadiness',
    entry: 'functions/handlers/http/agency-readiness.ts',
    description: API_ROUTES.AgencyReadiness.summary,
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', ...API_ROUTES.AgencyReadiness, throttle: { ratePerSecond: 5, burst: 10 } },
    needs: NEEDS.AgencyReadiness,
  },
  {
    id: 'ReadinessTable',
    entry: 'functions/handlers/http/readiness-table.ts',
    description: API_ROUTES.ReadinessTable.summary,
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: { kind: 'http', ...API_ROUTES.ReadinessTable, throttle: { ratePerSecond: 2, burst: 5 } },
    needs: NEEDS.ReadinessTable,
  },
];
