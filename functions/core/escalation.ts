/**
 * What the scheduled sweep does to one complaint: remind the assigned agency before its
 * deadline, escalate a missed deadline up the government hierarchy, escalate an unverified
 * complaint to the national verification supervisor, and flag complaints the agencies failed for
 * Ombudsman review. Pure: the sweep applies the result with a version-checked write, so a run
 * that repeats, overlaps or restarts changes each complaint once.
 */
import { findAgency } from './agencies';
import { findCategory } from './categories';
import { type ComplaintChange, revise } from './change';
import { deadlineAfter, type PolicyFor } from './clocks';
import { type Complaint, OPEN_AT_AGENCY, OPEN_STATUSES, type TimelineEvent } from './complaint';
import { systemSentence } from './languages';
import type { NotificationIntent } from './notifications';
import { flagForOmbudsman, reopenForOmbudsman } from './ombudsman-review';
import { localDate, type WorkingDayCalendar } from './working-days';

/** regency/city → province → the category's national agency, or Kemendagri for local-government matters. */
export function parentOf(agencyId: string, categoryId: string): string | undefined {
  const agency = findAgency(agencyId);
  if (!agency) return undefined;
  if (agency.level === 'REGENCY') return agency.parentId;
  if (agency.level === 'PROVINCE') {
    const handler = findCategory(categoryId)?.handledBy;
    return handler?.level === 'NATIONAL' ? handler.agencyId : 'kemendagri';
  }
  return undefined;
}

const OPEN = new Set<string>(OPEN_STATUSES);

function workingDaysLate(calendar: WorkingDayCalendar, c: Complaint, now: Date): number {
  return Math.max(1, -calendar.workingDaysLeft(now, c.deadline.date, c.deadline.timeZone));
}

