import * as z from 'zod/mini';
import { ACTION_NAMES } from '../../core/actions';
import { ATTACHMENT_STATUSES, ATTACHMENT_TYPES, REJECTION_REASONS } from '../../core/attachment-record';
import { ARCHIVE_REASONS, COMPLAINT_STATUSES, ROUTING_METHODS, ROUTING_STATES, TIMELINE_EVENT_TYPES } from '../../core/complaint';
import { INDICATOR_KINDS } from '../../core/service-answers';
import { agencyRef, complaintStatus, complaintType, deadlineShown, deadlineStage, ombudsmanReason, recordText, reviewStatus } from './shared';

/**
 * A complaint as one caller sees it (core/views.ts builds it, use-cases/complaint-view.ts answers
 * with it): the public view, the reporter's (the holder of the access token) or the staff view.
 * `view` says which; what each audience may not see is absent from its schema, not just empty.
 */

const named = z.object({ id: z.string(), name: z.string() });
const region = z.object({ code: z.string(), name: z.string() });
const statusOrNone = z.optional(z.enum(COMPLAINT_STATUSES));

/** One entry of the timeline, as the public and the reporter see it. */
const timelineEntry = z.object({
  at: z.string(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  /** In Indonesian, as the record reads; a person's own words for their entries. */
  message: z.string(),
  /** The system's sentence, to read in any language (absent on a person's own words). */
  text: z.optional(recordText),
  fromStatus: statusOrNone,
  toStatus: statusOrNone,
  agency: z.optional(agencyRef),
});
/** Staff also see who acted and for whom an entry was written (internal notes included). */
const staffTimelineEntry = z.extend(timelineEntry, {
  actor: z.object({ kind: z.enum(['REPORTER', 'SYSTEM', 'STAFF']), id: z.optional(z.string()), agencyId: z.optional(z.string()) }),
  visibility: z.enum(['PUBLIC', 'REPORTER', 'INTERNAL']),
});

/** A file of the complaint, as its audience may see it; downloadable once checked. */
export const attachmentShown = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number(),
  status: z.enum(ATTACHMENT_STATUSES),
  reason: z.optional(z.enum(REJECTION_REASONS)),
  reasonText: z.optional(z.string()),
  internal: z.optional(z.literal(true)),
  sha256: z.optional(z.string()),
  by: z.enum(['REPORTER', 'STAFF']),
  /** Staff only: whether a malware scanner looked at a ready file. */
  malwareScan: z.optional(z.enum(['CLEAN', 'NOT_SCANNED'])),
  downloadUrl: z.optional(z.string()),
  previewUrl: z.optional(z.string()),
});

/** What every audience sees. */
const shared = {
  trackingId: z.string(),
  type: complaintType,
  title: z.string(),
  description: z.string(),
  category: named,
  location: z.object({ regionCode: z.string(), address: z.optional(z.string()), latitude: z.optional(z.number()), longitude: z.optional(z.number()) }),
  region,
  incidentDate: z.optional(z.string()),
  status: complaintStatus,
  statusLabel: z.string(),
  statusLabelEn: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  assignedAgency: z.nullable(agencyRef),
  transfers: z.array(z.object({ from: agencyRef, reason: z.string(), at: z.string() })),
  closure: z.optional(z.object({ how: z.enum(['CONFIRMED_BY_REPORTER', 'NO_REPLY_FROM_REPORTER']), at: z.string() })),
  routing: z.object({ state: z.enum(ROUTING_STATES) }),
  deadline: deadlineShown,
  statute: z.optional(z.object({ respondBy: z.string(), decideBy: z.string(), unit: z.enum(['CALENDAR_DAYS', 'WORKING_DAYS']) })),
  escalationLevel: z.number(),
  service: z.optional(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      name: z.string(),
      nameEn: z.optional(z.string()),
      version: z.optional(z.number()),
      decreeNumber: z.optional(z.string()),
      clocks: z.optional(z.object({ dispositionWorkingDays: z.optional(z.number()), followUpWorkingDays: z.optional(z.number()) })),
    }),
  ),
  ombudsmanReview: z.optional(z.object({ status: reviewStatus, reasons: z.array(ombudsmanReason), office: agencyRef })),
  /** How many share the problem: a count, never who. */
  support: z.object({ supporters: z.number(), duplicates: z.number() }),
  /** The sealed cursor to the older timeline entries (null when the page reaches the first). */
  timelineOlderCursor: z.nullable(z.string()),
};

