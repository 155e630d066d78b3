import * as z from 'zod/mini';
import { LANGUAGES } from '../../core/languages';
import { ACCOUNT_STATUSES, STAFF_ACTIONS, STAFF_GROUP_NAMES } from '../../core/staff-accounts';
import { pageOf } from './shared';

const placement = {
  group: z.enum(STAFF_GROUP_NAMES),
  agencyId: z.optional(z.string()),
  provinceCode: z.optional(z.string()),
};
/** The names people read beside the codes (the agency's, the province's). */
const names = { agencyName: z.optional(z.string()), provinceName: z.optional(z.string()) };

/** A staff account as its managers see it: never a password, never a token. */
export const staffAccount = z.object({
  username: z.string(),
  name: z.string(),
  email: z.string(),
  ...placement,
  ...names,
  status: z.enum(ACCOUNT_STATUSES),
  /** Whether an authenticator is enrolled. */
  mfa: z.boolean(),
  createdAt: z.string(),
  /** The language the person chose for the portal (their profile). */
  language: z.optional(z.enum(LANGUAGES)),
  /** The last sign-in through Aduan; absent when never (or before Aduan kept it). */
  lastSignInAt: z.optional(z.string()),
});

/** GET /v1/staff */
export const staffListOutput = pageOf(staffAccount);
/** POST /v1/staff: the new account, and whether the invitation mail left (it can be sent again). */
export const staffInvitedOutput = z.extend(staffAccount, { invitationMailed: z.boolean() });
/** POST /v1/staff/imports: the accounts created, and those whose invitation mail did not leave (send it again). */
export const staffImportOutput = z.object({ imported: z.array(z.string()), notMailed: z.array(z.string()) });
/** POST /v1/staff/{username}/actions: the account after the change, and whether its person was told. */
export const staffChangedOutput = z.extend(staffAccount, { mailed: z.boolean() });

const placementWithStatus = z.object({ ...placement, status: z.optional(z.enum(ACCOUNT_STATUSES)) });
/** GET /v1/staff/{username}/history: every change, newest first. */
export const staffHistoryOutput = z.object({
  username: z.string(),
  items: z.array(
    z.object({
      username: z.string(),
      at: z.string(),
      by: z.string(),
      action: z.enum(['INVITE', 'IMPORT', ...STAFF_ACTIONS]),
      before: z.optional(placementWithStatus),
      after: z.optional(placementWithStatus),
    }),
  ),
});

export type StaffAccountView = z.infer<typeof staffAccount>;
export type StaffListOutput = z.infer<typeof staffListOutput>;
export type StaffInvitedOutput = z.infer<typeof staffInvitedOutput>;
export type StaffChangedOutput = z.infer<typeof staffChangedOutput>;
export type StaffImportOutput = z.infer<typeof staffImportOutput>;
export type StaffHistoryOutput = z.infer<typeof staffHistoryOutput>;
