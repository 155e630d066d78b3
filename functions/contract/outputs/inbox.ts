import * as z from 'zod/mini';
import { agencyRef, complaintStatus, complaintType, deadlineShown, ombudsmanReason, reviewStatus } from './shared';

/** One complaint of a work queue, as staff see it in their inbox. */
export const inboxItem = z.object({
  trackingId: z.string(),
  type: complaintType,
  title: z.string(),
  categoryId: z.string(),
  regionCode: z.string(),
  /** The region's name as people say it (Kabupaten Badung, Bali). */
  regionName: z.string(),
  status: complaintStatus,
  submittedAt: z.string(),
  deadline: deadlineShown,
  overdue: z.boolean(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  transfers: z.number(),
  escalationLevel: z.number(),
  ombudsmanReview: z.optional(z.object({ status: reviewStatus, reasons: z.array(ombudsmanReason), flaggedAt: z.string() })),
  assignedAgency: z.nullable(agencyRef),
  suggestedAgency: z.nullable(agencyRef),
});

const named = z.object({ id: z.string(), name: z.optional(z.string()) });
/** Which queue the page is of: a verifier's, an agency's (its own, or escalated to it), an Ombudsman office's reviews. */
export const inboxQueue = z.union([
  z.object({ verification: z.string() }),
  z.object({ agency: named }),
  z.object({ escalatedTo: named }),
  z.object({ ombudsmanOffice: named, review: reviewStatus }),
]);

/** GET /v1/inbox: the caller's queue, oldest deadline first. */
export const inboxOutput = z.object({ queue: inboxQueue, items: z.array(inboxItem), nextCursor: z.nullable(z.string()) });
export type InboxItem = z.infer<typeof inboxItem>;
export type InboxOutput = z.infer<typeof inboxOutput>;
