/**
 * The HTTP surface of the API, declared once: each route's method, path, who may call it, its
 * inputs and what it does. lib/wiring.ts gives each to its function (with the gateway's throttle);
 * OpenAPI is generated from it; the handlers validate with the same inputs.
 */
import type * as z from 'zod/mini';
import { agenciesOutput, agencyContactOutput, agencyContactWithHistoryOutput } from './outputs/agencies';
import { downloadOutput, uploadOutput } from './outputs/attachments';
import { calendarChangeOutput, calendarDeadlineOutput, calendarYearOutput } from './outputs/calendar';
import { complaintViewOutput } from './outputs/complaint';
import { bundlePublicKeyOutput, bundleVerificationOutput, caseBundleOutput, chainHeadsOutput } from './outputs/evidence';
import { inboxOutput } from './outputs/inbox';
import { open311CreatedOutput, open311DiscoveryOutput, open311ListOutput, open311RequestsOutput, open311ServiceDefinitionOutput } from './outputs/open311';
import { erasureOutput, personalDataOutput } from './outputs/personal-data';
import { publicFeedOutput } from './outputs/public-feed';
import { categoriesOutput, regionsOutput } from './outputs/reference';
import { serviceDetailOutput, serviceListOutput } from './outputs/services';
import { sessionOutput } from './outputs/session';
import { importOutput } from './outputs/shared';
import { statsOutput } from './outputs/stats';
import { submissionOutput } from './outputs/submission';
import { duplicatesOutput, supportOutput } from './outputs/support';
import { clientKeyOutput, clientKeyRevocationOutput, healthOutput, openApiOutput } from './outputs/system';
import type { RouteInput } from './route-input';
import { ROUTE_INPUTS } from './routes';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /**
   * public: anyone. staff: a Cognito ID token, verified by the gateway before the function runs.
   * staff-or-reporter: a staff ID token or a complaint access token, verified by the function.
   */
  auth: 'public' | 'staff' | 'staff-or-reporter';
  /** Every input of the route (path, query, headers, body), validated once by the handler's middleware. */
  input: RouteInput;
  /** What it does, for people: the OpenAPI summary and the function's description. */
  summary: string;
  /**
   * What it answers on success, declared once (contract/outputs/): published in OpenAPI, checked
   * against what the use case returns (`satisfies`), and the portal's type for it.
   */
  output: z.ZodMiniType;
  /** The codes it answers with `output` (200 when not listed): 201 for what it creates, 503 for a degraded health. */
  statuses?: readonly (200 | 201 | 503)[];
}

