/**
 * The complaint state machine: one table of who may do what from which state, and the pure
 * function that applies an action. Every transition yields timeline events (the audit trail)
 * and the notifications it owes; nothing here does I/O.
 */
import { type Actor, type Relation, relationOf } from './access';
import { ACTION_NAMES, type ActionInput, type ActionName } from './actions';
import { findAgency } from './agencies';
import { findCategory } from './categories';
import { type ComplaintChange, revise } from './change';
import { deadlineAfter, type PolicyFor, regionZoneOf, zoneOf } from './clocks';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus, OPEN_AT_AGENCY, type TimelineEvent } from './complaint';
import { DomainError, refusal } from './errors';
import { systemSentence } from './languages';
import type { NotificationIntent } from './notifications';
import { flagForOmbudsman } from './ombudsman-review';
import { eraseIdentity, withRetention } from './retention';
import type { WorkingDayCalendar } from './working-days';

interface Rule {
  from: readonly ComplaintStatus[];
  who: readonly Relation[];
}

/** States × actions × roles. Anything not in this table answers 409 (state) or 403 (role). */
export const TRANSITIONS: Record<ActionName, Rule & { to: string }> = {
  VERIFY: { from: ['SUBMITTED'], who: ['VERIFIER'], to: 'ASSIGNED' },
  HOLD: { from: ['SUBMITTED'], who: ['VERIFIER'], to: 'ON_HOLD' },
  ARCHIVE: { from: ['SUBMITTED', 'ON_HOLD'], who: ['VERIFIER'], to: 'ARCHIVED' },
  ACKNOWLEDGE: { from: ['ASSIGNED'], who: ['ASSIGNED_OFFICER'], to: 'IN_PROGRESS' },
  RESPOND: { from: OPEN_AT_AGENCY, who: ['ASSIGNED_OFFICER', 'ESCALATED_OFFICER'], to: 'RESPONDED' },
  TRANSFER: { from: OPEN_AT_AGENCY, who: ['ASSIGNED_OFFICER'], to: 'SUBMITTED (back to the verifiers for re-disposition)' },
  COMMENT: {
    from: ['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'],
    who: ['VERIFIER', 'ASSIGNED_OFFICER', 'ESCALATED_OFFICER', 'COPY_OFFICER', 'OMBUDSMAN_OFFICER'],
    to: '(unchanged)',
  },
  REPLY: { from: ['ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED'], who: ['REPORTER'], to: 'ON_HOLD → SUBMITTED; RESPONDED → IN_PROGRESS; else unchanged' },
  CONFIRM_RESOLVED: { from: ['RESPONDED'], who: ['REPORTER'], to: 'CLOSED' },
  REOPEN: { from: ['CLOSED'], who: ['REPORTER'], to: 'IN_PROGRESS (within the reopen window)' },
  RATE: { from: ['CLOSED'], who: ['REPORTER'], to: '(unchanged; once)' },
  REQUEST_OMBUDSMAN_REVIEW: { from: ['CLOSED'], who: ['REPORTER'], to: '(unchanged; flagged for the Ombudsman office)' },
  TAKE_OVER: {
    from: ['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'],
    who: ['OMBUDSMAN_OFFICER'],
    to: '(unchanged; review TAKEN_OVER)',
  },
  RETURN_TO_AGENCY: { from: ['ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'], who: ['OMBUDSMAN_OFFICER'], to: 'IN_PROGRESS with the Ombudsman deadline' },
  DISMISS: {
    from: ['SUBMITTED', 'ON_HOLD', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED'],
    who: ['OMBUDSMAN_OFFICER'],
    to: '(unchanged; review DISMISSED)',
  },
  ERASE_IDENTITY: { from: COMPLAINT_STATUSES, who: ['REPORTER'], to: '(unchanged; identity and contact erased)' },
  CONFIRM_EMAIL: { from: COMPLAINT_STATUSES, who: ['REPORTER'], to: '(unchanged; mail to the reporter starts)' },
};

export interface LifecycleContext {
  now: Date;
  calendar: WorkingDayCalendar;
  policyFor: PolicyFor;
}

export function allowedActions(c: Complaint, actor: Actor, ctx: LifecycleContext): ActionName[] {
  const relation = relationOf(c, actor);
  return ACTION_NAMES.filter((a) => {
    const rule = TRANSITIONS[a];
    if (!rule.from.includes(c.status) || !rule.who.includes(relation)) return false;
    if (a === 'REOPEN') return withinReopenWindow(c, ctx);
    if (a === 'RATE') return c.rating === undefined;
    if (a === 'REQUEST_OMBUDSMAN_REVIEW') return !c.ombudsmanReview?.reasons.includes('REPORTER_REQUEST');
    if (a === 'TAKE_OVER' || a === 'RETURN_TO_AGENCY' || a === 'DISMISS') return c.ombudsmanReview?.status === 'OPEN';
    if (a === 'ERASE_IDENTITY') return c.hasReporterIdentity;
    if (a === 'CONFIRM_EMAIL') return c.hasReporterIdentity && c.reporterEmail?.confirmed === false;
    return true;
  });
}

function withinReopenWindow(c: Complaint, ctx: LifecycleContext): boolean {
  if (!c.closure) return false;
  const tz = zoneOf(c);
  const limit = ctx.calendar.addWorkingDays(new Date(c.closure.at), ctx.policyFor(c, c.assignedAgencyId).reopenWindowWorkingDays, tz);
  return ctx.now.getTime() <= Date.parse(limit.deadline);
}

/** A new assignment starts without the escalation state (and rights) of the previous one. */
const NO_ESCALATION: Partial<Complaint> = {
  escalationLevel: undefined,
  escalatedToAgencyIds: undefined,
  escalationExhausted: undefined,
  reminders: undefined,
  overdueSince: undefined,
};

/** Messages a reporter may send on one complaint per day (each one mails the agency). */
export const REPORTER_MESSAGES_PER_DAY = 10;

const invalid = (field: string, message: string) => new DomainError('VALIDATION', 'Permintaan tidak valid', [{ field, message }]);

/** Applies one action, or throws 409 (wrong state), 403 (wrong role) or 400 (bad input). */
export function perform(c: Complaint, actor: Actor, input: ActionInput, ctx: LifecycleContext): ComplaintChange {
  const result = apply(c, actor, input, ctx);
  // A missed follow-up stops counting as open overdue once answered, transferred or ended.
  if (result.complaint.overdueSince && !['ASSIGNED', 'IN_PROGRESS'].includes(result.complaint.status)) {
    result.complaint = { ...result.complaint, overdueSince: undefined };
  }
  result.complaint = withRetention(result.complaint, ctx.policyFor(result.complaint, result.complaint.assignedAgencyId), ctx.now);
  return result;
}

function apply(c: Complaint, actor: Actor, input: ActionInput, ctx: LifecycleContext): ComplaintChange {
  const rule = TRANSITIONS[input.action];
  const relation = relationOf(c, actor);
  if (!rule.who.includes(relation)) {
    throw refusal('FORBIDDEN', 'actionNotAllowed', { action: input.action });
  }
  if (!rule.from.includes(c.status)) {
    throw refusal('CONFLICT', 'actionNotNow', { action: input.action, status: c.status });
  }
  const at = ctx.now.toISOString();
  const by = actor.kind === 'STAFF' ? actor.principal.username : actor.kind;
  const actorRef: TimelineEvent['actor'] =
    actor.kind === 'STAFF'
      ? { kind: 'STAFF', id: actor.principal.username, ...(actor.principal.agencyId ? { agencyId: actor.principal.agencyId } : {}) }
      : { kind: actor.kind };
  const next: Complaint = revise(c, at);
  /** An entry by this actor: `said` is a person's own words, or the system's sentence (`systemSentence`). */
  const event = (
    type: TimelineEvent['type'],
    said: string | Pick<TimelineEvent, 'message' | 'text'>,
    visibility: TimelineEvent['visibility'],
    extra: Partial<TimelineEvent> = {},
  ): TimelineEvent => ({
    at,
    type,
    actor: actorRef,
    ...(next.status !== c.status ? { fromStatus: c.status, toStatus: next.status } : {}),
    ...(typeof said === 'string' ? { message: said } : said),
    visibility,
    ...extra,
  });
  const policy = ctx.policyFor(c, c.assignedAgencyId);

  switch (input.action) {
    case 'VERIFY': {
      const agency = findAgency(input.agencyId);
      if (!agency || agency.level === 'OMBUDSMAN') throw invalid('agencyId', 'instansi tidak dikenal');
      const copies = input.copyToAgencyIds ?? [];
      for (const id of copies) {
        const copy = findAgency(id);
        // The Ombudsman is no copy-to agency: it sees a complaint (and an identity) only through a review.
        if (!copy || copy.level === 'OMBUDSMAN') throw invalid('copyToAgencyIds', `instansi tidak dikenal: ${id}`);
      }
      if (new Set(copies).size !== copies.length) throw invalid('copyToAgencyIds', 'instansi tembusan tidak boleh berulang');
      if (input.categoryId && !findCategory(input.categoryId)) throw invalid('categoryId', 'kategori tidak dikenal');
      next.status = 'ASSIGNED';
      next.assignedAgencyId = agency.id;
      next.assignedAt = at;
      next.routing = { state: 'ASSIGNED', method: 'CATEGORY_REGION' };
      if (input.type) next.type = input.type;
      if (input.categoryId) next.categoryId = input.categoryId;
      // A verifier may impose privacy, never lift what the reporter asked for.
      if (input.anonymous) next.anonymous = true;
      if (input.confidential) next.confidential = true;
      next.copyToAgencyIds = copies.filter((id) => id !== agency.id);
      Object.assign(next, NO_ESCALATION);
      next.deadline = deadlineAfter(ctx.now, 'FOLLOW_UP', ctx.policyFor(next, agency.id).followUpWorkingDays, agency.timeZone, ctx.calendar);
      const transferred = (c.transfers?.length ?? 0) > 0;
      return {
        complaint: next,
        events: [event('VERIFIED', systemSentence('verified', { agency: agency.name }), 'PUBLIC', { agencyId: agency.id })],
        notifications: [
          { template: transferred ? 'AGENCY_TRANSFER_IN' : 'AGENCY_ASSIGNED', agencyId: agency.id },
          ...next.copyToAgencyIds.map((id) => ({ template: 'AGENCY_ASSIGNED' as const, agencyId: id })),
          { template: 'REPORTER_VERIFIED' },
        ],
      };
    }
    case 'HOLD': {
      const remaining = Math.max(1, ctx.calendar.workingDaysLeft(ctx.now, c.deadline.date, c.deadline.timeZone));
      next.status = 'ON_HOLD';
      next.hold = { question: input.question, askedAt: at, by, remainingDispositionDays: remaining };
      next.deadline = deadlineAfter(ctx.now, 'REPORTER_ANSWER', policy.holdAnswerWorkingDays, c.deadline.timeZone, ctx.calendar);
      return {
        complaint: next,
        events: [event('HELD', systemSentence('held', { question: input.question }), 'REPORTER')],
        notifications: [{ template: 'REPORTER_HOLD', message: input.question }],
      };
    }
    case 'ARCHIVE': {
      if (input.reason === 'DUPLICATE' && !input.duplicateOf) throw invalid('duplicateOf', 'wajib diisi untuk alasan DUPLICATE');
      next.status = 'ARCHIVED';
      next.archive = {
        reason: input.reason,
        ...(input.note ? { note: input.note } : {}),
        ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
        at,
        by,
      };
      return {
        complaint: next,
        // Public: it names no other complaint (the reporter's own view and mail say where to follow).
        events: [event('ARCHIVED', systemSentence('archived', { reason: input.reason }), 'PUBLIC')],
        notifications: [{ template: 'REPORTER_CLOSED' }],
        ...(input.reason === 'DUPLICATE' && input.duplicateOf ? { mergedInto: input.duplicateOf } : {}),
      };
    }
    case 'ACKNOWLEDGE': {
      next.status = 'IN_PROGRESS';
      return { complaint: next, events: [event('ACKNOWLEDGED', systemSentence('acknowledged'), 'PUBLIC')], notifications: [] };
    }
    case 'RESPOND': {
      next.status = 'RESPONDED';
      next.firstResponseAt ??= at;
      // The first answer after the Ombudsman returned the case answers its recommendation.
      if (c.ombudsmanReview?.status === 'RETURNED' && !c.ombudsmanReview.answeredAt) next.ombudsmanReview = { ...c.ombudsmanReview, answeredAt: at };
      next.deadline = deadlineAfter(ctx.now, 'REPORTER_CONFIRMATION', policy.reporterSilenceWorkingDays, c.deadline.timeZone, ctx.calendar);
      return {
        complaint: next,
        events: [event('RESPONDED', input.message, 'PUBLIC', { agencyId: c.assignedAgencyId })],
        notifications: [{ template: 'REPORTER_RESPONSE', message: input.message }],
      };
    }
    case 'TRANSFER': {
      if (input.suggestedAgencyId && !findAgency(input.suggestedAgencyId)) throw invalid('suggestedAgencyId', 'instansi tidak dikenal');
      const from = c.assignedAgencyId as string;
      next.status = 'SUBMITTED';
      next.transfers = [
        ...(c.transfers ?? []),
        { fromAgencyId: from, reason: input.reason, ...(input.suggestedAgencyId ? { suggestedAgencyId: input.suggestedAgencyId } : {}), at, by },
      ];
      next.assignedAgencyId = undefined;
      next.assignedAt = undefined;
      next.copyToAgencyIds = undefined;
      // The escalation chain belonged to the old assignment; the next one starts clean.
      Object.assign(next, NO_ESCALATION);
      next.routing = { state: 'AWAITING_VERIFICATION' };
      if (input.suggestedAgencyId) next.suggestedAgencyId = input.suggestedAgencyId;
      next.deadline = deadlineAfter(ctx.now, 'DISPOSITION', policy.dispositionWorkingDays, regionZoneOf(c), ctx.calendar);
      const events = [
        event('TRANSFERRED', systemSentence('transferred', { reason: input.reason }), 'PUBLIC', {
          agencyId: from,
        }),
      ];
      const notifications: NotificationIntent[] = [];
      if ((next.transfers?.length ?? 0) >= policy.transfersForOmbudsman) {
        const f = flagForOmbudsman(next, 'TRANSFERRED_REPEATEDLY', at);
        Object.assign(next, f.complaint);
        if (f.event) {
          events.push(f.event);
          notifications.push({ template: 'OMBUDSMAN_FLAGGED', agencyId: next.ombudsmanReview?.office });
        }
      }
      return { complaint: next, events, notifications };
    }
    case 'COMMENT': {
      return {
        complaint: next,
        events: [event('COMMENTED', input.message, input.internal ? 'INTERNAL' : 'REPORTER')],
        notifications: [],
      };
    }
    case 'REPLY': {
      next.reporterMessages = countReporterMessage(c, ctx.now);
      const notifications: NotificationIntent[] = [];
      if (c.status === 'ON_HOLD') {
        next.status = 'SUBMITTED';
        // The clock was paused: the verifiers get back the working days they had left.
        next.deadline = deadlineAfter(ctx.now, 'DISPOSITION', c.hold?.remainingDispositionDays ?? policy.dispositionWorkingDays, regionZoneOf(c), ctx.calendar);
        next.hold = undefined;
      } else if (c.status === 'RESPONDED') {
        next.status = 'IN_PROGRESS';
        next.deadline = deadlineAfter(ctx.now, 'FOLLOW_UP', policy.followUpWorkingDays, zoneOf(c), ctx.calendar);
        notifications.push({ template: 'AGENCY_REPORTER_REPLY', agencyId: c.assignedAgencyId, message: input.message });
      } else {
        notifications.push({ template: 'AGENCY_REPORTER_REPLY', agencyId: c.assignedAgencyId, message: input.message });
      }
      return { complaint: next, events: [event('REPLIED', input.message, 'REPORTER')], notifications };
    }
    case 'CONFIRM_RESOLVED': {
      next.status = 'CLOSED';
      next.closure = { how: 'CONFIRMED_BY_REPORTER', at };
      return {
        complaint: next,
        events: [event('CLOSED', systemSentence('closedByReporter'), 'PUBLIC')],
        notifications: [{ template: 'REPORTER_CLOSED' }],
      };
    }
    case 'REOPEN': {
      next.reporterMessages = countReporterMessage(c, ctx.now);
      if (!withinReopenWindow(c, ctx)) throw refusal('CONFLICT', 'reopenWindow', { days: policy.reopenWindowWorkingDays });
      next.status = 'IN_PROGRESS';
      next.closure = undefined;
      next.reopenCount = (c.reopenCount ?? 0) + 1;
      next.deadline = deadlineAfter(ctx.now, 'FOLLOW_UP', policy.followUpWorkingDays, zoneOf(c), ctx.calendar);
      return {
        complaint: next,
        events: [event('REOPENED', input.message, 'REPORTER')],
        notifications: [{ template: 'AGENCY_REOPENED', agencyId: c.assignedAgencyId, message: input.message }],
      };
    }
    case 'RATE': {
      if (c.rating) throw refusal('CONFLICT', 'alreadyRated');
      next.rating = { score: input.score, ...(input.comment ? { comment: input.comment } : {}), at };
      return { complaint: next, events: [event('RATED', systemSentence('rated', { score: input.score }), 'PUBLIC')], notifications: [] };
    }
    case 'REQUEST_OMBUDSMAN_REVIEW': {
      const f = flagForOmbudsman(next, 'REPORTER_REQUEST', at, input.consentToShareIdentity);
      if (!f.event) throw refusal('CONFLICT', 'reviewAlreadyRequested');
      return {
        complaint: f.complaint,
        events: [...(input.message ? [event('REPLIED', input.message, 'REPORTER')] : []), f.event],
        notifications: [{ template: 'OMBUDSMAN_FLAGGED', agencyId: f.complaint.ombudsmanReview?.office }],
      };
    }
    case 'CONFIRM_EMAIL': {
      if (!c.hasReporterIdentity || c.reporterEmail?.confirmed !== false) throw refusal('CONFLICT', 'noEmailToConfirm');
      next.reporterEmail = { confirmed: true, confirmedAt: at };
      return { complaint: next, events: [event('EMAIL_CONFIRMED', systemSentence('emailConfirmed'), 'REPORTER')], notifications: [] };
    }
    case 'ERASE_IDENTITY': {
      if (!c.hasReporterIdentity) throw refusal('CONFLICT', 'identityGone');
      return eraseIdentity(c, 'REPORTER_REQUEST', ctx.now, { kind: 'REPORTER' });
    }
    case 'TAKE_OVER':
    case 'RETURN_TO_AGENCY':
    case 'DISMISS': {
      const review = c.ombudsmanReview;
      if (review?.status !== 'OPEN') throw refusal('CONFLICT', 'noOpenReview');
      const note = input.action === 'TAKE_OVER' ? input.note : input.action === 'DISMISS' ? input.reason : input.recommendation;
      const status = input.action === 'TAKE_OVER' ? 'TAKEN_OVER' : input.action === 'DISMISS' ? 'DISMISSED' : 'RETURNED';
      // A new outcome is a new recommendation to answer: an earlier answer no longer counts.
      const { answeredAt: _earlierAnswer, ...open } = review;
      next.ombudsmanReview = { ...open, status, outcome: { action: input.action, ...(note ? { note } : {}), by, at } };
      const office = findAgency(review.office)?.name ?? review.office;
      let said = systemSentence('ombudsmanTookOver', { office });
      if (input.action === 'DISMISS') said = systemSentence('ombudsmanDismissed', { office, reason: input.reason });
      if (input.action === 'RETURN_TO_AGENCY') {
        next.status = 'IN_PROGRESS';
        next.closure = undefined;
        next.escalationExhausted = false;
        next.deadline = deadlineAfter(ctx.now, 'FOLLOW_UP', input.workingDays, zoneOf(c), ctx.calendar);
        said = systemSentence('ombudsmanReturned', { office, recommendation: input.recommendation, days: input.workingDays });
      }
      return {
        complaint: next,
        events: [event('OMBUDSMAN_ACTION', said, 'PUBLIC', c.assignedAgencyId ? { agencyId: c.assignedAgencyId } : {})],
        notifications: c.assignedAgencyId ? [{ template: 'AGENCY_OMBUDSMAN_ACTION', agencyId: c.assignedAgencyId, message: said.message }] : [],
      };
    }
  }
}

/** Counts one reporter message in today's window (UTC day), or refuses it past the daily limit. */
function countReporterMessage(c: Complaint, now: Date): Complaint['reporterMessages'] {
  const day = now.toISOString().slice(0, 10);
  const count = c.reporterMessages?.day === day ? c.reporterMessages.count : 0;
  if (count >= REPORTER_MESSAGES_PER_DAY) {
    throw refusal('TOO_MANY_REQUESTS', 'reporterMessagesPerDay', { limit: REPORTER_MESSAGES_PER_DAY });
  }
  return { day, count: count + 1 };
}
