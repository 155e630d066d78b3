import * as z from 'zod/mini';
import { LANGUAGES } from '../core/languages';
import { STAFF_ACTIONS, STAFF_GROUP_NAMES } from '../core/staff-accounts';
import { emailAddress, singleLine } from './text';

/** A username people type at sign-in: lowercase letters, digits, dot and dash. */
export const staffUsername = z
  .string({ error: 'wajib diisi' })
  .check(z.regex(/^[a-z0-9][a-z0-9.-]{2,63}$/, 'huruf kecil, angka, titik atau tanda hubung (3–64)'));
const group = z.enum(STAFF_GROUP_NAMES, { error: `salah satu dari ${STAFF_GROUP_NAMES.join(', ')}` });
const agencyId = z.string().check(z.regex(/^[a-z0-9.-]{1,64}$/, 'kode instansi tidak valid'));
const provinceCode = z.string().check(z.regex(/^\d{2}$/, 'kode provinsi dua angka'));

/** One person to invite (POST /v1/staff, or a row of an import): where they act is checked against the directory by the use case. */
export const invitationSchema = z.strictObject({
  name: singleLine(120, 2),
  email: emailAddress(),
  group,
  agencyId: z.optional(agencyId),
  provinceCode: z.optional(provinceCode),
  /** Default: the email's local part. */
  username: z.optional(staffUsername),
  /** The person's language: their mails, and the portal at their first sign-in (their profile's). Default: Indonesian. */
  language: z.optional(z.enum(LANGUAGES, { error: LANGUAGES.join(', ') })),
});

/** POST /v1/staff/{username}/actions */
export const staffActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.enum(['DISABLE', 'ENABLE', 'RESEND_INVITATION', 'RESET_PASSWORD']) }),
    z.strictObject({ action: z.literal('CHANGE_GROUP'), group, agencyId: z.optional(agencyId), provinceCode: z.optional(provinceCode) }),
    z.strictObject({ action: z.literal('MOVE_AGENCY'), agencyId }),
    z.strictObject({ action: z.literal('SET_LANGUAGE'), language: z.enum(LANGUAGES, { error: LANGUAGES.join(', ') }) }),
  ],
  { error: [...STAFF_ACTIONS, 'SET_LANGUAGE'].join(', ') },
);
