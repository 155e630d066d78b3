import * as z from 'zod/mini';
import { agencyRef, complaintStatus, complaintType, pageOf } from './shared';

/** One complaint of the public feed: no identity, no contact, nothing confidential. */
export const feedItem = z.object({
  trackingId: z.string(),
  type: complaintType,
  title: z.string(),
  category: z.object({ id: z.string(), name: z.string() }),
  regionCode: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  status: complaintStatus,
  statusLabel: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  assignedAgency: z.nullable(agencyRef),
  escalationLevel: z.number(),
});

/** GET /v1/complaints: the public feed, newest first. */
export const publicFeedOutput = pageOf(feedItem);
export type FeedItem = z.infer<typeof feedItem>;
export type PublicFeedOutput = z.infer<typeof publicFeedOutput>;
