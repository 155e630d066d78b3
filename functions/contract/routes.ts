/**
 * The inputs of every HTTP route — path, query, headers and body — declared once, one module per
 * route in inputs/ (so each handler loads only its own). lib/wiring.ts attaches each to its route
 * from here; the handlers validate with the same object (a test holds them together); OpenAPI and
 * the API Gateway request models are generated from them.
 */

import { readInput as readAgencyContact, updateInput as updateAgencyContact } from './inputs/agency-contact';
import { input as bundlePublicKey } from './inputs/bundle-public-key';
import { input as calendar } from './inputs/calendar';
import { input as calendarChanges } from './inputs/calendar-changes';
import { input as calendarDeadline } from './inputs/calendar-deadline';
import { input as chainHeads } from './inputs/chain-heads';
import { input as complaintActions } from './inputs/complaint-actions';
import {
  scorecardInput as agencyScorecard,
  methodologyInput as complianceMethodology,
  tableInput as complianceTable,
  figureComplaintsInput as figureComplaints,
} from './inputs/compliance';
import { input as createService } from './inputs/create-service';
import { input as createSession } from './inputs/create-session';
import { input as downloadAttachment } from './inputs/download-attachment';
import { input as erasePersonalData } from './inputs/erase-personal-data';
import { input as exportCaseBundle } from './inputs/export-case-bundle';
import { input as getComplaint } from './inputs/get-complaint';
import { input as getService } from './inputs/get-service';
import { input as health } from './inputs/health';
import { input as importAgencyContacts } from './inputs/import-agency-contacts';
import { input as importServices } from './inputs/import-services';
import { input as inbox } from './inputs/inbox';
import { input as issueClientKey } from './inputs/issue-client-key';
import { input as listAgencies } from './inputs/list-agencies';
import { input as listCategories } from './inputs/list-categories';
import { input as listComplaints } from './inputs/list-complaints';
import { input as listRegions } from './inputs/list-regions';
import { input as listServices } from './inputs/list-services';
import { input as open311CreateRequest } from './inputs/open311-create-request';
import { input as open311Discovery } from './inputs/open311-discovery';
import { input as open311GetRequest } from './inputs/open311-get-request';
import { input as open311List } from './inputs/open311-list';
import { input as open311ServiceDefinition } from './inputs/open311-service-definition';
import { input as openApi } from './inputs/openapi';
import { input as personalData } from './inputs/personal-data';
import { input as publishServiceStandard } from './inputs/publish-service-standard';
import { agencyInput as agencyReadiness, tableInput as readinessTable } from './inputs/readiness';
import { input as requestAttachmentUpload } from './inputs/request-attachment-upload';
import { input as retireService } from './inputs/retire-service';
import { input as revokeClientKey } from './inputs/revoke-client-key';
import {
  importInput as importStaff,
  inviteInput as inviteStaff,
  listInput as listStaff,
  actionInput as staffActions,
  historyInput as staffHistory,
} from './inputs/staff';
import { input as stats } from './inputs/stats';
import { input as submitComplaint } from './inputs/submit-complaint';
import { input as suggestDuplicates } from './inputs/suggest-duplicates';
import { input as supportComplaint } from './inputs/support-complaint';
import { input as verifyCaseBundle } from './inputs/verify-case-bundle';

export const ROUTE_INPUTS = {
  submitComplaint,
  getComplaint,
  complaintActions,
  inbox,
  calendarDeadline,
  stats,
  openApi,
  calendar,
  calendarChanges,
  listCategories,
  listAgencies,
  listComplaints,
  listRegions,
  health,
  personalData,
  erasePersonalData,
  createSession,
  listServices,
  getService,
  createService,
  publishServiceStandard,
  retireService,
  importServices,
  open311Discovery,
  open311List,
  open311CreateRequest,
  open311ServiceDefinition,
  open311GetRequest,
  issueClientKey,
  chainHeads,
  revokeClientKey,
  exportCaseBundle,
  verifyCaseBundle,
  bundlePublicKey,
  requestAttachmentUpload,
  downloadAttachment,
  suggestDuplicates,
  supportComplaint,
  readAgencyContact,
  updateAgencyContact,
  importAgencyContacts,
  listStaff,
  inviteStaff,
  staffActions,
  staffHistory,
  importStaff,
  agencyReadiness,
  readinessTable,
  complianceTable,
  agencyScorecard,
  complianceMethodology,
  figureComplaints,
} as const;
