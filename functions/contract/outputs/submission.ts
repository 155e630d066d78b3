import * as z from 'zod/mini';
import { complaintStatus, deadlineStage, timeZone } from './shared';

/** POST /v1/complaints (201): the tracking number and the access token — shown once — with the first deadline. */
export const submissionOutput = z.object({
  trackingId: z.string(),
  accessToken: z.string(),
  status: complaintStatus,
  deadline: z.object({
    stage: deadlineStage,
    workingDays: z.number(),
    date: z.string(),
    dueAt: z.string(),
    timeZone,
    uncoveredYears: z.optional(z.array(z.number())),
  }),
  links: z.object({ self: z.string() }),
  message: z.string(),
});
export type SubmissionOutput = z.infer<typeof submissionOutput>;
