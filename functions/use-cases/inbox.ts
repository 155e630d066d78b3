import { findAgency } from '../core/agencies';
import { COMPLAINT_STATUSES, type Complaint } from '../core/complaint';
import { DomainError, validationError } from '../core/errors';
import type { StaffPrincipal } from '../core/staff';
import type { Deps } from './deps';

/**
 * The caller's work queue, oldest deadline first (so overdue first): verifiers get complaints
 * to verify, agency officers their agency's complaints. Paginated with an opaque cursor.
 */
export async function inbox(
  deps: Pick<Deps, 'store' | 'calendar' | 'clock' | 'cursors'>,
  who: StaffPrincipal,
  q: { status?: string | undefined; limit?: number | undefined; cursor?: string | undefined; view?: string | undefined },
) {
  const reviewStatuses = ['OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'];
  const isOmbudsman = who.roles.includes('OMBUDSMAN');
  if (q.status && !(isOmbudsman ? reviewStatuses : (COMPLAINT_STATUSES as readonly string[])).includes(q.status)) {
    throw validationError([{ field: 'status', message: `salah satu dari ${COMPLAINT_STATUSES.join(', ')}` }]);
  }
  let queue: string;
  if (who.roles.includes('AGENCY_OFFICER') && who.agencyId) queue = q.view === 'escalated' ? `ESCALATED#${who.agencyId}` : `AGENCY#${who.agencyId}`;
  else if (who.roles.includes('OMBUDSMAN') && who.provinceCode) queue = `REVIEW#ombudsman-${who.provinceCode}#${q.status ?? 'OPEN'}`;
  else if (who.roles.includes('VERIFIER')) queue = q.status === 'ON_HOLD' ? 'QUEUE#ON_HOLD' : 'QUEUE#VERIFY';
  else throw new DomainError('FORBIDDEN', 'Peran Anda tidak memiliki antrean laporan.');
  const now = deps.clock.now();
  const calendar = await deps.calendar.current();
  // A cursor opens only the queue (and filter) it was made for.
  const cursorScope = `inbox|${queue}|${q.status ?? ''}`;
  let startKey: Record<string, unknown> | undefined;
  if (q.cursor) {
    const opened = deps.cursors.open(cursorScope, q.cursor);
    if (!opened || typeof opened !== 'object' || Array.isArray(opened))
      throw validationError([{ field: 'cursor', message: 'kursor tidak valid' }], 'Kursor tidak valid');
    startKey = opened as Record<string, unknown>;
  }
  const page = await deps.store.workQueue(queue, {
    limit: q.limit ?? 25,
    ...(startKey ? { startKey } : {}),
    ...(q.status && queue.startsWith('AGENCY#') ? { status: q.status } : {}),
  });
  const scope = queue.startsWith('REVIEW#')
    ? { ombudsmanOffice: { id: `ombudsman-${who.provinceCode}`, name: findAgency(`ombudsman-${who.provinceCode}`)?.name }, review: q.status ?? 'OPEN' }
    : queue.startsWith('ESCALATED#')
      ? { escalatedTo: { id: who.agencyId, name: findAgency(who.agencyId ?? '')?.name } }
      : undefined;
  return {
    queue:
      scope ??
      (queue.startsWith('AGENCY#') ? { agency: { id: who.agencyId, name: findAgency(who.agencyId ?? '')?.name } } : { verification: q.status ?? 'SUBMITTED' }),
    items: page.items.map((c: Complaint) => {
      const left = calendar.workingDaysLeft(now, c.deadline.date, c.deadline.timeZone);
      return {
        trackingId: c.trackingId,
        type: c.type,
        title: c.title,
        categoryId: c.categoryId,
        regionCode: c.location.regionCode,
        status: c.status,
        submittedAt: c.submittedAt,
        deadline: { ...c.deadline, workingDaysLeft: left },
        overdue: Date.parse(c.deadline.dueAt) < now.getTime(),
        anonymous: c.anonymous,
        confidential: c.confidential,
        transfers: c.transfers?.length ?? 0,
        escalationLevel: c.escalationLevel ?? 0,
        ...(c.ombudsmanReview
          ? { ombudsmanReview: { status: c.ombudsmanReview.status, reasons: c.ombudsmanReview.reasons, flaggedAt: c.ombudsmanReview.flaggedAt } }
          : {}),
        assignedAgency: c.assignedAgencyId ? { id: c.assignedAgencyId, name: findAgency(c.assignedAgencyId)?.name ?? c.assignedAgencyId } : null,
        suggestedAgency: c.suggestedAgencyId ? { id: c.suggestedAgencyId, name: findAgency(c.suggestedAgencyId)?.name ?? c.suggestedAgencyId } : null,
      };
    }),
    nextCursor: page.nextKey ? deps.cursors.seal(cursorScope, page.nextKey) : null,
  };
}
