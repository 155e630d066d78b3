/**
 * Staff accounts, as operators and agency administrators keep them: list, invite (the person gets
 * their username and a temporary password by mail), and act on one — disable, enable, a new
 * invitation or password, another role or agency. Every change is on the account's audit trail
 * and mailed to the person it concerns. The rules of who may do what are core/staff-accounts.ts.
 */

import { findAgency } from '../core/agencies';
import { renderStaffInvitation, renderStaffNotice } from '../core/emails/staff-account';
import { DomainError, refusal, validationError } from '../core/errors';
import type { Language } from '../core/languages';
import type { PagePosition } from '../core/ports';
import { provinces } from '../core/regions';
import { STAFF_GROUPS, type StaffPrincipal } from '../core/staff';
import {
  type AccountStatus,
  type Invitation,
  manageRefusal,
  type Placement,
  placementAfter,
  placementProblems,
  type StaffAccount,
  type StaffAction,
  type StaffChange,
  type StaffGroup,
  TEMPORARY_PASSWORD_DAYS,
  temporaryPassword,
} from '../core/staff-accounts';
import type { Deps } from './deps';
import { openPosition } from './page-cursors';
import { syncRoster } from './readiness';

type StaffDeps = Pick<Deps, 'staffAccounts' | 'staffRecords' | 'readiness' | 'mailer' | 'portalUrl' | 'clock' | 'random' | 'logger'>;

/** Pool pages one listing reads at most (25 accounts each): bounded work, whatever the filters. */
const MAX_READS_PER_PAGE = 4;
const HISTORY_LIMIT = 50;

const placementOf = (a: StaffAccount): Placement => ({
  group: a.group,
  ...(a.agencyId ? { agencyId: a.agencyId } : {}),
  ...(a.provinceCode ? { provinceCode: a.provinceCode } : {}),
});

/** An account as its managers read it: with its agency's and province's names beside the codes. */
function shown<A extends StaffAccount>(a: A) {
  const agencyName = a.agencyId ? findAgency(a.agencyId)?.name : undefined;
  const provinceName = a.provinceCode ? provinces.find((p) => p.code === a.provinceCode)?.name : undefined;
  return { ...a, ...(agencyName ? { agencyName } : {}), ...(provinceName ? { provinceName } : {}) };
}

function refuseUnless(who: StaffPrincipal, target: { username?: string; placement: Placement }) {
  const refusal = manageRefusal(who, target);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
}

/** An administrator lists their own agency's people; an operator anyone's. Anybody else nothing. */
function listingScope(who: StaffPrincipal, agencyId: string | undefined): string | undefined {
  if (who.roles.includes('OPERATOR')) return agencyId;
  if (who.roles.includes('SERVICE_ADMIN') && who.agencyId) {
    if (agencyId && agencyId !== who.agencyId) throw new DomainError('FORBIDDEN', 'Admin instansi hanya melihat akun instansinya sendiri.');
    return who.agencyId;
  }
  throw new DomainError('FORBIDDEN', 'Hanya operator dan admin instansi yang melihat daftar akun petugas.');
}

