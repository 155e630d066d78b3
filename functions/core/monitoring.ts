/**
 * Monitoring figures, kept as counters updated in the same transaction as the event that
 * changes them (never a rescan): per agency and per region (province and regency/city) per month.
 */
import type { Complaint, TimelineEvent } from './complaint';
import type { WorkingDayCalendar } from './working-days';

export const COUNTERS = [
  'received',
  'assigned',
  'verifiedOnTime',
  'verifiedLate',
  'firstFollowUpOnTime',
  'firstFollowUpLate',
  'openOverdue',
  'misses',
  'escalations',
  'transfers',
  'reopenings',
  'ombudsmanFlags',
  'ratingCount',
  'ratingSum',
  // Closed as complete within the statute's limit to decide (UU 25/2009, Perpres 76/2013), or after it.
  'closedWithinStatute',
  'closedAfterStatute',
  // An Ombudsman office's recommendation (RETURN_TO_AGENCY) answered by its deadline, or not.
  'recommendationsFollowed',
  'recommendationsIgnored',
  // Maladministration indicated against a service standard (per service; issue 11).
  'prolongedDelay',
  'illegalLevy',
  'proceduralDeviation',
] as const;
export type Counter = (typeof COUNTERS)[number];

/** Working days from assignment to first follow-up go into buckets `ttf0`…`ttf60` (60 = 60 or more), for the median. */
export const TTF_MAX = 60;

export interface CounterDelta {
  /** YYYY-MM in WIB (the national reporting month). */
  month: string;
  scope:
    | { kind: 'AGENCY'; agencyId: string }
    | { kind: 'REGION'; regionCode: string }
    /** A public service under one version of its standard (0: received before its first). */
    | { kind: 'SERVICE'; serviceId: string; version: number; agencyId: string; name: string };
  add: Partial<Record<Counter | `ttf${number}`, number>>;
  /** The complaint counted: an agency's figures keep which complaints make them (for staff). */
  trackingId?: string;
}

export const monthOf = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 7);

/** The month before a `YYYY-MM` month. */
export const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

function regionsOf(c: Complaint): string[] {
  const code = c.location.regionCode;
  const province = code.split('.')[0] as string;
  return code === province ? [province] : [province, code];
}

/**
 * The counter changes one transition causes. `before` is the complaint as read, `after` as
 * written; `events` are the timeline entries of the transition.
 */
