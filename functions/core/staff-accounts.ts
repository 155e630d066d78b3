/**
 * Staff accounts as agencies onboard their people: where each group acts, who may manage whose
 * account, and the temporary password an invitation carries. The accounts themselves live in the
 * user pool (ports.ts StaffAccounts); every change is on an audit trail (StaffRecords).
 */
import { findAgency } from './agencies';
import type { FieldError } from './errors';
import type { Language } from './languages';
import { provinces } from './regions';
import { STAFF_GROUPS, type StaffPrincipal, type StaffRole } from './staff';

export type StaffGroup = (typeof STAFF_GROUPS)[StaffRole];
export const STAFF_GROUP_NAMES = Object.values(STAFF_GROUPS) as [StaffGroup, ...StaffGroup[]];
export const roleOfGroup = (group: StaffGroup) => (Object.entries(STAFF_GROUPS) as [StaffRole, StaffGroup][]).find(([, g]) => g === group)?.[0] as StaffRole;

/** INVITED: has not yet set their own password (the invitation's temporary one may have expired). */
export const ACCOUNT_STATUSES = ['INVITED', 'ACTIVE', 'DISABLED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Where an account acts: its group, and the agency (officers, administrators) or province (Ombudsman). */
export interface Placement {
  group: StaffGroup;
  agencyId?: string;
  provinceCode?: string;
}

export interface StaffAccount extends Placement {
  username: string;
  name: string;
  email: string;
  status: AccountStatus;
  /** Whether an authenticator is enrolled (TOTP). */
  mfa: boolean;
  createdAt: string;
  /** The language the person chose for the portal (their profile; Indonesian when none). */
  language?: Language;
}

export interface Invitation extends Placement {
  username: string;
  name: string;
  email: string;
  /** The person's language for their mails and the portal (kept as their profile's); Indonesian when none. */
  language?: Language;
}

export const STAFF_ACTIONS = ['DISABLE', 'ENABLE', 'RESEND_INVITATION', 'RESET_PASSWORD', 'CHANGE_GROUP', 'MOVE_AGENCY'] as const;
export type StaffActionName = (typeof STAFF_ACTIONS)[number];
export type StaffAction =
  | { action: 'DISABLE' | 'ENABLE' | 'RESEND_INVITATION' | 'RESET_PASSWORD' }
  | { action: 'CHANGE_GROUP'; group: StaffGroup; agencyId?: string; provinceCode?: string }
  | { action: 'MOVE_AGENCY'; agencyId: string }
  /** One's own profile: the language of the portal (not an administrator's change, so not in STAFF_ACTIONS). */
  | { action: 'SET_LANGUAGE'; language: Language };

/** One change of an account, as the audit trail keeps it: what, to whom, by whom, when. */
export interface StaffChange {
  username: string;
  at: string;
  by: string;
  action: 'INVITE' | 'IMPORT' | StaffActionName;
  before?: Placement & { status?: AccountStatus };
  after?: Placement & { status?: AccountStatus };
}

/** Groups that act for one agency, and the only ones an agency's administrator manages. */
const AGENCY_GROUPS: readonly StaffGroup[] = [STAFF_GROUPS.AGENCY_OFFICER, STAFF_GROUPS.SERVICE_ADMIN];

/** Whether a placement is whole: officers and administrators name a known agency, the Ombudsman a province, the others neither. */
export function placementProblems(p: Placement): FieldError[] {
  const problems: FieldError[] = [];
  if (AGENCY_GROUPS.includes(p.group)) {
    const agency = p.agencyId ? findAgency(p.agencyId) : undefined;
    if (!p.agencyId) problems.push({ field: 'agencyId', message: 'wajib untuk petugas dan admin instansi' });
    else if (!agency || agency.level === 'OMBUDSMAN') problems.push({ field: 'agencyId', message: 'instansi tidak dikenal' });
  } else if (p.agencyId) problems.push({ field: 'agencyId', message: `grup ${p.group} tidak bertindak untuk satu instansi` });
  if (p.group === STAFF_GROUPS.OMBUDSMAN) {
    if (!p.provinceCode) problems.push({ field: 'provinceCode', message: 'wajib untuk petugas Ombudsman' });
    else if (!provinces.some((pr) => pr.code === p.provinceCode)) problems.push({ field: 'provinceCode', message: 'provinsi tidak dikenal' });
  } else if (p.provinceCode) problems.push({ field: 'provinceCode', message: 'hanya untuk petugas Ombudsman' });
  return problems;
}

/**
 * Why `who` may not manage an account placed at `placement` (an existing one, or one they are
 * about to create or move it to), or undefined when they may. Operators manage every account; an
 * agency's administrator its own agency's officers and administrators; nobody their own account.
 */
export function manageRefusal(who: StaffPrincipal, target: { username?: string; placement: Placement }): string | undefined {
  if (target.username !== undefined && target.username === who.username) return 'Akun sendiri tidak dapat diubah peran, instansi atau statusnya.';
  if (who.roles.includes('OPERATOR')) return undefined;
  if (who.roles.includes('SERVICE_ADMIN') && who.agencyId) {
    if (!AGENCY_GROUPS.includes(target.placement.group)) return 'Admin instansi hanya mengelola petugas dan admin instansi.';
    if (target.placement.agencyId !== who.agencyId) return 'Admin instansi hanya mengelola akun instansinya sendiri.';
    return undefined;
  }
  return 'Hanya operator dan admin instansi yang mengelola akun petugas.';
}

/** The placement an action leads to (the same for status and password actions). */
export function placementAfter(current: Placement, change: StaffAction): Placement {
  if (change.action === 'CHANGE_GROUP') {
    return {
      group: change.group,
      ...(change.agencyId ? { agencyId: change.agencyId } : {}),
      ...(change.provinceCode ? { provinceCode: change.provinceCode } : {}),
    };
  }
  if (change.action === 'MOVE_AGENCY') return { ...current, agencyId: change.agencyId };
  return current;
}

/** How long an invitation's temporary password works (the user pool's policy is set from this). */
export const TEMPORARY_PASSWORD_DAYS = 3;

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#$%*+-=?@';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/**
 * A temporary password the pool's policy accepts (16 characters: upper, lower, digit, symbol —
 * none that reads like another) from random bytes. Sent once, in the invitation.
 */
export function temporaryPassword(bytes: (n: number) => Uint8Array): string {
  const pick = (set: string, b: number) => set[b % set.length] as string;
  const raw = bytes(20);
  const chars = [pick(UPPER, raw[0] ?? 0), pick(LOWER, raw[1] ?? 0), pick(DIGITS, raw[2] ?? 0), pick(SYMBOLS, raw[3] ?? 0)];
  for (let i = 4; i < 16; i++) chars.push(pick(ALL, raw[i] ?? 0));
  // The four required classes are not left at the front: a fixed-position shuffle from the last bytes.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (raw[16 + (i % 4)] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
