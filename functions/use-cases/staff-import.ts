/**
 * An agency's people from a spreadsheet (POST /v1/staff/imports): every row is checked — its
 * fields, where it places the person, whether the importer may, a username used once — and
 * nothing is created unless every row is right; each bad row is named. Then each person is
 * invited as one invitation would (mail, audit).
 */
import * as z from 'zod/mini';
import { fieldErrorsOf } from '../contract/problem';
import { invitationSchema } from '../contract/staff-account';
import { DomainError, type FieldError, validationError } from '../core/errors';
import type { StaffPrincipal } from '../core/staff';
import { type Invitation, manageRefusal, placementProblems } from '../core/staff-accounts';
import { csvRows } from './csv-rows';
import type { Deps } from './deps';
import { inviteStaff, usernameFrom } from './staff-accounts';

export const STAFF_COLUMNS = ['name', 'email', 'group', 'agencyId', 'provinceCode', 'username', 'language'] as const;
const OPTIONAL = new Set<string>(['agencyId', 'provinceCode', 'username', 'language']);
/** Rows one import takes: each becomes an account and a mail within the function's time. */
const MAX_ROWS = 100;

type ImportDeps = Pick<Deps, 'staffAccounts' | 'staffRecords' | 'readiness' | 'mailer' | 'portalUrl' | 'clock' | 'random' | 'logger'>;

export async function importStaff(deps: ImportDeps, who: StaffPrincipal, csv: string) {
  const rows = csvRows(csv, { columns: STAFF_COLUMNS, optional: OPTIONAL, maxRows: MAX_ROWS });
  const errors: FieldError[] = [];
  const invitations: Invitation[] = [];
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const at = `rows.${i + 1}`;
    const parsed = z.safeParse(invitationSchema, Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '')));
    if (!parsed.success) {
      for (const e of fieldErrorsOf(parsed.error)) errors.push({ field: `${at}.${e.field}`, message: e.message });
      continue;
    }
    const { username: given, agencyId, provinceCode, ...rest } = parsed.data;
    const invitation: Invitation = {
      ...rest,
      ...(agencyId ? { agencyId } : {}),
      ...(provinceCode ? { provinceCode } : {}),
      username: given ?? usernameFrom(rest.email),
    };
    const problems = placementProblems(invitation);
    for (const e of problems) errors.push({ field: `${at}.${e.field}`, message: e.message });
    const refusal = problems.length ? undefined : manageRefusal(who, { placement: invitation });
    if (refusal) errors.push({ field: `${at}.group`, message: refusal });
    const earlier = seen.get(invitation.username);
    if (earlier !== undefined) errors.push({ field: `${at}.username`, message: `${invitation.username} sudah dipakai baris ${earlier}` });
    seen.set(invitation.username, i + 1);
    if (!problems.length && !refusal && earlier === undefined) invitations.push(invitation);
  }
  // Taken usernames are found before anything is created (a bounded read per row).
  const taken = await Promise.all(invitations.map(async (inv) => ((await deps.staffAccounts.get(inv.username)) ? inv.username : undefined)));
  for (const username of taken) if (username) errors.push({ field: `rows.${seen.get(username)}.username`, message: `${username} sudah dipakai akun lain` });
  if (errors.length) throw validationError(errors, `Impor dibatalkan: ${errors.length} kesalahan; tidak ada akun yang dibuat.`);
  const invited: string[] = [];
  const notMailed: string[] = [];
  for (const invitation of invitations) {
    try {
      const account = await inviteStaff(deps, who, invitation, 'IMPORT');
      invited.push(account.username);
      if (!account.invitationMailed) notMailed.push(account.username);
    } catch (error) {
      // A username taken between the check and now: what was created stays, and the answer says where it stopped.
      if (error instanceof DomainError && error.kind === 'CONFLICT')
        throw new DomainError(
          'CONFLICT',
          `${error.message} ${invited.length} akun pertama sudah dibuat: ${invited.join(', ') || '-'}. Hapus baris itu dan unggah sisanya.`,
        );
      throw error;
    }
  }
  return { imported: invited, notMailed };
}