export function countersFor(before: Complaint | undefined, after: Complaint, events: TimelineEvent[], calendar: WorkingDayCalendar): CounterDelta[] {
  const deltas: CounterDelta[] = [];
  const forAgency = (agencyId: string | undefined, at: string, add: CounterDelta['add']) => {
    if (agencyId) deltas.push({ month: monthOf(at), scope: { kind: 'AGENCY', agencyId }, add, trackingId: after.trackingId });
  };
  const forRegions = (at: string, add: CounterDelta['add']) => {
    for (const regionCode of regionsOf(after)) deltas.push({ month: monthOf(at), scope: { kind: 'REGION', regionCode }, add });
  };
  const forService = (at: string, add: CounterDelta['add']) => {
    const svc = after.service;
    if (svc)
      deltas.push({
        month: monthOf(at),
        scope: { kind: 'SERVICE', serviceId: svc.id, version: svc.version ?? 0, agencyId: svc.agencyId, name: svc.name },
        add,
      });
  };
  const both = (agencyId: string | undefined, at: string, add: CounterDelta['add']) => {
    forAgency(agencyId, at, add);
    forRegions(at, add);
    forService(at, add);
  };
  // A complaint is counted as received when it leaves PENDING routing — once, in a version-checked
  // write — not in the submission itself: every submission of a province would otherwise update
  // the same counter items in its transaction, and a burst of citizens would conflict there.
  if (before?.routing.state === 'PENDING' && after.routing.state !== 'PENDING') {
    // A flag raised at submission (an illegal-levy indicator) is counted with the receipt, and so
    // are the indicators: per region, for the service's agency, and per service and version.
    const flaggedAtSubmission = after.ombudsmanReview?.reasons.includes('ILLEGAL_LEVY_INDICATED') && after.ombudsmanReview.flaggedAt === after.submittedAt;
    const kinds = new Set((after.indicators ?? []).map((i) => i.kind));
    const found = {
      ...(flaggedAtSubmission ? { ombudsmanFlags: 1 } : {}),
      ...(kinds.has('PROLONGED_DELAY') ? { prolongedDelay: 1 } : {}),
      ...(kinds.has('ILLEGAL_LEVY') ? { illegalLevy: 1 } : {}),
      ...(kinds.has('PROCEDURAL_DEVIATION') ? { proceduralDeviation: 1 } : {}),
    };
    forRegions(after.submittedAt, { received: 1, ...found });
    if (Object.keys(found).length) forAgency(after.service?.agencyId, after.submittedAt, found);
    forService(after.submittedAt, { received: 1, ...found });
  }
  for (const e of events) {
    switch (e.type) {
      case 'ASSIGNED':
      case 'VERIFIED': {
        const onTime = before?.deadline.stage === 'DISPOSITION' && Date.parse(e.at) <= Date.parse(before.deadline.dueAt);
        both(after.assignedAgencyId, e.at, { assigned: 1, ...(onTime ? { verifiedOnTime: 1 } : { verifiedLate: 1 }) });
        break;
      }
      case 'RESPONDED':
        if (before?.ombudsmanReview?.status === 'RETURNED' && !before.ombudsmanReview.answeredAt) {
          const followed = Date.parse(e.at) <= Date.parse(before.deadline.dueAt);
          forAgency(before.assignedAgencyId, e.at, { [followed ? 'recommendationsFollowed' : 'recommendationsIgnored']: 1 });
        }
        if (before && !before.firstResponseAt && after.firstResponseAt) {
          const onTime = Date.parse(e.at) <= Date.parse(before.deadline.dueAt);
          const since = after.assignedAt ?? after.submittedAt;
          const tz = before.deadline.timeZone;
          const days = Math.min(TTF_MAX, Math.max(0, countWorkingDaysBetween(calendar, since, e.at, tz)));
          both(before.assignedAgencyId, e.at, { [onTime ? 'firstFollowUpOnTime' : 'firstFollowUpLate']: 1, [`ttf${days}`]: 1 });
        }
        break;
      case 'ESCALATED':
      case 'DEADLINE_MISSED': {
        const miss = after.misses?.at(-1);
        const agency = miss?.agencyId !== 'VERIFIERS' ? miss?.agencyId : undefined;
        both(agency, e.at, { misses: 1, ...(e.type === 'ESCALATED' && agency ? { escalations: 1 } : {}) });
        break;
      }
      case 'TRANSFERRED':
        both(e.agencyId, e.at, { transfers: 1 });
        break;
      case 'REOPENED':
        both(after.assignedAgencyId, e.at, { reopenings: 1 });
        break;
      case 'OMBUDSMAN_FLAGGED': {
        // The office's deadline passed unanswered: the review opened again (ombudsman-review.ts).
        const ignored = before?.ombudsmanReview?.status === 'RETURNED' && !before.ombudsmanReview.answeredAt && after.ombudsmanReview?.status === 'OPEN';
        both(after.assignedAgencyId, e.at, { ombudsmanFlags: 1 });
        if (ignored) forAgency(after.assignedAgencyId, e.at, { recommendationsIgnored: 1 });
        break;
      }
      case 'CLOSED':
        if (after.statute) {
          const within = Date.parse(e.at) <= Date.parse(after.statute.decideBy);
          forAgency(after.assignedAgencyId, e.at, { [within ? 'closedWithinStatute' : 'closedAfterStatute']: 1 });
        }
        break;
      case 'RATED':
        both(after.assignedAgencyId, e.at, { ratingCount: 1, ratingSum: after.rating?.score ?? 0 });
        break;
      default:
        break;
    }
  }
  // Open overdue: counted while a follow-up stays missed, in the month it was first missed.
  const wasOverdue = before?.overdueSince;
  const isOverdue = after.overdueSince;
  if (!wasOverdue && isOverdue) both(isOverdue.agencyId, isOverdue.at, { openOverdue: 1 });
  if (wasOverdue && !isOverdue) both(wasOverdue.agencyId, wasOverdue.at, { openOverdue: -1 });
  return deltas;
}

function countWorkingDaysBetween(
  calendar: WorkingDayCalendar,
  fromIso: string,
  toIso: string,
  tz: Parameters<WorkingDayCalendar['addWorkingDays']>[2],
): number {
  let n = 0;
  while (n < TTF_MAX) {
    const end = calendar.addWorkingDays(new Date(fromIso), n, tz);
    if (Date.parse(end.deadline) >= Date.parse(toIso)) return n;
    n++;
  }
  return TTF_MAX;
}

/** Median working days to first follow-up from the histogram buckets. */
export function medianFromBuckets(item: CounterDelta['add']): number | null {
  const counts = Array.from({ length: TTF_MAX + 1 }, (_, d) => Number(item[`ttf${d}`] ?? 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let seen = 0;
  for (const [d, n] of counts.entries()) {
    seen += n;
    if (seen * 2 >= total) return d;
  }
  return TTF_MAX;
}
