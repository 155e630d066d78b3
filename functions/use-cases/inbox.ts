import type { InboxOutput } from '../contract/outputs/inbox';
import { findAgency, ombudsmanOfficeId } from '../core/agencies';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus, type OmbudsmanReview, OPEN_STATUSES } from '../core/complaint';
import { DomainError, validationError } from '../core/errors';
import type { ComplaintQueries, WorkQueue } from '../core/ports';
import { resolveRegion } from '../core/regions';
import type { StaffPrincipal } from '../core/staff';
import type { Deps } from './deps';
import { openPosition } from './page-cursors';

/**
 * The caller's work queue, oldest deadline first (so overdue first): verifiers get complaints
 * to verify, agency officers their agency's complaints. Paginated with an opaque cursor.
 */
const REVIEW_STATUSES: readonly OmbudsmanReview['status'][] = ['OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'];

/** The queue a staff member's inbox reads, and how the inbox names it. */
function queueOf(who: StaffPrincipal, status: string | undefined, view: string | undefined): { queue: WorkQueue; label: InboxOutput['queue'] } {
  const named = (id: string) => ({ id, name: findAgency(id)?.name });
  if (who.roles.includes('OMBUDSMAN') && who.provinceCode) {
    if (status && !REVIEW_STATUSES.includes(status as OmbudsmanReview['status'])) throw badStatus(REVIEW_STATUSES);
    const review = (status ?? 'OPEN') as OmbudsmanReview['status'];
    const office = ombudsmanOfficeId(who.provinceCode);
    return { queue: { kind: 'REVIEW', office, status: review }, label: { ombudsmanOffice: named(office), review } };
  }
  if (status && !(COMPLAINT_STATUSES as readonly string[]).includes(status)) throw badStatus(COMPLAINT_STATUSES);
  if (who.roles.includes('AGENCY_OFFICER') && who.agencyId) {
    if (view === 'escalated') return { queue: { kind: 'ESCALATED', agencyId: who.agencyId }, label: { escalatedTo: named(who.agencyId) } };
    return {
      queue: { kind: 'AGENCY', agencyId: who.agencyId, ...(status ? { status: status as ComplaintStatus } : {}) },
      label: { agency: named(who.agencyId) },
    };
  }
  if (who.roles.includes('VERIFIER')) return { queue: { kind: status === 'ON_HOLD' ? 'ON_HOLD' : 'VERIFY' }, label: { verification: status ?? 'SUBMITTED' } };
  throw new DomainError('FORBIDDEN', 'Peran Anda tidak memiliki antrean laporan.');
}

const badStatus = (allowed: readonly string[]) => validationError([{ field: 'status', message: `salah satu dari ${allowed.join(', ')}` }]);

/**
 * The caller's work queue, oldest deadline first (so overdue first): verifiers get complaints
 * to verify, agency officers their agency's, Ombudsman officers their office's reviews. Paged
 * with a sealed cursor that opens only the queue it was made for.
 */
export async function inbox(
  deps: Pick<Deps, 'calendar' | 'clock' | 'cursors'> & { store: ComplaintQueries },
  who: StaffPrincipal,
  q: { status?: string | undefined; limit?: number | undefined; cursor?: string | undefined; view?: string | undefined },
) {
  const { queue, label } = queueOf(who, q.status, q.view);
  const now = deps.clock.now();
  const calendar = await deps.calendar.current();
  const cursorScope = `inbox|${JSON.stringify(queue)}`;
  const after = q.cursor ? openPosition(deps.cursors, cursorScope, q.cursor) : undefined;
  const page = await deps.store.workQueue(queue, { limit: q.limit ?? 25, ...(after ? { after } : {}) });
  return {
    queue: label,
    items: page.items.map((c: Complaint) => {
      const left = calendar.workingDaysLeft(now, c.deadline.date, c.deadline.timeZone);
      return {
        trackingId: c.trackingId,
        type: c.type,
        title: c.title,
        categoryId: c.categoryId,
        regionCode: c.location.regionCode,
        regionName: resolveRegion(c.location.regionCode)?.name ?? c.location.regionCode,
        status: c.status,
        submittedAt: c.submittedAt,
        deadline: { ...c.deadline, workingDaysLeft: left },
        // A closed or archived complaint has no deadline left to miss.
        overdue: OPEN_STATUSES.includes(c.status) && Date.parse(c.deadline.dueAt) < now.getTime(),
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
    nextCursor: page.next ? deps.cursors.seal(cursorScope, page.next) : null,
  } satisfies InboxOutput;
}
