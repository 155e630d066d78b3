import type { ActionName } from './actions';
import { findAgency } from './agencies';
import { attachmentsFor } from './attachments';
import { findCategory } from './categories';
import type { Complaint, ReporterIdentity, TimelineEvent } from './complaint';
import * as LABELS from './labels';
import { resolveRegion } from './regions';
import type { WorkingDayCalendar } from './working-days';

const entryView = (e: TimelineEvent) => ({
  at: e.at,
  type: e.type,
  message: e.message,
  ...(e.text ? { text: e.text } : {}),
  ...(e.fromStatus ? { fromStatus: e.fromStatus } : {}),
  ...(e.toStatus ? { toStatus: e.toStatus } : {}),
  ...(e.agencyId ? { agency: agencyRef(e.agencyId) } : {}),
});
/** The public sees PUBLIC entries; the reporter those and the ones written for them. */
const timelineView = (events: TimelineEvent[], audience: 'PUBLIC' | 'REPORTER') =>
  events.filter((e) => e.visibility === 'PUBLIC' || (audience === 'REPORTER' && e.visibility === 'REPORTER')).map(entryView);
/** Staff see every entry, with who acted and for whom it was written. */
const staffTimelineView = (events: TimelineEvent[]) => events.map((e) => ({ ...entryView(e), actor: e.actor, visibility: e.visibility }));

/** The attachments of a view, as that audience may see them, with where to download the checked ones. */
export function attachmentViews(c: Complaint, audience: 'STAFF' | 'REPORTER' | 'PUBLIC', now: Date) {
  return attachmentsFor(c, audience, now).map((a) => {
    const path = `/v1/complaints/${c.trackingId}/attachments/${a.id}`;
    return {
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      status: a.status,
      ...(a.reason ? { reason: a.reason, reasonText: LABELS.REJECTION_REASON[a.reason].id } : {}),
      ...(a.internal ? { internal: true as const } : {}),
      ...(a.sha256 ? { sha256: a.sha256 } : {}),
      by: a.by.kind,
      // Staff are told, before they open a file, when no malware scanner looked at it.
      ...(audience === 'STAFF' && a.status === 'READY' ? { malwareScan: a.scan ?? 'NOT_SCANNED' } : {}),
      ...(a.status === 'READY' ? { downloadUrl: path, ...(a.preview ? { previewUrl: `${path}?variant=preview` } : {}) } : {}),
    };
  });
}

const agencyRef = (id: string) => ({ id, name: findAgency(id)?.name ?? id });
const regionRef = (code: string) => ({ code, name: resolveRegion(code)?.name ?? code });

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
    region: regionRef(c.location.regionCode),
    ...(c.incidentDate ? { incidentDate: c.incidentDate } : {}),
    status: c.status,
    statusLabel: LABELS.STATUS[c.status].id,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    statusLabelEn: LABELS.STATUS[c.status].en,
    assignedAgency: c.assignedAgencyId ? agencyRef(c.assignedAgencyId) : null,
    transfers: (c.transfers ?? []).map((t) => ({ from: agencyRef(t.fromAgencyId), reason: t.reason, at: t.at })),
    ...(c.closure ? { closure: c.closure } : {}),
    ...(c.archive ? { archive: { reason: c.archive.reason, ...(c.archive.duplicateOf ? { duplicateOf: c.archive.duplicateOf } : {}), at: c.archive.at } } : {}),
    routing: { state: c.routing.state },
    deadline: deadlineView(c, calendar, now),
    ...(c.statute ? { statute: c.statute } : {}),
    escalationLevel: c.escalationLevel ?? 0,
    ...(c.service ? { service: c.service } : {}),
    ...(c.ombudsmanReview
      ? { ombudsmanReview: { status: c.ombudsmanReview.status, reasons: c.ombudsmanReview.reasons, office: agencyRef(c.ombudsmanReview.office) } }
      : {}),
  };
}

/**
 * What the reporter answered about the service and the maladministration it indicates, each
 * with the standard's clause beside the answer: for the reporter and the staff who handle it.
 */
function serviceFindings(c: Complaint) {
  return {
    ...(c.serviceAnswers ? { serviceAnswers: c.serviceAnswers } : {}),
    indicators: (c.indicators ?? []).map((i) => ({ ...i, label: LABELS.INDICATOR[i.kind].id })),
  };
}

