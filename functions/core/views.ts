import { findAgency } from './agencies';
import { findCategory } from './categories';
import { type Complaint, type ReporterIdentity, STATUS_LABELS, type TimelineEvent } from './complaint';
import type { WorkingDayCalendar } from './working-days';

const timelineView = (events: TimelineEvent[], audience: 'PUBLIC' | 'REPORTER') =>
  events
    .filter((e) => e.visibility === 'PUBLIC' || (audience === 'REPORTER' && e.visibility === 'REPORTER'))
    .map((e) => ({
      at: e.at,
      type: e.type,
      message: e.message,
      ...(e.fromStatus ? { fromStatus: e.fromStatus } : {}),
      ...(e.toStatus ? { toStatus: e.toStatus } : {}),
      ...(e.agencyId ? { agency: agencyRef(e.agencyId) } : {}),
    }));

const agencyRef = (id: string) => ({ id, name: findAgency(id)?.name ?? id });

function deadlineView(c: Complaint, calendar: WorkingDayCalendar, now: Date) {
  return {
    ...c.deadline,
    workingDaysLeft: calendar.workingDaysLeft(now, c.deadline.date, c.deadline.timeZone),
  };
}

function common(c: Complaint, calendar: WorkingDayCalendar, now: Date) {
  const category = findCategory(c.categoryId);
  return {
    trackingId: c.trackingId,
    type: c.type,
    title: c.title,
    description: c.description,
    category: { id: c.categoryId, name: category?.name ?? c.categoryId },
    location: c.location,
    ...(c.incidentDate ? { incidentDate: c.incidentDate } : {}),
    status: c.status,
    statusLabel: STATUS_LABELS[c.status].id,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    assignedAgency: c.assignedAgencyId ? agencyRef(c.assignedAgencyId) : null,
    routing: { state: c.routing.state },
    deadline: deadlineView(c, calendar, now),
  };
}

/** Everything, for the holder of the access token. */
export function reporterView(c: Complaint, reporter: ReporterIdentity | undefined, events: TimelineEvent[], calendar: WorkingDayCalendar, now: Date) {
  return {
    ...common(c, calendar, now),
    anonymous: c.anonymous,
    confidential: c.confidential,
    ...(c.targetAgencyId ? { targetAgency: agencyRef(c.targetAgencyId) } : {}),
    reporter: reporter ?? null,
    timeline: timelineView(events, 'REPORTER'),
    view: 'REPORTER' as const,
  };
}

/** What anyone may read of a non-confidential complaint: no identity, no contact. */
export function publicView(c: Complaint, events: TimelineEvent[], calendar: WorkingDayCalendar, now: Date) {
  if (c.confidential) throw new Error('a confidential complaint has no public view');
  return { ...common(c, calendar, now), timeline: timelineView(events, 'PUBLIC'), view: 'PUBLIC' as const };
}
