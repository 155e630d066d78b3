import * as z from 'zod/mini';
import { ATTACHMENT_TYPES } from '../../core/attachment-record';
import { ATTACHMENT_LIMITS } from '../../core/attachments';
import { complaintPath } from '../complaint-path';
import { defineInput } from '../route-input';
import { singleLine } from '../text';

const maxMb = ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024;

/** POST /v1/complaints/{trackingId}/attachments: announce a file, get where to upload it. */
export const input = defineInput({
  path: complaintPath,
  body: z.strictObject({
    fileName: singleLine(200),
    /** What the client says it is; the checker trusts only the bytes (core/attachments.ts). */
    contentType: z.enum(ATTACHMENT_TYPES, { error: `salah satu dari ${ATTACHMENT_TYPES.join(', ')}` }),
    size: z
      .int({ error: 'ukuran dalam bita (bilangan bulat)' })
      .check(z.gte(1, 'berkas kosong'), z.lte(ATTACHMENT_LIMITS.maxFileBytes, `paling besar ${maxMb} MB`)),
    /** Staff only: a working document the reporter never sees. */
    internal: z.optional(z.boolean()),
  }),
});