/** Everything, for the holder of the access token. */
export function reporterView(
  c: Complaint,
  reporter: ReporterIdentity | undefined,
  events: TimelineEvent[],
  calendar: WorkingDayCalendar,
  now: Date,
  allowedActions: ActionName[] = [],
) {
  return {
    ...common(c, calendar, now),
    allowedActions,
    ...(c.hold ? { hold: { question: c.hold.question, askedAt: c.hold.askedAt } } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
    anonymous: c.anonymous,
    confidential: c.confidential,
    ...(c.targetAgencyId ? { targetAgency: agencyRef(c.targetAgencyId) } : {}),
    reporter: reporter ?? null,
    ...serviceFindings(c),
    attachments: attachmentViews(c, 'REPORTER', now),
    timeline: timelineView(events, 'REPORTER'),
    view: 'REPORTER' as const,
  };
}

/** What anyone may read of a non-confidential complaint: no identity, no contact. */
export function publicView(c: Complaint, events: TimelineEvent[], calendar: WorkingDayCalendar, now: Date) {
  if (c.confidential) throw new Error('a confidential complaint has no public view');
  const shown = common(c, calendar, now);
  // An archived duplicate's public page says it was merged, not into which complaint: a number
  // would link two reports (and their reporters) for anyone reading.
  const archive = shown.archive ? { reason: shown.archive.reason, at: shown.archive.at } : undefined;
  return {
    ...shown,
    ...(archive ? { archive } : {}),
    // The public sees the score a reporter gave, not their words.
    ...(c.rating ? { rating: { score: c.rating.score } } : {}),
    timeline: timelineView(events, 'PUBLIC'),
    view: 'PUBLIC' as const,
  };
}

/**
 * For staff: the full timeline with internal notes, the router's suggestion and what they may
 * do. The identity is included only when it was asked for, the complaint is not anonymous and
 * the role allows it (and the read is audited); otherwise `revealable` says whether asking would
 * show it.
 */
export function staffView(
  c: Complaint,
  reporter: ReporterIdentity | undefined,
  events: TimelineEvent[],
  calendar: WorkingDayCalendar,
  now: Date,
  allowedActions: ActionName[],
  revealable = false,
) {
  if (c.anonymous && reporter) throw new Error('refusing to show an anonymous reporter to staff');
  return {
    ...common(c, calendar, now),
    anonymous: c.anonymous,
    confidential: c.confidential,
    allowedActions,
    suggestedAgency: c.suggestedAgencyId ? agencyRef(c.suggestedAgencyId) : null,
    copyToAgencies: (c.copyToAgencyIds ?? []).map(agencyRef),
    escalatedTo: (c.escalatedToAgencyIds ?? []).map(agencyRef),
    misses: (c.misses ?? []).map((m) => ({
      ...m,
      agency: m.agencyId === 'VERIFIERS' ? { id: 'VERIFIERS', name: 'Verifikator nasional' } : agencyRef(m.agencyId),
    })),
    ...(c.ombudsmanReview ? { ombudsmanReviewDetail: c.ombudsmanReview } : {}),
    routing: c.routing,
    ...(c.hold ? { hold: c.hold } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
    ...serviceFindings(c),
    attachments: attachmentViews(c, 'STAFF', now),
    reporter: c.anonymous
      ? { anonymous: true as const }
      : (reporter ?? (c.hasReporterIdentity ? { withheld: true as const, ...(revealable ? { revealable: true as const } : {}) } : null)),
    timeline: staffTimelineView(events),
    view: 'STAFF' as const,
  };
}

/** One line of the public feed: what a passer-by needs to decide to open it; never an identity. */
export function feedItemView(c: Complaint) {
  if (c.confidential) throw new Error('a confidential complaint is never listed');
  return {
    trackingId: c.trackingId,
    type: c.type,
    title: c.title,
    category: { id: c.categoryId, name: findCategory(c.categoryId)?.name ?? c.categoryId },
    regionCode: c.location.regionCode,
    region: regionRef(c.location.regionCode),
    status: c.status,
    statusLabel: LABELS.STATUS[c.status].id,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    assignedAgency: c.assignedAgencyId ? agencyRef(c.assignedAgencyId) : null,
    escalationLevel: c.escalationLevel ?? 0,
  };
}
