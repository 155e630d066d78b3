import { findAgency } from '../core/agencies';
import { COMPLAINT_STATUSES, type Complaint } from '../core/complaint';
import { DomainError, validationError } from '../core/errors';
import type { StaffPrincipal } from '../core/staff';
import type { Deps } from './deps';

/**
 * The caller's work queue, oldest deadline first (so overdue first): verifiers get complaints
 * to verify, agency officers their agency's complaints. Paginated with an opaque cursor.
 */
export async function inbox(deps: Pick<Deps, 'store' | 'calendar' | 'clock'>, who: StaffPrincipal, q: { status?: string; limit?: number; cursor?: string }) {
  if (q.status && !(COMPLAINT_STATUSES as readonly string[]).includes(q.status)) {
    throw validationError([{ field: 'status', message: `salah satu dari ${COMPLAINT_STATUSES.join(', ')}` }]);
  }
  let queue: string;
  if (who.roles.includes('AGENCY_OFFICER') && who.agencyId) queue = `AGENCY#${who.agencyId}`;
  else if (who.roles.includes('VERIFIER')) queue = q.status === 'ON_HOLD' ? 'QUEUE#ON_HOLD' : 'QUEUE#VERIFY';
  else throw new DomainError('FORBIDDEN', 'Peran Anda tidak memiliki antrean laporan.');
  const now = deps.clock.now();
  const page = await deps.store.workQueue(queue, {
    limit: q.limit ?? 25,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(q.status && queue.startsWith('AGENCY#') ? { status: q.status } : {}),
  });
  return {
    queue: queue.startsWith('AGENCY#')
      ? { agency: { id: who.agencyId, name: findAgency(who.agencyId ?? '')?.name } }
      : { verification: q.status ?? 'SUBMITTED' },
    items: page.items.map((c: Complaint) => {
      const left = deps.calendar.workingDaysLeft(now, c.deadline.date, c.deadline.timeZone);
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
        suggestedAgency: c.suggestedAgencyId ? { id: c.suggestedAgencyId, name: findAgency(c.suggestedAgencyId)?.name ?? c.suggestedAgencyId } : null,
      };
    }),
    nextCursor: page.nextCursor ?? null,
  };
}
