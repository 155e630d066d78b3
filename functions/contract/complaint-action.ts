import { z } from 'zod';
import { COMPLAINT_TYPES } from '../core/complaint';
import { identifier, multiLine } from './text';

const text = (max: number) => multiLine(max);
const optionalText = (max: number) => multiLine(max, 0).optional();

/** The commands of POST /v1/complaints/{trackingId}/actions, one strict object per action. */
export const complaintActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('VERIFY'),
      agencyId: identifier(),
      copyToAgencyIds: z
        .array(identifier())
        .max(10, 'paling banyak 10 instansi tembusan')
        .refine((ids) => new Set(ids).size === ids.length, 'instansi tembusan tidak boleh berulang')
        .optional(),
      type: z.enum(COMPLAINT_TYPES).optional(),
      categoryId: identifier().optional(),
      anonymous: z.boolean().optional(),
      confidential: z.boolean().optional(),
    }),
    z.strictObject({ action: z.literal('HOLD'), question: text(2000) }),
    z.strictObject({
      action: z.literal('ARCHIVE'),
      reason: z.enum(['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE'], { error: 'NOT_ACTIONABLE, OUT_OF_SCOPE, DUPLICATE atau ABUSIVE' }),
      note: optionalText(2000),
      duplicateOf: z.string().max(32, 'nomor pelacakan tidak valid').optional(),
    }),
    z.strictObject({ action: z.literal('ACKNOWLEDGE') }),
    z.strictObject({ action: z.literal('RESPOND'), message: text(5000) }),
    z.strictObject({ action: z.literal('TRANSFER'), reason: text(2000), suggestedAgencyId: identifier().optional() }),
    z.strictObject({ action: z.literal('COMMENT'), message: text(5000), internal: z.boolean().optional() }),
    z.strictObject({ action: z.literal('REPLY'), message: text(5000) }),
    z.strictObject({ action: z.literal('CONFIRM_RESOLVED') }),
    z.strictObject({ action: z.literal('REOPEN'), message: text(5000) }),
    z.strictObject({
      action: z.literal('RATE'),
      score: z.number({ error: 'bilangan bulat 1–5' }).int('bilangan bulat 1–5').min(1, 'minimal 1').max(5, 'maksimal 5'),
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
      workingDays: z.number({ error: 'bilangan bulat 1–60' }).int().min(1).max(60),
    }),
    z.strictObject({ action: z.literal('DISMISS'), reason: text(2000) }),
    z.strictObject({ action: z.literal('ERASE_IDENTITY') }),
    z.strictObject({
      action: z.literal('CONFIRM_EMAIL'),
      code: z
        .string({ error: 'kode dari email konfirmasi' })
        .trim()
        .max(32, 'kode dari email konfirmasi')
        .regex(/^[A-Za-z0-9-]+$/, 'kode dari email konfirmasi'),
    }),
  ],
  {
    error:
      'aksi tidak dikenal: VERIFY, HOLD, ARCHIVE, ACKNOWLEDGE, RESPOND, TRANSFER, COMMENT, REPLY, CONFIRM_RESOLVED, REOPEN, RATE, REQUEST_OMBUDSMAN_REVIEW, TAKE_OVER, RETURN_TO_AGENCY, DISMISS, ERASE_IDENTITY atau CONFIRM_EMAIL',
  },
);