/** The sweep's decision for one complaint at `now`; undefined when there is nothing to do. */
export function sweepComplaint(c: Complaint, now: Date, calendar: WorkingDayCalendar, policyFor: PolicyFor): ComplaintChange | undefined {
  if (!OPEN.has(c.status)) return undefined;
  const at = now.toISOString();
  let next: Complaint = c;
  const events: TimelineEvent[] = [];
  const notifications: NotificationIntent[] = [];
  const system = { kind: 'SYSTEM' as const };
  const overdue = Date.parse(c.deadline.dueAt) < now.getTime();

  // The 60-day resolution limit, whatever the stage.
  if (c.statute && Date.parse(c.statute.decideBy) < now.getTime() && !c.ombudsmanReview?.reasons.includes('RESOLUTION_LIMIT_PASSED')) {
    const f = flagForOmbudsman(next, 'RESOLUTION_LIMIT_PASSED', at);
    next = f.complaint;
    if (f.event) {
      events.push(f.event);
      notifications.push({ template: 'OMBUDSMAN_FLAGGED', agencyId: next.ombudsmanReview?.office });
    }
  }

  // After RETURN_TO_AGENCY the follow-up deadline is the Ombudsman's.
  const returned = c.ombudsmanReview?.status === 'RETURNED';
  if (OPEN_AT_AGENCY.includes(c.status) && c.deadline.stage === 'FOLLOW_UP' && c.assignedAgencyId && overdue && returned) {
    // The agency let the Ombudsman's deadline pass: the review opens again and the office is told.
    // Escalation stops here: the case is the Ombudsman's now.
    const late = workingDaysLate(calendar, c, now);
    next = {
      ...next,
      misses: [...(next.misses ?? []), { stage: c.deadline.stage, dueAt: c.deadline.dueAt, agencyId: c.assignedAgencyId, workingDaysLate: late, at }],
      overdueSince: c.overdueSince ?? { agencyId: c.assignedAgencyId, at },
      escalationExhausted: true,
    };
    const f = reopenForOmbudsman(next, at);
    next = f.complaint;
    events.push(f.event);
    notifications.push(
      { template: 'OMBUDSMAN_FLAGGED', agencyId: f.complaint.ombudsmanReview?.office },
      { template: 'AGENCY_ESCALATION_NOTICE', agencyId: c.assignedAgencyId },
    );
  } else if (OPEN_AT_AGENCY.includes(c.status) && c.deadline.stage === 'FOLLOW_UP' && c.assignedAgencyId && !c.escalationExhausted) {
    if (overdue) {
      const late = workingDaysLate(calendar, c, now);
      const miss = {
        stage: c.deadline.stage,
        dueAt: c.deadline.dueAt,
        agencyId: c.escalatedToAgencyIds?.at(-1) ?? c.assignedAgencyId,
        workingDaysLate: late,
        at,
      };
      next = { ...next, misses: [...(next.misses ?? []), miss], overdueSince: c.overdueSince ?? { agencyId: c.assignedAgencyId, at } };
      const from = miss.agencyId;
      const parent = parentOf(from, c.categoryId);
      if (parent) {
        const level = (c.escalationLevel ?? 0) + 1;
        const agency = findAgency(c.assignedAgencyId);
        next = {
          ...next,
          escalationLevel: level,
          escalatedToAgencyIds: [...(c.escalatedToAgencyIds ?? []), parent],
          deadline: deadlineAfter(now, 'FOLLOW_UP', policyFor(c, c.assignedAgencyId).escalationWorkingDays, agency?.timeZone ?? c.deadline.timeZone, calendar),
        };
        events.push({
          at,
          type: 'ESCALATED',
          actor: system,
          agencyId: parent,
          ...systemSentence('escalated', { late, level, agency: findAgency(parent)?.name ?? parent }),
          visibility: 'PUBLIC',
        });
        notifications.push({ template: 'AGENCY_ESCALATED_TO', agencyId: parent }, { template: 'AGENCY_ESCALATION_NOTICE', agencyId: c.assignedAgencyId });
      } else {
        next = { ...next, escalationExhausted: true };
        events.push({
          at,
          type: 'DEADLINE_MISSED',
          actor: system,
          agencyId: from,
          ...systemSentence('missedAtTop', { late }),
          visibility: 'PUBLIC',
        });
        const f = flagForOmbudsman(next, 'ESCALATION_EXHAUSTED', at);
        next = f.complaint;
        if (f.event) {
          events.push(f.event);
          notifications.push({ template: 'OMBUDSMAN_FLAGGED', agencyId: next.ombudsmanReview?.office });
        }
      }
    } else {
      // Reminders: one working day before the deadline's day, and on the day.
      const today = localDate(now, c.deadline.timeZone);
      const dayBefore = calendar.addWorkingDays(new Date(`${today}T12:00:00Z`), 1, c.deadline.timeZone).date === c.deadline.date;
      const onTheDay = today === c.deadline.date;
      const key = onTheDay ? `${c.deadline.dueAt}#D0` : dayBefore ? `${c.deadline.dueAt}#D-1` : undefined;
      if (key && !(c.reminders ?? []).includes(key)) {
        next = { ...next, reminders: [...(c.reminders ?? []), key] };
        events.push({
          at,
          type: 'REMINDED',
          actor: system,
          agencyId: c.assignedAgencyId,
          ...systemSentence(onTheDay ? 'remindedToday' : 'remindedTomorrow'),
          visibility: 'INTERNAL',
        });
        notifications.push({ template: 'AGENCY_REMINDER', agencyId: c.assignedAgencyId });
      }
    }
  }

  if (
    c.status === 'SUBMITTED' &&
    c.deadline.stage === 'DISPOSITION' &&
    overdue &&
    !(c.misses ?? []).some((m) => m.stage === 'DISPOSITION' && m.dueAt === c.deadline.dueAt)
  ) {
    const late = workingDaysLate(calendar, c, now);
    next = { ...next, misses: [...(next.misses ?? []), { stage: 'DISPOSITION', dueAt: c.deadline.dueAt, agencyId: 'VERIFIERS', workingDaysLate: late, at }] };
    events.push({
      at,
      type: 'ESCALATED',
      actor: system,
      ...systemSentence('verificationEscalated', { late }),
      visibility: 'PUBLIC',
    });
    notifications.push({ template: 'SUPERVISOR_UNVERIFIED' });
  }

  if (!events.length) return undefined;
  return { complaint: revise(next, at), events, notifications };
}
