import * as z from 'zod/mini';
import { complaintStatus, deadline } from './shared';

/** POST /v1/complaints (201): the tracking number and the access token — shown once — with the first deadline. */
export const submissionOutput = z.object({
  trackingId: z.string(),
  accessToken: z.string(),
  status: complaintStatus,
  deadline,
  links: z.object({ self: z.string() }),
  message: z.string(),
});
export type SubmissionOutput = z.infer<typeof submissionOutput>;
