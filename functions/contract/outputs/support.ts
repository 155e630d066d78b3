import * as z from 'zod/mini';
import { complaintStatus } from './shared';

/** POST /v1/complaints/{trackingId}/support: whether this device's support counted, and the counts (never who). */
export const supportOutput = z.object({ trackingId: z.string(), added: z.boolean(), supporters: z.number(), duplicates: z.number() });

/** GET /v1/complaints/{trackingId}/duplicates: the likeliest duplicates, best first, each with why (verifiers). */
export const duplicatesOutput = z.object({
  trackingId: z.string(),
  items: z.array(
    z.object({ trackingId: z.string(), title: z.string(), status: complaintStatus, submittedAt: z.string(), score: z.number(), reasons: z.array(z.string()) }),
  ),
});
export type SupportOutput = z.infer<typeof supportOutput>;
export type DuplicatesOutput = z.infer<typeof duplicatesOutput>;