/** The reporter's answers about the service and the maladministration they indicate, clause by clause. */
const serviceFindings = {
  serviceAnswers: z.optional(
    z.object({
      appliedOn: z.string(),
      completedOn: z.optional(z.string()),
      charged: z.optional(z.number()),
      extraRequirements: z.optional(z.array(z.string())),
    }),
  ),
  indicators: z.array(
    z.object({
      kind: z.enum(INDICATOR_KINDS),
      /** What the standard says and what the reporter says happened, in Indonesian; `text` has both to read in any language. */
      standard: z.string(),
      reported: z.string(),
      text: z.optional(z.object({ standard: recordText, reported: recordText })),
      label: z.string(),
    }),
  ),
};
const archive = z.object({ reason: z.enum(ARCHIVE_REASONS), duplicateOf: z.optional(z.string()), at: z.string() });
const fullRating = z.object({ score: z.number(), comment: z.optional(z.string()), at: z.string() });
const identity = z.object({ name: z.optional(z.string()), email: z.optional(z.string()), phone: z.optional(z.string()) });
const allowedActions = z.array(z.enum(ACTION_NAMES));

/** Anyone, of a complaint that is not confidential: no identity, no contact, not what it was merged into. */
export const publicComplaintView = z.object({
  ...shared,
  archive: z.optional(z.object({ reason: z.enum(ARCHIVE_REASONS), at: z.string() })),
  rating: z.optional(z.object({ score: z.number() })),
  timeline: z.array(timelineEntry),
  view: z.literal('PUBLIC'),
});

/** The holder of the access token: everything about their own complaint. */
export const reporterComplaintView = z.object({
  ...shared,
  ...serviceFindings,
  archive: z.optional(archive),
  rating: z.optional(fullRating),
  allowedActions,
  hold: z.optional(z.object({ question: z.string(), askedAt: z.string() })),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  targetAgency: z.optional(agencyRef),
  reporter: z.nullable(identity),
  attachments: z.array(attachmentShown),
  timeline: z.array(timelineEntry),
  view: z.literal('REPORTER'),
});

/**
 * Staff: the whole timeline, the router's state, what they may do. The identity only when asked
 * for, allowed and not anonymous; otherwise whether asking would show it.
 */
export const staffComplaintView = z.object({
  ...shared,
  ...serviceFindings,
  archive: z.optional(archive),
  rating: z.optional(fullRating),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  allowedActions,
  suggestedAgency: z.nullable(agencyRef),
  copyToAgencies: z.array(agencyRef),
  escalatedTo: z.array(agencyRef),
  misses: z.array(z.object({ stage: deadlineStage, dueAt: z.string(), agencyId: z.string(), workingDaysLate: z.number(), at: z.string(), agency: named })),
  ombudsmanReviewDetail: z.optional(
    z.object({
      status: reviewStatus,
      reasons: z.array(ombudsmanReason),
      office: z.string(),
      flaggedAt: z.string(),
      consentToShareIdentity: z.boolean(),
      outcome: z.optional(
        z.object({ action: z.enum(['TAKE_OVER', 'RETURN_TO_AGENCY', 'DISMISS']), note: z.optional(z.string()), by: z.string(), at: z.string() }),
      ),
      answeredAt: z.optional(z.string()),
    }),
  ),
  routing: z.object({
    state: z.enum(ROUTING_STATES),
    reason: z.optional(z.string()),
    method: z.optional(z.enum(ROUTING_METHODS)),
  }),
  hold: z.optional(z.object({ question: z.string(), askedAt: z.string(), by: z.string(), remainingDispositionDays: z.number() })),
  attachments: z.array(attachmentShown),
  reporter: z.union([
    z.object({ anonymous: z.literal(true) }),
    z.object({ withheld: z.literal(true), revealable: z.optional(z.literal(true)) }),
    identity,
    z.null(),
  ]),
  timeline: z.array(staffTimelineEntry),
  view: z.literal('STAFF'),
});

/** GET /v1/complaints/{trackingId} and every action on it: the complaint as the caller sees it. */
export const complaintViewOutput = z.discriminatedUnion('view', [publicComplaintView, reporterComplaintView, staffComplaintView]);
export type PublicComplaintView = z.infer<typeof publicComplaintView>;
export type ReporterComplaintView = z.infer<typeof reporterComplaintView>;
export type StaffComplaintView = z.infer<typeof staffComplaintView>;
export type ComplaintViewOutput = z.infer<typeof complaintViewOutput>;
export type AttachmentShown = z.infer<typeof attachmentShown>;
