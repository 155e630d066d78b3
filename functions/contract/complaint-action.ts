import * as z from 'zod/mini';
import { COMPLAINT_TYPES } from '../core/complaint';
import { identifier, multiLine } from './text';

const text = (max: number) => multiLine(max);
const optionalText = (max: number) => z.optional(multiLine(max, 0));

/** The commands of POST /v1/complaints/{trackingId}/actions, one strict object per action. */
export const complaintActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('VERIFY'),
      agencyId: identifier(),
      copyToAgencyIds: z.optional(
        z.array(identifier()).check(
          z.maxLength(10, 'paling banyak 10 instansi tembusan'),
          z.refine((ids) => new Set(ids).size === ids.length, 'instansi tembusan tidak boleh berulang'),
        ),
      ),
      type: z.optional(z.enum(COMPLAINT_TYPES)),
      categoryId: z.optional(identifier()),
      anonymous: z.optional(z.boolean()),
      confidential: z.optional(z.boolean()),
    }),
    z.strictObject({ action: z.literal('HOLD'), question: text(2000) }),
    z.strictObject({
      action: z.literal('ARCHIVE'),
      reason: z.enum(['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE'], { error: 'NOT_ACTIONABLE, OUT_OF_SCOPE, DUPLICATE atau ABUSIVE' }),
      note: optionalText(2000),
      duplicateOf: z.optional(z.string().check(z.maxLength(32, 'nomor pelacakan tidak valid'))),
    }),
    z.strictObject({ action: z.literal('ACKNOWLEDGE') }),
    z.strictObject({ action: z.literal('RESPOND'), message: text(5000) }),
    z.strictObject({ action: z.literal('TRANSFER'), reason: text(2000), suggestedAgencyId: z.optional(identifier()) }),
    z.strictObject({ action: z.literal('COMMENT'), message: text(5000), internal: z.optional(z.boolean()) }),
    z.strictObject({ action: z.literal('REPLY'), message: text(5000) }),
    z.strictObject({ action: z.literal('CONFIRM_RESOLVED') }),
    z.strictObject({ action: z.literal('REOPEN'), message: text(5000) }),
    z.strictObject({
      action: z.literal('RATE'),
      score: z.int({ error: 'bilangan bulat 1–5' }).check(z.gte(1, 'minimal 1'), z.lte(5, 'maksimal 5')),
      comment: optionalText(2000),
    }),
    z.strictObject({
      action: z.literal('REQUEST_OMBUDSMAN_REVIEW'),
      consentToShareIdentity: z.boolean({ error: 'wajib diisi: true atau false' }),
      message: optionalText(5000),
    }),
    z.strictObject({ action: z.literal('TAKE_OVER'), note: optionalText(2000) }),
    z.strictObject({
      action: z.literal('RETURN_TO_AGENCY'),
      recommendation: text(5000),
      workingDays: z.int({ error: 'bilangan bulat 1–60' }).check(z.gte(1, 'minimal 1'), z.lte(60, 'maksimal 60')),
    }),
    z.strictObject({ action: z.literal('DISMISS'), reason: text(2000) }),
    z.strictObject({ action: z.literal('ERASE_IDENTITY') }),
    z.strictObject({
      action: z.literal('CONFIRM_EMAIL'),
      code: z
        .string({ error: 'kode dari email konfirmasi' })
        .check(z.trim(), z.maxLength(32, 'kode dari email konfirmasi'), z.regex(/^[A-Za-z0-9-]+$/, 'kode dari email konfirmasi')),
    }),
  ],
  {
    error:
      'aksi tidak dikenal: VERIFY, HOLD, ARCHIVE, ACKNOWLEDGE, RESPOND, TRANSFER, COMMENT, REPLY, CONFIRM_RESOLVED, REOPEN, RATE, REQUEST_OMBUDSMAN_REVIEW, TAKE_OVER, RETURN_TO_AGENCY, DISMISS, ERASE_IDENTITY atau CONFIRM_EMAIL',
  },
);