/** Every route, by the id of the function that serves it. */
export const API_ROUTES = {
  SubmitComplaint: {
    method: 'POST',
    path: '/v1/complaints',
    auth: 'public',
    input: ROUTE_INPUTS.submitComplaint,
    summary: 'POST /v1/complaints: a citizen submits a complaint',
    output: submissionOutput,
    statuses: [201],
  },
  GetComplaint: {
    method: 'GET',
    path: '/v1/complaints/{trackingId}',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.getComplaint,
    output: complaintViewOutput,
    summary: 'GET /v1/complaints/{trackingId}: tracking, reporter or public view',
  },
  ComplaintActions: {
    method: 'POST',
    path: '/v1/complaints/{trackingId}/actions',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.complaintActions,
    output: complaintViewOutput,
    summary: 'POST /v1/complaints/{trackingId}/actions: verify, hold, archive, respond, transfer, reply, close, rate…',
  },
  Inbox: {
    method: 'GET',
    path: '/v1/inbox',
    auth: 'staff',
    input: ROUTE_INPUTS.inbox,
    summary: "GET /v1/inbox: the caller's work queue, oldest deadline first",
    output: inboxOutput,
  },
  CalendarDeadline: {
    method: 'GET',
    path: '/v1/calendar/deadline',
    auth: 'public',
    input: ROUTE_INPUTS.calendarDeadline,
    output: calendarDeadlineOutput,
    summary: 'GET /v1/calendar/deadline: the working-day rule every deadline follows',
  },
  Stats: {
    method: 'GET',
    path: '/v1/stats',
    auth: 'public',
    input: ROUTE_INPUTS.stats,
    summary: 'GET /v1/stats: monitoring figures per agency and region per month',
    output: statsOutput,
  },
  OpenApi: {
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    input: ROUTE_INPUTS.openApi,
    output: openApiOutput,
    summary: 'GET /v1/openapi.json: the OpenAPI 3 description of this API',
  },
  Calendar: {
    method: 'GET',
    path: '/v1/calendar',
    auth: 'public',
    input: ROUTE_INPUTS.calendar,
    output: calendarYearOutput,
    summary: 'GET /v1/calendar: the days off of a year and whether it has official data',
  },
  CalendarChanges: {
    method: 'POST',
    path: '/v1/calendar',
    auth: 'staff',
    input: ROUTE_INPUTS.calendarChanges,
    output: calendarChangeOutput,
    statuses: [201],
    summary: 'POST /v1/calendar: operators add or cancel days off (an amended SKB) or declare a year',
  },
  ListCategories: {
    method: 'GET',
    path: '/v1/categories',
    auth: 'public',
    input: ROUTE_INPUTS.listCategories,
    summary: 'GET /v1/categories: the public-service topics',
    output: categoriesOutput,
  },
  ListComplaints: {
    method: 'GET',
    path: '/v1/complaints',
    auth: 'public',
    input: ROUTE_INPUTS.listComplaints,
    summary: 'GET /v1/complaints: the public feed (never a confidential complaint, never an identity)',
    output: publicFeedOutput,
  },
  CreateSession: {
    method: 'POST',
    path: '/v1/sessions',
    auth: 'public',
    input: ROUTE_INPUTS.createSession,
    output: sessionOutput,
    statuses: [200, 201],
    summary: 'POST /v1/sessions: staff sign-in for the portal (password, then the TOTP code) against the user pool',
  },
  ListRegions: {
    method: 'GET',
    path: '/v1/regions',
    auth: 'public',
    input: ROUTE_INPUTS.listRegions,
    summary: 'GET /v1/regions: provinces, and the regencies and cities of one (Kemendagri codes)',
    output: regionsOutput,
  },
  ListServices: {
    method: 'GET',
    path: '/v1/services',
    auth: 'public',
    input: ROUTE_INPUTS.listServices,
    summary: 'GET /v1/services: the SIPP catalogue by words, agency and region',
    output: serviceListOutput,
  },
  GetService: {
    method: 'GET',
    path: '/v1/services/{serviceId}',
    auth: 'public',
    input: ROUTE_INPUTS.getService,
    summary: 'GET /v1/services/{serviceId}: a service and its standard (current or ?version=)',
    output: serviceDetailOutput,
  },
  CreateService: {
    method: 'POST',
    path: '/v1/services',
    auth: 'staff',
    input: ROUTE_INPUTS.createService,
    output: serviceDetailOutput,
    statuses: [201],
    summary: 'POST /v1/services: an agency service administrator adds a service with its first standard',
  },
  PublishServiceStandard: {
    method: 'POST',
    path: '/v1/services/{serviceId}/versions',
    auth: 'staff',
    input: ROUTE_INPUTS.publishServiceStandard,
    output: serviceDetailOutput,
    statuses: [201],
    summary: 'POST /v1/services/{serviceId}/versions: publish the next version of a standard (old ones stay readable)',
  },
  RetireService: {
    method: 'POST',
    path: '/v1/services/{serviceId}/retirement',
    auth: 'staff',
    input: ROUTE_INPUTS.retireService,
    output: serviceDetailOutput,
    summary: 'POST /v1/services/{serviceId}/retirement: a service is no longer offered (it stays readable)',
  },
  ImportServices: {
    method: 'POST',
    path: '/v1/services/imports',
    auth: 'staff',
    input: ROUTE_INPUTS.importServices,
    output: importOutput,
    statuses: [201],
    summary: 'POST /v1/services/imports: an agency imports its services from CSV, every row checked, all or nothing',
  },
  Open311Discovery: {
    method: 'GET',
    path: '/open311/{document}',
    auth: 'public',
    input: ROUTE_INPUTS.open311Discovery,
    output: open311DiscoveryOutput,
    summary: 'GET /open311/discovery.{xml,json}: the GeoReport v2 discovery document',
  },
  Open311List: {
    method: 'GET',
    path: '/open311/v2/{document}',
    auth: 'public',
    input: ROUTE_INPUTS.open311List,
    output: open311ListOutput,
    summary: 'GET /open311/v2/services.{xml,json} and requests.{xml,json}: GeoReport v2 services and public requests',
  },
  Open311CreateRequest: {
    method: 'POST',
    path: '/open311/v2/{document}',
    auth: 'public',
    input: ROUTE_INPUTS.open311CreateRequest,
    output: open311CreatedOutput,
    statuses: [201],
    summary: 'POST /open311/v2/requests.{xml,json}: a complaint from a GeoReport v2 client (api_key)',
  },
  Open311ServiceDefinition: {
    method: 'GET',
    path: '/open311/v2/services/{document}',
    auth: 'public',
    input: ROUTE_INPUTS.open311ServiceDefinition,
    output: open311ServiceDefinitionOutput,
    summary: 'GET /open311/v2/services/{code}.{xml,json}: the attributes a SIPP service asks for',
  },
  Open311GetRequest: {
    method: 'GET',
    path: '/open311/v2/requests/{document}',
    auth: 'public',
    input: ROUTE_INPUTS.open311GetRequest,
    output: open311RequestsOutput,
    summary: 'GET /open311/v2/requests/{id}.{xml,json}: one public request',
  },
  IssueClientKey: {
    method: 'POST',
    path: '/v1/open311-keys',
    auth: 'staff',
    input: ROUTE_INPUTS.issueClientKey,
    output: clientKeyOutput,
    statuses: [201],
    summary: 'POST /v1/open311-keys: operators issue a client application key (shown once, stored hashed)',
  },
  RevokeClientKey: {
    method: 'POST',
    path: '/v1/open311-keys/revocations',
    auth: 'staff',
    input: ROUTE_INPUTS.revokeClientKey,
    output: clientKeyRevocationOutput,
    summary: 'POST /v1/open311-keys/revocations: operators revoke a client application key (by its id or the leaked key)',
  },
  ExportCaseBundle: {
    method: 'GET',
    path: '/v1/complaints/{trackingId}/bundle',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.exportCaseBundle,
    output: caseBundleOutput,
    summary: 'GET /v1/complaints/{trackingId}/bundle: the signed case bundle with its hash-chained timeline',
  },
  VerifyCaseBundle: {
    method: 'POST',
    path: '/v1/bundles/verify',
    auth: 'public',
    input: ROUTE_INPUTS.verifyCaseBundle,
    output: bundleVerificationOutput,
    summary: 'POST /v1/bundles/verify: checks a case bundle’s signature and hash chain',
  },
  ChainHeads: {
    method: 'GET',
    path: '/v1/chain-heads/{day}',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.chainHeads,
    output: chainHeadsOutput,
    summary: "GET /v1/chain-heads/{day}: a day's signed digest of chain heads (the heads themselves for the Ombudsman and operators)",
  },
  BundlePublicKey: {
    method: 'GET',
    path: '/v1/bundles/public-key',
    auth: 'public',
    input: ROUTE_INPUTS.bundlePublicKey,
    output: bundlePublicKeyOutput,
    summary: 'GET /v1/bundles/public-key: the public key that verifies case bundles offline',
  },
  ListAgencies: {
    method: 'GET',
    path: '/v1/agencies',
    auth: 'public',
    input: ROUTE_INPUTS.listAgencies,
    output: agenciesOutput,
    summary: 'GET /v1/agencies: the agency directory, by region and level',
  },
  ReadAgencyContact: {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/contact',
    auth: 'staff',
    input: ROUTE_INPUTS.readAgencyContact,
    output: agencyContactWithHistoryOutput,
    summary: "GET /v1/agencies/{agencyId}/contact: an agency's contact, active or not, liaisons, and its changes (operators)",
  },
  UpdateAgencyContact: {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/contact',
    auth: 'staff',
    input: ROUTE_INPUTS.updateAgencyContact,
    output: agencyContactOutput,
    summary: "POST /v1/agencies/{agencyId}/contact: an operator changes an agency's address, status or liaisons (audited)",
  },
  ImportAgencyContacts: {
    method: 'POST',
    path: '/v1/agencies/contacts/imports',
    auth: 'staff',
    input: ROUTE_INPUTS.importAgencyContacts,
    output: importOutput,
    statuses: [201],
    summary: 'POST /v1/agencies/contacts/imports: the agency directory from a spreadsheet, all rows or none (operators)',
  },
  Health: {
    method: 'GET',
    path: '/v1/health',
    auth: 'public',
    input: ROUTE_INPUTS.health,
    output: healthOutput,
    statuses: [200, 503],
    summary: 'GET /v1/health: table, queues and calendar coverage',
  },
  PersonalData: {
    method: 'GET',
    path: '/v1/personal-data',
    auth: 'staff',
    input: ROUTE_INPUTS.personalData,
    output: personalDataOutput,
    summary: "GET /v1/personal-data: an operator exports one person's data (UU PDP right of access), audited",
  },
  ErasePersonalData: {
    method: 'POST',
    path: '/v1/personal-data/erasures',
    auth: 'staff',
    input: ROUTE_INPUTS.erasePersonalData,
    output: erasureOutput,
    summary: "POST /v1/personal-data/erasures: an operator erases one person's identity and contact (UU PDP right to erasure)",
  },
  RequestAttachmentUpload: {
    method: 'POST',
    path: '/v1/complaints/{trackingId}/attachments',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.requestAttachmentUpload,
    output: uploadOutput,
    statuses: [201],
    summary: 'POST /v1/complaints/{trackingId}/attachments: announce a photo or document, get a presigned upload',
  },
  DownloadAttachment: {
    method: 'GET',
    path: '/v1/complaints/{trackingId}/attachments/{attachmentId}',
    auth: 'staff-or-reporter',
    input: ROUTE_INPUTS.downloadAttachment,
    output: downloadOutput,
    summary: 'GET /v1/complaints/{trackingId}/attachments/{attachmentId}: a short-lived download link of a checked file',
  },
  SuggestDuplicates: {
    method: 'GET',
    path: '/v1/complaints/{trackingId}/duplicates',
    auth: 'staff',
    input: ROUTE_INPUTS.suggestDuplicates,
    output: duplicatesOutput,
    summary: 'GET /v1/complaints/{trackingId}/duplicates: likely duplicates (same place and category, similar text), for the verifier',
  },
  SupportComplaint: {
    method: 'POST',
    path: '/v1/complaints/{trackingId}/support',
    auth: 'public',
    input: ROUTE_INPUTS.supportComplaint,
    output: supportOutput,
    statuses: [200, 201],
    summary: 'POST /v1/complaints/{trackingId}/support: "saya juga mengalami ini", one per device, capped per day',
  },
} as const satisfies Record<string, ApiRoute>;
export type ApiRouteId = keyof typeof API_ROUTES;