export interface StaffQuery {
  agencyId?: string | undefined;
  group?: StaffGroup | undefined;
  status?: AccountStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** GET /v1/staff: accounts by agency, group and status, a page at a time (the cursor is bound to the filters). */
export async function listStaff(deps: Pick<Deps, 'staffAccounts' | 'staffRecords' | 'cursors'>, who: StaffPrincipal, q: StaffQuery) {
  const agencyId = listingScope(who, q.agencyId);
  // An administrator sees officers and administrators only, even of their own agency.
  const groups: StaffGroup[] | undefined = who.roles.includes('OPERATOR') ? undefined : [STAFF_GROUPS.AGENCY_OFFICER, STAFF_GROUPS.SERVICE_ADMIN];
  const scope = `staff|${agencyId ?? ''}|${q.group ?? ''}|${q.status ?? ''}`;
  let after: PagePosition | undefined = q.cursor ? openPosition(deps.cursors, scope, q.cursor) : undefined;
  const items: StaffAccount[] = [];
  let more = true;
  for (let reads = 0; reads < MAX_READS_PER_PAGE && more && items.length < q.limit; reads++) {
    const page = await deps.staffAccounts.list({ ...(q.group ? { group: q.group } : {}), limit: 25, ...(after ? { after } : {}) });
    items.push(
      ...page.items.filter((a) => (!agencyId || a.agencyId === agencyId) && (!q.status || a.status === q.status) && (!groups || groups.includes(a.group))),
    );
    after = page.next;
    more = page.next !== undefined;
  }
  // Every match of the pool pages read is returned (a page may hold a few more than `limit`): the
  // cursor resumes after the last pool page, so nothing is skipped.
  const signedIn = await deps.staffRecords.lastSignIns(items.map((a) => a.username));
  const withSignIn = items.map((a) => {
    const lastSignInAt = signedIn.get(a.username);
    return shown({ ...a, ...(lastSignInAt ? { lastSignInAt } : {}) });
  });
  return { items: withSignIn, nextCursor: more && after ? deps.cursors.seal(scope, after) : null };
}

/** A username from an email's local part (lowercase letters, digits, dot, dash), when none is given. */
export const usernameFrom = (email: string) =>
  (email.split('@')[0] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 64);

/** Mails a temporary password; an account is never lost to a mail that failed (the answer says so, and it can be sent again). */
async function mailInvitation(
  deps: StaffDeps,
  account: { username: string; name: string; email: string; language?: Language | undefined } & Placement,
  password: string,
  again: boolean,
) {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_DAYS * 86_400_000).toISOString();
  const mail = renderStaffInvitation({
    ...account,
    placement: account,
    temporaryPassword: password,
    expiresAt,
    portalUrl: deps.portalUrl,
    again,
    ...(account.language ? { language: account.language } : {}),
  });
  try {
    await deps.mailer.send(account.email, mail);
    return true;
  } catch (error) {
    deps.logger.error('staff invitation not mailed; it can be sent again', { username: account.username, error: String(error) });
    return false;
  }
}

/** POST /v1/staff: creates the account with a temporary password and mails the invitation (201). */
export async function inviteStaff(
  deps: StaffDeps,
  who: StaffPrincipal,
  input: Omit<Invitation, 'username'> & { username?: string | undefined },
  via: 'INVITE' | 'IMPORT' = 'INVITE',
) {
  const invitation: Invitation = {
    name: input.name,
    email: input.email,
    group: input.group,
    ...(input.agencyId ? { agencyId: input.agencyId } : {}),
    ...(input.provinceCode ? { provinceCode: input.provinceCode } : {}),
    ...(input.language ? { language: input.language } : {}),
    username: input.username ?? usernameFrom(input.email),
  };
  const problems = placementProblems(invitation);
  if (problems.length) throw validationError(problems);
  refuseUnless(who, { placement: invitation });
  const password = temporaryPassword((n) => deps.random.bytes(n));
  if (!(await deps.staffAccounts.create(invitation, password))) {
    throw refusal('CONFLICT', 'usernameTaken', { username: invitation.username });
  }
  const { username, name: _n, email: _e, language: _l, ...placement } = invitation;
  await deps.staffRecords.record({
    username,
    at: deps.clock.now().toISOString(),
    by: who.username,
    action: via,
    after: { ...placement, status: 'INVITED' },
  });
  await syncRoster(deps, undefined, { username, group: invitation.group, status: 'INVITED', agencyId: invitation.agencyId });
  const invitationMailed = await mailInvitation(deps, invitation, password, false);
  const account = await deps.staffAccounts.get(username);
  if (!account) throw new Error(`the account ${username} just created cannot be read`);
  return shown({ ...account, invitationMailed });
}

/** Whether this is the last active operator: the pool must always keep one who can manage it. */
async function lastActiveOperator(deps: Pick<Deps, 'staffAccounts'>, username: string): Promise<boolean> {
  let after: PagePosition | undefined;
  for (let reads = 0; reads < 8; reads++) {
    const page = await deps.staffAccounts.list({ group: STAFF_GROUPS.OPERATOR, limit: 25, ...(after ? { after } : {}) });
    if (page.items.some((a) => a.username !== username && a.status !== 'DISABLED')) return false;
    after = page.next;
    if (!after) return true;
  }
  return false;
}

