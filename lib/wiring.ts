/**
 * The one description of the system's functions: entry file, trigger and what each needs.
 * The CDK stack (lib/aduan-stack.ts) and the local runtime (local/) are both built from it,
 * and test/infra holds the synthesized template against it.
 */

import type { WritableFamily } from '../functions/adapters/dynamodb-keys';
import type { RouteInput } from '../functions/contract/route-input';
import { ROUTE_INPUTS } from '../functions/contract/routes';
import type { QueueName } from '../functions/core/ports';
import { ENV, type EnvName } from '../functions/shared/env';

/**
 * The queues: the work queues our code sends to (one name everywhere: see core/ports.ts), and
 * `upload`, which only AWS sends to (S3's notices of new uploads, GuardDuty's scan verdicts).
 */
export type QueueId = QueueName | 'upload';

export type Trigger =
  | {
      kind: 'http';
      method: 'GET' | 'POST';
      path: string;
      /**
       * public: anyone. staff: a Cognito ID token, verified by the gateway before the function runs.
       * staff-or-reporter: a staff ID token or a complaint access token, verified by the function.
       */
      auth: 'public' | 'staff' | 'staff-or-reporter';
      /** Every input of the route (path, query, headers, body), validated once by the handler's middleware. */
      input: RouteInput;
      /**
       * This route's own bucket at the gateway (requests per second, burst), so that a flood on
       * one public route cannot take the capacity of the others, staff routes included.
       */
      throttle: { ratePerSecond: number; burst: number };
    }
  | {
      kind: 'queue';
      queue: QueueId;
      batchSize: number;
      maxBatchingWindowSeconds: number;
      /** At most this many instances at once (Lambda's minimum is 2): what keeps a burst of mail within SES's rate. */
      maxConcurrency?: number;
    }
  | { kind: 'schedule'; name: string; everyMinutes: number };

export type TableAccess = 'read' | 'readWrite' | 'readWriteDelete';

export interface FunctionSpec {
  /** PascalCase construct id; also the local name. */
  id: string;
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  trigger: Trigger;
  /** readWrite: read, put and update (audit entries, changes); readWriteDelete: also delete (erasure). */
  table: 'none' | TableAccess;
  /**
   * The only item families it may write (IAM leading-key condition): for functions that face the
   * public or parse attackers' bytes, so a flaw in one cannot rewrite the calendar, the directory,
   * the catalogue or client keys. Unset: any item of the table.
   */
  writesOnly?: readonly WritableFamily[];
  idempotencyTable?: boolean;
  sendsTo?: QueueId[];
  /** Reads queue attributes only (health checks). */
  inspects?: QueueId[];
  sendsEmail?: boolean;
  /** Gets the Cognito verification contract (pool, client, issuer). */
  verifiesStaffTokens?: boolean;
  /** Gets the stage's routing settings (categories routed without verification). */
  routes?: boolean;
  /** Gets the stage's clock overrides per category and agency. */
  computesDeadlines?: boolean;
  /** Judges complaints against service standards: gets the stage's rule for illegal-levy indicators. */
  judgesServiceStandards?: boolean;
  /** The case-bundle key (asymmetric KMS): `sign` exports bundles; `verify` reads its public key. */
  signsBundles?: 'sign' | 'verify';
  /** Gets the key that seals page cursors. */
  pagesWithCursors?: boolean;
  /**
   * What it may do with reporter identities (KMS): `seal` stores new ones and cannot read them;
   * `open` reads them. Every other function can do neither.
   */
  identities?: 'seal' | 'open';
  /** Gets the key of the contact lookup (finding one person's complaints by email or phone). */
  looksUpContacts?: boolean;
  /**
   * What it does in the attachment bucket: `upload` presigns uploads to `incoming/`; `check` reads
   * them and writes the cleaned copies; `download` presigns downloads of the cleaned copies.
   */
  attachments?: 'upload' | 'check' | 'download';
  /** Keeps the agency directory: gets the domain of agencies' default addresses. */
  keepsDirectory?: boolean;
  /** Packages with native code, installed into the function's asset for Lambda's platform (not bundled). */
  nativeModules?: readonly 'sharp'[];
}

