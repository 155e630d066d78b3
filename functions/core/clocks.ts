/**
 * The clocks of a complaint: the national defaults (LAPOR! rules, UU 25/2009), the per-stage
 * overrides by category and agency, and the rule that turns a number of working days into a
 * deadline in the right time zone.
 */
import { findAgency } from './agencies';
import type { Complaint, Deadline, DeadlineStage } from './complaint';
import { resolveRegion, type TimeZoneId } from './regions';
import type { WorkingDayCalendar } from './working-days';

export interface LifecyclePolicy {
  dispositionWorkingDays: number;
  followUpWorkingDays: number;
  /** A hold with no answer for this many working days archives the complaint. */
  holdAnswerWorkingDays: number;
  /** Silence after a follow-up for this many working days closes the complaint. */
  reporterSilenceWorkingDays: number;
  reopenWindowWorkingDays: number;
  /** UU 25/2009 / Perpres 76/2013: respond within 14 and decide within 60 days (unit unverified: configurable). */
  statuteRespondDays: number;
  statuteDecideDays: number;
  statuteUnit: 'CALENDAR_DAYS' | 'WORKING_DAYS';
  /** Working days each escalation level gets before the chain moves up again. */
  escalationWorkingDays: number;
  /** Transfers (bukan wewenang) after which the Ombudsman reviews. */
  transfersForOmbudsman: number;
  /** Calendar days after closure or archiving that the reporter's identity and contact are kept (UU PDP retention). */
  identityRetentionDays: number;
}

export const NATIONAL_POLICY: LifecyclePolicy = {
  dispositionWorkingDays: 3,
  followUpWorkingDays: 5,
  holdAnswerWorkingDays: 10,
  reporterSilenceWorkingDays: 10,
  reopenWindowWorkingDays: 10,
  statuteRespondDays: 14,
  statuteDecideDays: 60,
  statuteUnit: 'CALENDAR_DAYS',
  escalationWorkingDays: 5,
  transfersForOmbudsman: 3,
  identityRetentionDays: 365,
};

/** Per-stage overrides of the national clocks, by category and by agency (the agency's wins). */
export interface ClockOverrides {
  byCategory?: Record<string, Partial<LifecyclePolicy>>;
  byAgency?: Record<string, Partial<LifecyclePolicy>>;
}

/** What a complaint's clocks depend on: its category, and the service standard it is about. */
export type PolicySubject = Pick<Complaint, 'categoryId' | 'service'>;
export type PolicyFor = (subject: PolicySubject, agencyId?: string) => LifecyclePolicy;

/**
 * The clocks of a complaint at an agency: national defaults, then the stage's overrides by
 * category and by agency, then the complaint-handling clocks of the service standard it is about
 * (a published standard is the most specific promise).
 */
export function policyResolver(base: LifecyclePolicy, overrides: ClockOverrides = {}): PolicyFor {
  return (subject, agencyId) => ({
    ...base,
    ...(overrides.byCategory?.[subject.categoryId] ?? {}),
    ...(agencyId ? (overrides.byAgency?.[agencyId] ?? {}) : {}),
    ...(subject.service?.clocks ?? {}),
  });
}

/** The zone a complaint's clocks run in: its agency's, else its region's. */
export const zoneOf = (c: Complaint): TimeZoneId => (c.assignedAgencyId ? findAgency(c.assignedAgencyId)?.timeZone : undefined) ?? regionZoneOf(c);

/** The zone of a complaint's region (before any agency has it). */
export const regionZoneOf = (c: Pick<Complaint, 'location'>): TimeZoneId => resolveRegion(c.location.regionCode)?.province.timeZone ?? 'Asia/Jakarta';

/** The end of the Nth working day after `now`, in the zone: every deadline is made here. */
export function deadlineAfter(now: Date, stage: DeadlineStage, workingDays: number, timeZone: TimeZoneId, calendar: WorkingDayCalendar): Deadline {
  const r = calendar.addWorkingDays(now, workingDays, timeZone);
  return {
    stage,
    workingDays,
    date: r.date,
    dueAt: r.deadline,
    timeZone,
    ...(r.uncoveredYears.length ? { uncoveredYears: r.uncoveredYears } : {}),
  };
}
