import { z } from 'zod';
import { COMPLAINT_TYPES } from '../core/complaint';

const text = (max: number) => z.string({ error: 'wajib diisi (teks)' }).trim().min(1, 'tidak boleh kosong').max(max, `maksimal ${max} karakter`);

/** The commands of POST /v1/complaints/{trackingId}/actions, one strict object per action. */
export const complaintActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('VERIFY'),
      agencyId: z.string({ error: 'wajib diisi' }),
      copyToAgencyIds: z.array(z.string()).max(10).optional(),
      type: z.enum(COMPLAINT_TYPES).optional(),
      categoryId: z.string().optional(),
      anonymous: z.boolean().optional(),
      confidential: z.boolean().optional(),
    }),
    z.strictObject({ action: z.literal('HOLD'), question: text(2000) }),
    z.strictObject({
      action: z.literal('ARCHIVE'),
      reason: z.enum(['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE'], { error: 'NOT_ACTIONABLE, OUT_OF_SCOPE, DUPLICATE atau ABUSIVE' }),
      note: z.string().max(2000).optional(),
      duplicateOf: z.string().optional(),
    }),
    z.strictObject({ action: z.literal('ACKNOWLEDGE') }),
    z.strictObject({ action: z.literal('RESPOND'), message: text(5000) }),
    z.strictObject({ action: z.literal('TRANSFER'), reason: text(2000), suggestedAgencyId: z.string().optional() }),
    z.strictObject({ action: z.literal('COMMENT'), message: text(5000), internal: z.boolean().optional() }),
    z.strictObject({ action: z.literal('REPLY'), message: text(5000) }),
    z.strictObject({ action: z.literal('CONFIRM_RESOLVED') }),
    z.strictObject({ action: z.literal('REOPEN'), message: text(5000) }),
    z.strictObject({
      action: z.literal('RATE'),
      score: z.number({ error: 'bilangan bulat 1–5' }).int('bilangan bulat 1–5').min(1, 'minimal 1').max(5, 'maksimal 5'),
      comment: z.string().max(2000).optional(),
    }),
    z.strictObject({
      action: z.literal('REQUEST_OMBUDSMAN_REVIEW'),
      consentToShareIdentity: z.boolean({ error: 'wajib diisi: true atau false' }),
      message: z.string().max(5000).optional(),
    }),
    z.strictObject({ action: z.literal('TAKE_OVER'), note: z.string().max(2000).optional() }),
    z.strictObject({
      action: z.literal('RETURN_TO_AGENCY'),
      recommendation: text(5000),
      workingDays: z.number({ error: 'bilangan bulat 1–60' }).int().min(1).max(60),
    }),
    z.strictObject({ action: z.literal('DISMISS'), reason: text(2000) }),
  ],
  {
    error:
      'aksi tidak dikenal: VERIFY, HOLD, ARCHIVE, ACKNOWLEDGE, RESPOND, TRANSFER, COMMENT, REPLY, CONFIRM_RESOLVED, REOPEN, RATE, REQUEST_OMBUDSMAN_REVIEW, TAKE_OVER, RETURN_TO_AGENCY atau DISMISS',
  },
);