export interface QueueSpec {
  id: QueueId;
  /** Construct id of the queue; its DLQ is `${constructId}Dlq`. */
  constructId: string;
  urlEnv: EnvName;
  maxReceiveCount: number;
  dlqRetentionDays: number;
}

export const QUEUES: Record<QueueId, QueueSpec> = {
  routing: { id: 'routing', constructId: 'RoutingQueue', urlEnv: ENV.routingQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  notification: { id: 'notification', constructId: 'NotificationQueue', urlEnv: ENV.notificationQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  sweep: { id: 'sweep', constructId: 'SweepQueue', urlEnv: ENV.sweepQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
  upload: { id: 'upload', constructId: 'UploadQueue', urlEnv: ENV.uploadQueueUrl, maxReceiveCount: 5, dlqRetentionDays: 14 },
};

/** AWS's advice: a queue's visibility timeout is at least six times its consumer's timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'SubmitComplaint',
    entry: 'functions/handlers/http/submit-complaint.ts',
    description: 'POST /v1/complaints: a citizen submits a complaint',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/complaints',
      auth: 'public',
      input: ROUTE_INPUTS.submitComplaint,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'readWrite',
    sendsTo: ['routing', 'notification'],
    computesDeadlines: true,
    identities: 'seal',
    judgesServiceStandards: true,
    looksUpContacts: true,
  },
  {
    id: 'GetComplaint',
    entry: 'functions/handlers/http/get-complaint.ts',
    description: 'GET /v1/complaints/{trackingId}: tracking, reporter or public view',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/complaints/{trackingId}',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.getComplaint,
      throttle: { ratePerSecond: 20, burst: 40 },
    },
    // readWrite: every staff read of a reporter's identity is appended to the audit trail.
    table: 'readWrite',
    verifiesStaffTokens: true,
    computesDeadlines: true,
    pagesWithCursors: true,
    identities: 'open',
  },
  {
    id: 'ComplaintActions',
    entry: 'functions/handlers/http/complaint-actions.ts',
    description: 'POST /v1/complaints/{trackingId}/actions: verify, hold, archive, respond, transfer, reply, close, rate…',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/complaints/{trackingId}/actions',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.complaintActions,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'readWriteDelete',
    // The reporter's files erased with their identity go to the upload queue's worker.
    sendsTo: ['notification', 'upload'],
    verifiesStaffTokens: true,
    computesDeadlines: true,
    pagesWithCursors: true,
    identities: 'open',
    looksUpContacts: true,
  },
  {
    id: 'Inbox',
    entry: 'functions/handlers/http/inbox.ts',
    description: "GET /v1/inbox: the caller's work queue, oldest deadline first",
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: { kind: 'http', method: 'GET', path: '/v1/inbox', auth: 'staff', input: ROUTE_INPUTS.inbox, throttle: { ratePerSecond: 10, burst: 20 } },
    table: 'read',
    pagesWithCursors: true,
  },
  {
    id: 'CalendarDeadline',
    entry: 'functions/handlers/http/calendar-deadline.ts',
    description: 'GET /v1/calendar/deadline: the working-day rule every deadline follows',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/calendar/deadline',
      auth: 'public',
      input: ROUTE_INPUTS.calendarDeadline,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    // read: operators' calendar changes live in the table.
    table: 'read',
  },
  {
    id: 'Stats',
    entry: 'functions/handlers/http/stats.ts',
    description: 'GET /v1/stats: monitoring figures per agency and region per month',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: { kind: 'http', method: 'GET', path: '/v1/stats', auth: 'public', input: ROUTE_INPUTS.stats, throttle: { ratePerSecond: 5, burst: 10 } },
    table: 'read',
    // An Ombudsman officer's token (optional) turns the list into their province's ranking.
    verifiesStaffTokens: true,
  },
  {
    id: 'OpenApi',
    entry: 'functions/handlers/http/openapi.ts',
    description: 'GET /v1/openapi.json: the OpenAPI 3 description of this API',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'GET', path: '/v1/openapi.json', auth: 'public', input: ROUTE_INPUTS.openApi, throttle: { ratePerSecond: 2, burst: 5 } },
    table: 'none',
  },
  {
    id: 'Calendar',
    entry: 'functions/handlers/http/calendar.ts',
    description: 'GET /v1/calendar: the days off of a year and whether it has official data',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar', auth: 'public', input: ROUTE_INPUTS.calendar, throttle: { ratePerSecond: 5, burst: 10 } },
    table: 'read',
  },
  {
    id: 'CalendarChanges',
    entry: 'functions/handlers/http/calendar-changes.ts',
    description: 'POST /v1/calendar: operators add or cancel days off (an amended SKB) or declare a year',
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/calendar',
      auth: 'staff',
      input: ROUTE_INPUTS.calendarChanges,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWrite',
  },
  {
    id: 'ListCategories',
    entry: 'functions/handlers/http/list-categories.ts',
    description: 'GET /v1/categories: the public-service topics',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/categories',
      auth: 'public',
      input: ROUTE_INPUTS.listCategories,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'none',
  },
  {
    id: 'ListComplaints',
    entry: 'functions/handlers/http/list-complaints.ts',
    description: 'GET /v1/complaints: the public feed (never a confidential complaint, never an identity)',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/complaints',
      auth: 'public',
      input: ROUTE_INPUTS.listComplaints,
      throttle: { ratePerSecond: 20, burst: 40 },
    },
    table: 'read',
    pagesWithCursors: true,
  },
  {
    id: 'CreateSession',
    entry: 'functions/handlers/http/create-session.ts',
    description: 'POST /v1/sessions: staff sign-in for the portal (password, then the TOTP code) against the user pool',
    timeoutSeconds: 10,
    memoryMb: 256,
    // Tight: a password-guessing flood meets this bucket, then Cognito's own lockout.
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/sessions',
      auth: 'public',
      input: ROUTE_INPUTS.createSession,
      throttle: { ratePerSecond: 2, burst: 10 },
    },
    table: 'none',
    verifiesStaffTokens: true,
  },
  {
    id: 'ListRegions',
    entry: 'functions/handlers/http/list-regions.ts',
    description: 'GET /v1/regions: provinces, and the regencies and cities of one (Kemendagri codes)',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'GET', path: '/v1/regions', auth: 'public', input: ROUTE_INPUTS.listRegions, throttle: { ratePerSecond: 10, burst: 20 } },
    table: 'none',
  },
  {
    id: 'ListServices',
    entry: 'functions/handlers/http/list-services.ts',
    description: 'GET /v1/services: the SIPP catalogue by words, agency and region',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/services',
      auth: 'public',
      input: ROUTE_INPUTS.listServices,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'read',
    pagesWithCursors: true,
  },
  {
    id: 'GetService',
    entry: 'functions/handlers/http/get-service.ts',
    description: 'GET /v1/services/{serviceId}: a service and its standard (current or ?version=)',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/services/{serviceId}',
      auth: 'public',
      input: ROUTE_INPUTS.getService,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'read',
  },
  {
    id: 'CreateService',
    entry: 'functions/handlers/http/create-service.ts',
    description: 'POST /v1/services: an agency service administrator adds a service with its first standard',
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'POST', path: '/v1/services', auth: 'staff', input: ROUTE_INPUTS.createService, throttle: { ratePerSecond: 2, burst: 5 } },
    table: 'readWrite',
  },
  {
    id: 'PublishServiceStandard',
    entry: 'functions/handlers/http/publish-service-standard.ts',
    description: 'POST /v1/services/{serviceId}/versions: publish the next version of a standard (old ones stay readable)',
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/services/{serviceId}/versions',
      auth: 'staff',
      input: ROUTE_INPUTS.publishServiceStandard,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'readWrite',
  },
  {
    id: 'RetireService',
    entry: 'functions/handlers/http/retire-service.ts',
    description: 'POST /v1/services/{serviceId}/retirement: a service is no longer offered (it stays readable)',
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/services/{serviceId}/retirement',
      auth: 'staff',
      input: ROUTE_INPUTS.retireService,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'readWrite',
  },
  {
    id: 'ImportServices',
    entry: 'functions/handlers/http/import-services.ts',
    description: 'POST /v1/services/imports: an agency imports its services from CSV, every row checked, all or nothing',
    timeoutSeconds: 20,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/services/imports',
      auth: 'staff',
      input: ROUTE_INPUTS.importServices,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWrite',
  },
  {
    id: 'Open311Discovery',
    entry: 'functions/handlers/http/open311-discovery.ts',
    description: 'GET /open311/discovery.{xml,json}: the GeoReport v2 discovery document',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/open311/{document}',
      auth: 'public',
      input: ROUTE_INPUTS.open311Discovery,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'none',
  },
  {
    id: 'Open311List',
    entry: 'functions/handlers/http/open311-list.ts',
    description: 'GET /open311/v2/services.{xml,json} and requests.{xml,json}: GeoReport v2 services and public requests',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/open311/v2/{document}',
      auth: 'public',
      input: ROUTE_INPUTS.open311List,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'read',
  },
  {
    id: 'Open311CreateRequest',
    entry: 'functions/handlers/http/open311-create-request.ts',
    description: 'POST /open311/v2/requests.{xml,json}: a complaint from a GeoReport v2 client (api_key)',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/open311/v2/{document}',
      auth: 'public',
      input: ROUTE_INPUTS.open311CreateRequest,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'readWrite',
    writesOnly: ['complaint', 'idempotency', 'statistics', 'chainHeads'],
    sendsTo: ['routing', 'notification'],
    computesDeadlines: true,
    identities: 'seal',
    judgesServiceStandards: true,
    looksUpContacts: true,
  },
  {
    id: 'Open311ServiceDefinition',
    entry: 'functions/handlers/http/open311-service-definition.ts',
    description: 'GET /open311/v2/services/{code}.{xml,json}: the attributes a SIPP service asks for',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/open311/v2/services/{document}',
      auth: 'public',
      input: ROUTE_INPUTS.open311ServiceDefinition,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'read',
  },
  {
    id: 'Open311GetRequest',
    entry: 'functions/handlers/http/open311-get-request.ts',
    description: 'GET /open311/v2/requests/{id}.{xml,json}: one public request',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/open311/v2/requests/{document}',
      auth: 'public',
      input: ROUTE_INPUTS.open311GetRequest,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    table: 'read',
  },
  {
    id: 'IssueClientKey',
    entry: 'functions/handlers/http/issue-client-key.ts',
    description: 'POST /v1/open311-keys: operators issue a client application key (shown once, stored hashed)',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/open311-keys',
      auth: 'staff',
      input: ROUTE_INPUTS.issueClientKey,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWrite',
  },
  {
    id: 'RevokeClientKey',
    entry: 'functions/handlers/http/revoke-client-key.ts',
    description: 'POST /v1/open311-keys/revocations: operators revoke a client application key (by its id or the leaked key)',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/open311-keys/revocations',
      auth: 'staff',
      input: ROUTE_INPUTS.revokeClientKey,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWrite',
  },
  {
    id: 'ExportCaseBundle',
    entry: 'functions/handlers/http/export-case-bundle.ts',
    description: 'GET /v1/complaints/{trackingId}/bundle: the signed case bundle with its hash-chained timeline',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/complaints/{trackingId}/bundle',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.exportCaseBundle,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'read',
    verifiesStaffTokens: true,
    signsBundles: 'sign',
  },
  {
    id: 'VerifyCaseBundle',
    entry: 'functions/handlers/http/verify-case-bundle.ts',
    description: 'POST /v1/bundles/verify: checks a case bundle’s signature and hash chain',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/bundles/verify',
      auth: 'public',
      input: ROUTE_INPUTS.verifyCaseBundle,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'none',
    signsBundles: 'verify',
  },
  {
    id: 'ChainHeads',
    entry: 'functions/handlers/http/chain-heads.ts',
    description: "GET /v1/chain-heads/{day}: a day's signed digest of chain heads (the heads themselves for the Ombudsman and operators)",
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/chain-heads/{day}',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.chainHeads,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'read',
    verifiesStaffTokens: true,
  },
  {
    id: 'BundlePublicKey',
    entry: 'functions/handlers/http/bundle-public-key.ts',
    description: 'GET /v1/bundles/public-key: the public key that verifies case bundles offline',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/bundles/public-key',
      auth: 'public',
      input: ROUTE_INPUTS.bundlePublicKey,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'none',
    signsBundles: 'verify',
  },
  {
    id: 'ListAgencies',
    entry: 'functions/handlers/http/list-agencies.ts',
    description: 'GET /v1/agencies: the agency directory, by region and level',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies', auth: 'public', input: ROUTE_INPUTS.listAgencies, throttle: { ratePerSecond: 5, burst: 10 } },
    table: 'none',
    pagesWithCursors: true,
  },
  {
    id: 'ReadAgencyContact',
    entry: 'functions/handlers/http/read-agency-contact.ts',
    description: "GET /v1/agencies/{agencyId}/contact: an agency's contact, active or not, liaisons, and its changes (operators)",
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/agencies/{agencyId}/contact',
      auth: 'staff',
      input: ROUTE_INPUTS.readAgencyContact,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'read',
    keepsDirectory: true,
  },
  {
    id: 'UpdateAgencyContact',
    entry: 'functions/handlers/http/update-agency-contact.ts',
    description: "POST /v1/agencies/{agencyId}/contact: an operator changes an agency's address, status or liaisons (audited)",
    timeoutSeconds: 10,
    memoryMb: 256,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/agencies/{agencyId}/contact',
      auth: 'staff',
      input: ROUTE_INPUTS.updateAgencyContact,
      throttle: { ratePerSecond: 2, burst: 5 },
    },
    table: 'readWrite',
    keepsDirectory: true,
  },
  {
    id: 'ImportAgencyContacts',
    entry: 'functions/handlers/http/import-agency-contacts.ts',
    description: 'POST /v1/agencies/contacts/imports: the agency directory from a spreadsheet, all rows or none (operators)',
    timeoutSeconds: 25,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/agencies/contacts/imports',
      auth: 'staff',
      input: ROUTE_INPUTS.importAgencyContacts,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWrite',
    keepsDirectory: true,
  },
  {
    id: 'Health',
    entry: 'functions/handlers/http/health.ts',
    description: 'GET /v1/health: table, queues and calendar coverage',
    timeoutSeconds: 5,
    memoryMb: 256,
    trigger: { kind: 'http', method: 'GET', path: '/v1/health', auth: 'public', input: ROUTE_INPUTS.health, throttle: { ratePerSecond: 2, burst: 5 } },
    table: 'read',
    inspects: ['routing', 'notification'],
  },
  {
    id: 'PersonalData',
    entry: 'functions/handlers/http/personal-data.ts',
    description: "GET /v1/personal-data: an operator exports one person's data (UU PDP right of access), audited",
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/personal-data',
      auth: 'staff',
      input: ROUTE_INPUTS.personalData,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    // readWrite: every export is appended to each complaint's audit trail.
    table: 'readWrite',
    identities: 'open',
    looksUpContacts: true,
  },
  {
    id: 'ErasePersonalData',
    entry: 'functions/handlers/http/erase-personal-data.ts',
    description: "POST /v1/personal-data/erasures: an operator erases one person's identity and contact (UU PDP right to erasure)",
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/personal-data/erasures',
      auth: 'staff',
      input: ROUTE_INPUTS.erasePersonalData,
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    table: 'readWriteDelete',
    sendsTo: ['upload'],
    looksUpContacts: true,
  },
  {
    id: 'RequestAttachmentUpload',
    entry: 'functions/handlers/http/request-attachment-upload.ts',
    description: 'POST /v1/complaints/{trackingId}/attachments: announce a photo or document, get a presigned upload',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/complaints/{trackingId}/attachments',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.requestAttachmentUpload,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'readWrite',
    verifiesStaffTokens: true,
    attachments: 'upload',
  },
  {
    id: 'DownloadAttachment',
    entry: 'functions/handlers/http/download-attachment.ts',
    description: 'GET /v1/complaints/{trackingId}/attachments/{attachmentId}: a short-lived download link of a checked file',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/complaints/{trackingId}/attachments/{attachmentId}',
      auth: 'staff-or-reporter',
      input: ROUTE_INPUTS.downloadAttachment,
      throttle: { ratePerSecond: 10, burst: 20 },
    },
    // readWrite: every staff download is appended to the audit trail.
    table: 'readWrite',
    verifiesStaffTokens: true,
    attachments: 'download',
  },
  {
    id: 'SuggestDuplicates',
    entry: 'functions/handlers/http/suggest-duplicates.ts',
    description: 'GET /v1/complaints/{trackingId}/duplicates: likely duplicates (same place and category, similar text), for the verifier',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/complaints/{trackingId}/duplicates',
      auth: 'staff',
      input: ROUTE_INPUTS.suggestDuplicates,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'read',
  },
  {
    id: 'SupportComplaint',
    entry: 'functions/handlers/http/support-complaint.ts',
    description: 'POST /v1/complaints/{trackingId}/support: "saya juga mengalami ini", one per device, capped per day',
    timeoutSeconds: 10,
    memoryMb: 512,
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/complaints/{trackingId}/support',
      auth: 'public',
      input: ROUTE_INPUTS.supportComplaint,
      throttle: { ratePerSecond: 5, burst: 10 },
    },
    table: 'readWrite',
    writesOnly: ['complaint', 'deviceDay', 'addressDay'],
    // The day's keyed hash of the address a support came from (the contact lookup's key, its own domain).
    looksUpContacts: true,
  },
  {
    id: 'CheckAttachment',
    entry: 'functions/handlers/queue/check-attachment.ts',
    description: 'Upload worker: checks a new upload by content, strips photo metadata, makes a preview; records malware verdicts',
    timeoutSeconds: 60,
    // sharp decodes a 10 MB photo into ~100 MB of pixels; more memory is also more CPU.
    memoryMb: 1536,
    trigger: { kind: 'queue', queue: 'upload', batchSize: 1, maxBatchingWindowSeconds: 0 },
    table: 'readWrite',
    writesOnly: ['complaint', 'chainHeads'],
    attachments: 'check',
    nativeModules: ['sharp'],
  },
  {
    id: 'RouteComplaint',
    entry: 'functions/handlers/queue/route-complaint.ts',
    description: 'Routing worker: chooses the competent agency and stamps the follow-up deadline',
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: { kind: 'queue', queue: 'routing', batchSize: 10, maxBatchingWindowSeconds: 1 },
    table: 'readWrite',
    sendsTo: ['notification'],
    routes: true,
    computesDeadlines: true,
  },
  {
    id: 'SendNotification',
    entry: 'functions/handlers/queue/send-notification.ts',
    description: 'Notification worker: sends every email the lifecycle owes (agencies, reporters, the Ombudsman)',
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: { kind: 'queue', queue: 'notification', batchSize: 5, maxBatchingWindowSeconds: 1, maxConcurrency: 2 },
    table: 'readWrite',
    idempotencyTable: true,
    sendsEmail: true,
    identities: 'open',
    looksUpContacts: true,
  },
  {
    id: 'RelayOutbox',
    entry: 'functions/handlers/schedule/relay-outbox.ts',
    description: 'Every minute: queues messages a queue outage left in the outbox',
    timeoutSeconds: 60,
    memoryMb: 256,
    trigger: { kind: 'schedule', name: 'relay-outbox', everyMinutes: 1 },
    table: 'readWrite',
    sendsTo: ['routing', 'notification', 'upload'],
  },
  {
    id: 'SweepDeadlines',
    entry: 'functions/handlers/schedule/sweep-deadlines.ts',
    description: 'Every 15 minutes: reminders, escalation up the hierarchy, Ombudsman flags',
    timeoutSeconds: 300,
    memoryMb: 1024,
    trigger: { kind: 'schedule', name: 'sweep-deadlines', everyMinutes: 15 },
    table: 'readWrite',
    sendsTo: ['notification', 'sweep'],
    computesDeadlines: true,
  },
  {
    id: 'SweepWorker',
    entry: 'functions/handlers/queue/sweep-worker.ts',
    description: 'Applies reminders, escalations and flags to one slice of a large sweep',
    timeoutSeconds: 120,
    memoryMb: 512,
    trigger: { kind: 'queue', queue: 'sweep', batchSize: 1, maxBatchingWindowSeconds: 0 },
    table: 'readWrite',
    sendsTo: ['notification'],
    computesDeadlines: true,
  },
  {
    id: 'OmbudsmanDigest',
    entry: 'functions/handlers/schedule/ombudsman-digest.ts',
    description: "Hourly: each Ombudsman office's one digest a working day of new review flags",
    timeoutSeconds: 120,
    memoryMb: 512,
    trigger: { kind: 'schedule', name: 'ombudsman-digest', everyMinutes: 60 },
    table: 'readWriteDelete',
    sendsEmail: true,
  },
  {
    id: 'SweepReporterDeadlines',
    entry: 'functions/handlers/schedule/sweep-reporter-deadlines.ts',
    description: 'Every 15 minutes: close silent follow-ups, archive unanswered holds',
    timeoutSeconds: 120,
    memoryMb: 512,
    trigger: { kind: 'schedule', name: 'sweep-reporter-deadlines', everyMinutes: 15 },
    table: 'readWrite',
    sendsTo: ['notification'],
  },
  {
    id: 'EraseExpiredIdentities',
    entry: 'functions/handlers/schedule/erase-expired-identities.ts',
    description: "Daily: erases reporters' identities whose retention period after closure has ended",
    timeoutSeconds: 300,
    memoryMb: 512,
    trigger: { kind: 'schedule', name: 'erase-expired-identities', everyMinutes: 1440 },
    table: 'readWriteDelete',
    sendsTo: ['upload'],
  },
  {
    id: 'PublishChainHeads',
    entry: 'functions/handlers/schedule/publish-chain-heads.ts',
    description: "Daily: signs and publishes the digest of the day before's chain heads (a rewrite of the table becomes detectable)",
    timeoutSeconds: 120,
    memoryMb: 512,
    trigger: { kind: 'schedule', name: 'publish-chain-heads', everyMinutes: 1440 },
    table: 'readWrite',
    signsBundles: 'sign',
  },
];

/** How many instances of a function can run at once, as far as the stack bounds it (unbounded: undefined). */
export function concurrencyOf(f: FunctionSpec): number | undefined {
  if (f.trigger.kind === 'queue') return f.trigger.maxConcurrency;
  // A schedule runs one instance at a time (EventBridge Scheduler invokes it once per tick).
  if (f.trigger.kind === 'schedule') return 1;
  return undefined;
}

/**
 * Each mail-sending instance's share of the account's SES rate: the rate divided among every
 * instance that can send at once. Every sender must be bounded, or no share would be safe.
 */
export function mailShare(sesMaxSendRate: number): number {
  const senders = FUNCTIONS.filter((f) => f.sendsEmail).map((f) => {
    const n = concurrencyOf(f);
    if (n === undefined) throw new Error(`${f.id} sends email but its concurrency is unbounded`);
    return n;
  });
  return sesMaxSendRate / senders.reduce((a, b) => a + b, 0);
}

export function consumerOf(queue: QueueId): FunctionSpec {
  const f = FUNCTIONS.find((fn) => fn.trigger.kind === 'queue' && fn.trigger.queue === queue);
  if (!f) throw new Error(`no consumer for queue ${queue}`);
  return f;
}

export const visibilityTimeoutSeconds = (queue: QueueId) => consumerOf(queue).timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR;

/** The environment variables a function receives, by name (values are resolved by the stack or the local runtime). */
export function envNamesOf(f: FunctionSpec): EnvName[] {
  const names: EnvName[] = [ENV.stage];
  if (f.table !== 'none') names.push(ENV.tableName);
  if (f.idempotencyTable) names.push(ENV.idempotencyTableName);
  for (const q of new Set([...(f.sendsTo ?? []), ...(f.inspects ?? [])])) names.push(QUEUES[q].urlEnv);
  if (f.sendsEmail) names.push(ENV.mailFrom, ENV.mailSendsPerSecond, ENV.agencyEmailDomain, ENV.portalUrl);
  if (f.verifiesStaffTokens) names.push(ENV.userPoolId, ENV.userPoolClientId, ENV.jwtIssuer);
  if (f.routes) names.push(ENV.autoRouteCategories);
  if (f.computesDeadlines) names.push(ENV.clockOverrides);
  if (f.pagesWithCursors) names.push(ENV.cursorKeySecretArn);
  if (f.judgesServiceStandards) names.push(ENV.illegalLevyToOmbudsman);
  if (f.signsBundles) names.push(ENV.bundleKeyId);
  if (f.identities) names.push(ENV.identityKeyId);
  if (f.looksUpContacts) names.push(ENV.contactKeySecretArn);
  if (f.keepsDirectory && !f.sendsEmail) names.push(ENV.agencyEmailDomain);
  if (f.attachments) names.push(ENV.attachmentBucket);
  if (f.attachments === 'check') names.push(ENV.attachmentMalwareScan);
  return names;
}
