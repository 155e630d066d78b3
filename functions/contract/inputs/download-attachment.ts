import * as z from 'zod/mini';
import { complaintPath } from '../complaint-path';
import { defineInput, enumParam } from '../route-input';

/** GET /v1/complaints/{trackingId}/attachments/{attachmentId} */
export const input = defineInput({
  path: z.extend(complaintPath, { attachmentId: z.string().check(z.regex(/^[a-z0-9]{1,40}$/, 'nomor lampiran tidak valid')) }),
  query: z.strictObject({
    /** `preview`: the small JPEG made of an image. */
    variant: z.optional(enumParam(['FILE', 'PREVIEW'])),
  }),
});