/** POST /v1/staff/{username}/actions: one change of one account, audited and told to its person. */
export async function actOnStaff(deps: StaffDeps, who: StaffPrincipal, username: string, change: StaffAction) {
  const account = await deps.staffAccounts.get(username);
  if (!account) throw refusal('NOT_FOUND', 'accountNotFound', { username });
  if (change.action === 'SET_LANGUAGE') {
    // One's own profile, and nobody else's: no administrator's right, no history, no mail.
    if (who.username !== username) throw refusal('FORBIDDEN', 'languageSelfOnly');
    await deps.staffAccounts.setLanguage(username, change.language);
    return shown({ ...account, language: change.language, mailed: false });
  }
  const before = placementOf(account);
  refuseUnless(who, { username, placement: before });
  const after = placementAfter(before, change);
  if (change.action === 'CHANGE_GROUP' || change.action === 'MOVE_AGENCY') {
    const problems = placementProblems(after);
    if (problems.length) throw validationError(problems);
    refuseUnless(who, { username, placement: after });
  }
  const stopsBeingAnOperator =
    account.group === STAFF_GROUPS.OPERATOR &&
    account.status !== 'DISABLED' &&
    (change.action === 'DISABLE' || (change.action === 'CHANGE_GROUP' && after.group !== STAFF_GROUPS.OPERATOR));
  if (stopsBeingAnOperator && (await lastActiveOperator(deps, username))) throw refusal('CONFLICT', 'lastOperator');
  let status: AccountStatus = account.status;
  let mailed: boolean | undefined;
  switch (change.action) {
    case 'DISABLE':
      await deps.staffAccounts.setEnabled(username, false);
      status = 'DISABLED';
      break;
    case 'ENABLE':
      await deps.staffAccounts.setEnabled(username, true);
      status = (await deps.staffAccounts.get(username))?.status ?? 'ACTIVE';
      break;
    case 'RESEND_INVITATION':
    case 'RESET_PASSWORD': {
      if (account.status === 'DISABLED') throw refusal('CONFLICT', 'accountDisabled');
      if (change.action === 'RESEND_INVITATION' && account.status !== 'INVITED') throw refusal('CONFLICT', 'accountActive');
      const password = temporaryPassword((n) => deps.random.bytes(n));
      await deps.staffAccounts.setTemporaryPassword(username, password);
      status = 'INVITED';
      mailed = await mailInvitation(deps, { ...account, ...before }, password, true);
      break;
    }
    case 'CHANGE_GROUP':
    case 'MOVE_AGENCY':
      await deps.staffAccounts.place(username, before, after);
      break;
  }
  const record: StaffChange = {
    username,
    at: deps.clock.now().toISOString(),
    by: who.username,
    action: change.action,
    before: { ...before, status: account.status },
    after: { ...after, status },
  };
  await deps.staffRecords.record(record);
  if (mailed === undefined) {
    try {
      await deps.mailer.send(account.email, renderStaffNotice({ name: account.name, change: record, portalUrl: deps.portalUrl, language: account.language }));
      mailed = true;
    } catch (error) {
      deps.logger.error('staff change not mailed', { username, error: String(error) });
      mailed = false;
    }
  }
  const now = await deps.staffAccounts.get(username);
  if (!now) throw new Error(`the account ${username} cannot be read after a change`);
  await syncRoster(deps, before.agencyId, now);
  return shown({ ...now, mailed });
}

/** GET /v1/staff/{username}/history: every change, who and when — for those who manage the account, and its person. */
export async function staffHistory(deps: Pick<Deps, 'staffAccounts' | 'staffRecords'>, who: StaffPrincipal, username: string) {
  const account = await deps.staffAccounts.get(username);
  if (!account) throw refusal('NOT_FOUND', 'accountNotFound', { username });
  if (who.username !== username) refuseUnless(who, { placement: placementOf(account) });
  return { username, items: await deps.staffRecords.of(username, HISTORY_LIMIT) };
}
