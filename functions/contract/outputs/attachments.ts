import * as z from 'zod/mini';
import { ATTACHMENT_STATUSES, ATTACHMENT_TYPES } from '../../core/attachment-record';

/** POST /v1/complaints/{trackingId}/attachments: the recorded file and where to put its bytes (once, before it expires). */
export const uploadOutput = z.object({
  attachmentId: z.string(),
  status: z.enum(ATTACHMENT_STATUSES),
  upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
});

/** GET /v1/complaints/{trackingId}/attachments/{attachmentId}: a short-lived link to a checked file. */
export const downloadOutput = z.object({
  url: z.string(),
  fileName: z.string(),
  contentType: z.union([z.enum(ATTACHMENT_TYPES), z.literal('image/jpeg')]),
  expiresAt: z.string(),
});
export type UploadOutput = z.infer<typeof uploadOutput>;
export type DownloadOutput = z.infer<typeof downloadOutput>;
