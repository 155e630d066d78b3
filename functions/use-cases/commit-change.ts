import type { ComplaintChange } from '../core/change';
import type { Complaint } from '../core/complaint';
import { countersFor } from '../core/monitoring';
import type { Complaints, Outbox } from '../core/ports';
import type { WorkingDayCalendar } from '../core/working-days';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';
import { erasureOf, outboxFor } from './notifications';

/**
 * Stores one change of a complaint the way every change is stored: its notifications as outbox
 * rows and its monitoring counters in the same transaction, conditional on the version that was
 * read; then hands the outbox to the queues (a queue outage leaves it to the relay). False when
 * someone else changed the complaint first: the caller re-reads and decides again.
 */
export async function commitChange(
  deps: Pick<Deps, 'queue' | 'clock' | 'logger'> & { store: Complaints & Outbox },
  before: Complaint,
  change: ComplaintChange,
  calendar: WorkingDayCalendar,
): Promise<boolean> {
  const trackingId = before.trackingId;
  const outbox = [
    ...outboxFor(trackingId, change.complaint.version, change.notifications, change.complaint.updatedAt),
    ...(change.eraseAttachments?.length ? [erasureOf(trackingId, change.complaint.version, change.eraseAttachments, change.complaint.updatedAt)] : []),
  ];
  const counters = countersFor(before, change.complaint, change.events, calendar);
  if (
    !(await deps.store.update(change.complaint, before.version, change.events, outbox, counters, {
      eraseIdentity: change.eraseIdentity === true,
      escalatedBefore: before.escalatedToAgencyIds ?? [],
      ...(change.mergedInto ? { mergeInto: change.mergedInto } : {}),
    }))
  ) {
    return false;
  }
  try {
    await dispatchOutbox(deps, trackingId, outbox);
  } catch (error) {
    deps.logger.warn('queue unavailable; the change is kept in the outbox', { trackingId, error: String(error) });
  }
  return true;
}
