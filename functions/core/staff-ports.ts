/** The ports of onboarding (issue 21): the user pool's staff accounts, what Aduan keeps of them, each agency's readiness facts. */
import type { Language } from './languages';
import type { Page, PagePosition } from './ports';
import type { ReadinessFacts } from './readiness';
import type { AccountStatus, Invitation, Placement, StaffAccount, StaffChange, StaffGroup } from './staff-accounts';

/**
 * The staff accounts of the user pool (Cognito): the one place that decides who signs in. The
 * attributes that decide access (group, agency, province) are written only through this port.
 */
export interface StaffAccounts {
  get(username: string): Promise<StaffAccount | undefined>;
  /**
   * A page of accounts (of one group when given), in the pool's order; `after` is the position an
   * earlier page returned. Agency and status are filtered by the caller from what a page holds.
   */
  list(opts: { group?: StaffGroup; limit: number; after?: PagePosition }): Promise<Page<StaffAccount>>;
  /** Creates the account with a temporary password it must change at first sign-in; false when the username is taken. */
  create(invitation: Invitation, temporaryPassword: string): Promise<boolean>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  /** A new temporary password: the person must set their own at the next sign-in. */
  setTemporaryPassword(username: string, temporaryPassword: string): Promise<void>;
  /** Keeps the language the person chose (their profile). */
  setLanguage(username: string, language: Language): Promise<void>;
  /** Moves the account to another group and agency or province (the attributes that decide access). */
  place(username: string, from: Placement, to: Placement): Promise<void>;
}

/** One account on its agency's roster: what the agency's readiness counts. */
export interface RosterEntry {
  username: string;
  group: StaffGroup;
  status: AccountStatus;
}

/**
 * What Aduan keeps of staff accounts beside the user pool: every change, who made it and when
 * (newest first), and each agency's roster (the accounts acting for it, by group and status).
 */
export interface StaffRecords {
  record(change: StaffChange): Promise<void>;
  of(username: string, limit: number): Promise<StaffChange[]>;
  /** Puts an account on an agency's roster (or updates it there). */
  enrol(agencyId: string, entry: RosterEntry): Promise<void>;
  leave(agencyId: string, username: string): Promise<void>;
  /** An agency's roster: a few dozen accounts at most, read whole. */
  roster(agencyId: string): Promise<RosterEntry[]>;
  /** When an account last signed in through Aduan (written by the sign-in itself). */
  noteSignIn(username: string, at: string): Promise<void>;
  /** The last sign-ins of a page of accounts (at most 100), by username; absent for one never signed in. */
  lastSignIns(usernames: string[]): Promise<Map<string, string>>;
}

/** The facts each agency's readiness is judged from (core/readiness.ts), kept as they change. */
export interface AgencyReadiness {
  /** Sets these facts of one agency; the others stay as they were. */
  note(agencyId: string, facts: ReadinessFacts, at: string): Promise<void>;
  of(agencyId: string): Promise<ReadinessFacts | undefined>;
  /** Every agency's facts noted so far, by agency (at most one item per agency of the directory). */
  all(): Promise<Map<string, ReadinessFacts>>;
}
