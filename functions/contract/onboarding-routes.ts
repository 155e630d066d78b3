/** Onboarding agencies and their people (issue 21): staff accounts and each agency's readiness. */
import type { ApiRoute } from './api-route';
import { readinessOutput, readinessTableOutput } from './outputs/readiness';
import { staffChangedOutput, staffHistoryOutput, staffImportOutput, staffInvitedOutput, staffListOutput } from './outputs/staff';
import { ROUTE_INPUTS } from './routes';

export const ONBOARDING_ROUTES = {
  ListStaff: {
    method: 'GET',
    path: '/v1/staff',
    auth: 'staff',
    input: ROUTE_INPUTS.listStaff,
    output: staffListOutput,
    summary: "GET /v1/staff: staff accounts by agency, group and status (operators; an agency's administrator, its own)",
  },
  InviteStaff: {
    method: 'POST',
    path: '/v1/staff',
    auth: 'staff',
    input: ROUTE_INPUTS.inviteStaff,
    output: staffInvitedOutput,
    statuses: [201],
    summary: 'POST /v1/staff: invite one person; they get their username and a temporary password by mail',
  },
  ImportStaff: {
    method: 'POST',
    path: '/v1/staff/imports',
    auth: 'staff',
    input: ROUTE_INPUTS.importStaff,
    output: staffImportOutput,
    statuses: [201],
    summary: 'POST /v1/staff/imports: invite from a spreadsheet (name,email,group,agencyId,provinceCode), all rows or none, naming each bad row',
  },
  StaffActions: {
    method: 'POST',
    path: '/v1/staff/{username}/actions',
    auth: 'staff',
    input: ROUTE_INPUTS.staffActions,
    output: staffChangedOutput,
    summary: 'POST /v1/staff/{username}/actions: disable, enable, resend the invitation, reset the password, change role or agency',
  },
  StaffHistory: {
    method: 'GET',
    path: '/v1/staff/{username}/history',
    auth: 'staff',
    input: ROUTE_INPUTS.staffHistory,
    output: staffHistoryOutput,
    summary: 'GET /v1/staff/{username}/history: every change of an account, who and when',
  },
  AgencyReadiness: {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/readiness',
    auth: 'staff',
    input: ROUTE_INPUTS.agencyReadiness,
    output: readinessOutput,
    summary: "GET /v1/agencies/{agencyId}/readiness: an agency's complaint-unit checklist, computed from what exists, with what to do next",
  },
  ReadinessTable: {
    method: 'GET',
    path: '/v1/readiness',
    auth: 'staff',
    input: ROUTE_INPUTS.readinessTable,
    output: readinessTableOutput,
    summary: "GET /v1/readiness: every local government's checklist and how many of the 552 are ready (operators; an Ombudsman office, its province)",
  },
} as const satisfies Record<string, ApiRoute>;
