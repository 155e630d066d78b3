import type { Attachment } from './attachment-record';
import type { Language, RecordText } from './languages';
import type { TimeZoneId } from './regions';
import type { MaladministrationIndicator, ServiceAnswers } from './service-answers';

export const COMPLAINT_TYPES = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];
export const COMPLAINT_STATUSES = ['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED'];

/**
 * The agencies whose "escalated to us" queue holds the complaint: every level of the current
 * assignment's escalation, while it is open (not only the latest: a province stays responsible
 * for following it after it went further up).
 */
export const escalatedQueuesOf = (c: Pick<Complaint, 'status' | 'assignedAgencyId' | 'escalatedToAgencyIds'>): string[] =>
  OPEN_STATUSES.includes(c.status) && c.assignedAgencyId ? [...new Set(c.escalatedToAgencyIds ?? [])] : [];
/** Open and waiting for the agency's first or next answer. */
export const OPEN_AT_AGENCY: readonly ComplaintStatus[] = ['ASSIGNED', 'IN_PROGRESS'];

/** What a citizen reads for each state (Indonesian first). */
export interface Location {
  regionCode: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

export type DeadlineStage = 'DISPOSITION' | 'FOLLOW_UP' | 'REPORTER_ANSWER' | 'REPORTER_CONFIRMATION';

export interface Deadline {
  stage: DeadlineStage;
  workingDays: number;
  /** Local date of the last working day. */
  date: string;
  /** End of that day, ISO with the zone's offset. */
  dueAt: string;
  timeZone: TimeZoneId;
  /** Years counted with weekends only because no official calendar was loaded for them. */
  uncoveredYears?: number[];
}

export const ROUTING_STATES = ['PENDING', 'ASSIGNED', 'MANUAL_REQUIRED', 'AWAITING_VERIFICATION'] as const;
export type RoutingState = (typeof ROUTING_STATES)[number];

export interface Complaint {
  trackingId: string;
  type: ComplaintType;
  title: string;
  description: string;
  categoryId: string;
  location: Location;
  incidentDate?: string;
  targetAgencyId?: string;
  anonymous: boolean;
  confidential: boolean;
  /** The language the reporter reads (their mails follow it); Indonesian when not given. */
  language?: Language;
  /** Whether a REPORTER record exists; the identity itself is stored apart from the complaint. */
  hasReporterIdentity: boolean;
  /** The reporter gave an email: mail is sent to it only once they confirmed it (double opt-in). */
  reporterEmail?: { confirmed: boolean; confirmedAt?: string };
  /** When the identity is due for erasure (retention period after the complaint ended). */
  identityEraseAfter?: string;
  /** When the identity was erased (on request or at the end of its retention period). */
  identityErasedAt?: string;
  status: ComplaintStatus;
  submittedAt: string;
  updatedAt: string;
  routing: { state: RoutingState; reason?: string; method?: RoutingMethod };
  assignedAgencyId?: string;
  assignedAt?: string;
  /** The current stage's deadline; absent once closed or archived. */
  deadline: Deadline;
  /** The router's suggestion for the verifier. */
  suggestedAgencyId?: string;
  copyToAgencyIds?: string[];
  transfers?: Transfer[];
  hold?: { question: string; askedAt: string; by: string; remainingDispositionDays: number };
  closure?: { how: 'CONFIRMED_BY_REPORTER' | 'NO_REPLY_FROM_REPORTER'; at: string };
  archive?: { reason: ArchiveReason; note?: string; duplicateOf?: string; at: string; by: string };
  rating?: { score: number; comment?: string; at: string };
  reopenCount?: number;
  /** Statutory limits (UU 25/2009): respond within 14 and decide within 60 days of submission. */
  statute?: { respondBy: string; decideBy: string; unit: 'CALENDAR_DAYS' | 'WORKING_DAYS' };
  firstResponseAt?: string;
  /** Escalation up the hierarchy after missed follow-up deadlines (issue 4). */
  escalationLevel?: number;
  escalatedToAgencyIds?: string[];
  escalationExhausted?: boolean;
  misses?: DeadlineMiss[];
  /** Reminder keys already sent (`<dueAt>#D-1`, `<dueAt>#D0`). */
  reminders?: string[];
  ombudsmanReview?: OmbudsmanReview;
  /** The reporter's messages today (REPLY, REOPEN), against the daily limit. */
  reporterMessages?: { day: string; count: number };
  /** Set while a missed follow-up stays unanswered (drives the open-overdue counter). */
  overdueSince?: { agencyId: string; at: string };
  /** The public service it is about (SIPP), with the standard in force when it was received. */
  service?: ComplaintService;
  /** What the reporter said of the service, as the standard makes it checkable. */
  serviceAnswers?: ServiceAnswers;
  /** Maladministration the answers indicate against that standard, with the evidence. */
  indicators?: MaladministrationIndicator[];
  /** Photos and documents, from the upload request to the checked file (core/attachments.ts). */
  attachments?: Attachment[];
  /** The link of its newest timeline entry (core/evidence.ts): what the next entry chains to. */
  timelineHead?: string;
  version: number;
}

export interface ComplaintService {
  id: string;
  agencyId: string;
  name: string;
  /** Its name in English, where its agency gave one. */
  nameEn?: string;
  /** The version of the standard in force on the day the service was applied for (absent before the first). */
  version?: number;
  decreeNumber?: string;
  /** The complaint-handling clocks that standard sets (over the national and stage policy). */
  clocks?: { dispositionWorkingDays?: number; followUpWorkingDays?: number };
}

export interface DeadlineMiss {
  stage: DeadlineStage;
  dueAt: string;
  /** Whose deadline it was (an agency id, or VERIFIERS). */
  agencyId: string;
  workingDaysLate: number;
  at: string;
}

/** Why a complaint goes to the Ombudsman office of its province (labels in ombudsman-review.ts). */
export const OMBUDSMAN_REASONS = [
  'RESOLUTION_LIMIT_PASSED',
  'ESCALATION_EXHAUSTED',
  'TRANSFERRED_REPEATEDLY',
  'REPORTER_REQUEST',
  'RECOMMENDATION_IGNORED',
  'ILLEGAL_LEVY_INDICATED',
] as const;
export type OmbudsmanReason = (typeof OMBUDSMAN_REASONS)[number];

export const REVIEW_STATUSES = ['OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'] as const;

export interface OmbudsmanReview {
  status: (typeof REVIEW_STATUSES)[number];
  reasons: OmbudsmanReason[];
  /** The Ombudsman representative office of the complaint's province. */
  office: string;
  flaggedAt: string;
  consentToShareIdentity: boolean;
  outcome?: { action: 'TAKE_OVER' | 'RETURN_TO_AGENCY' | 'DISMISS'; note?: string; by: string; at: string };
  /** When the agency answered the office's recommendation (RETURN_TO_AGENCY): followed when by its deadline. */
  answeredAt?: string;
}

export const ARCHIVE_REASONS = ['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE', 'NO_ANSWER_FROM_REPORTER'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export interface Transfer {
  fromAgencyId: string;
  reason: string;
  suggestedAgencyId?: string;
  at: string;
  by: string;
}

export const ROUTING_METHODS = ['SERVICE_STANDARD', 'TARGET_AGENCY', 'CATEGORY_REGION'] as const;
export type RoutingMethod = (typeof ROUTING_METHODS)[number];

export const TIMELINE_EVENT_TYPES = [
  'SUBMITTED',
  'ASSIGNED',
  'MANUAL_ROUTING_REQUIRED',
  'ROUTING_SUGGESTED',
  'VERIFIED',
  'HELD',
  'ARCHIVED',
  'ACKNOWLEDGED',
  'RESPONDED',
  'TRANSFERRED',
  'COMMENTED',
  'REPLIED',
  'CLOSED',
  'REOPENED',
  'RATED',
  'IDENTITY_READ',
  'IDENTITY_ERASED',
  'EMAIL_CONFIRMED',
  'REMINDED',
  'ESCALATED',
  'DEADLINE_MISSED',
  'OMBUDSMAN_FLAGGED',
  'OMBUDSMAN_ACTION',
  'ATTACHMENT_ADDED',
  'ATTACHMENT_REJECTED',
  'ATTACHMENT_DOWNLOADED',
  'DUPLICATE_MERGED',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  actor: { kind: 'REPORTER' | 'SYSTEM' | 'STAFF'; id?: string; agencyId?: string };
  fromStatus?: ComplaintStatus;
  toStatus?: ComplaintStatus;
  /** The entry's sentence in Indonesian, as the record reads (a person's own words for theirs). */
  message: string;
  /** For a sentence the system wrote: its key and parameters, so each reader gets it in their language. */
  text?: RecordText;
  /** PUBLIC: anyone who may see the complaint; REPORTER: the reporter and staff; INTERNAL: staff only. */
  visibility: 'PUBLIC' | 'REPORTER' | 'INTERNAL';
  agencyId?: string;
  /** For ATTACHMENT_* entries: the file, by the hash of its stored bytes (so the chain covers its content). */
  attachment?: { id: string; fileName: string; sha256?: string };
}
