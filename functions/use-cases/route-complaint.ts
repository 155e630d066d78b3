import { actingAgencyOf } from '../core/agency-contacts';
import type { Complaints, Outbox } from '../core/ports';
import { chooseAgency, route } from '../core/routing';
import { commitChange } from './commit-change';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';

export type RouteOutcome = 'ASSIGNED' | 'AWAITING_VERIFICATION' | 'MANUAL_REQUIRED' | 'ALREADY_ROUTED' | 'NOT_FOUND';

/**
 * Routes one submitted complaint: suggests the competent agency to the verifiers, or — for a
 * category an operator switched to automatic routing — assigns it directly. Safe to run any
 * number of times for the same message: every write is conditional on the complaint's version,
 * and notifications travel in the same transaction through the outbox.
 */
export async function routeComplaint(
  deps: Pick<Deps, 'queue' | 'clock' | 'logger' | 'calendar' | 'directory' | 'policyFor' | 'autoRoutedCategories'> & { store: Complaints & Outbox },
  trackingId: string,
): Promise<RouteOutcome> {
  const calendar = await deps.calendar.current();
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await deps.store.get(trackingId);
    if (!stored) {
      deps.logger.warn('routing message for an unknown complaint', { trackingId });
      return 'NOT_FOUND';
    }
    const c = stored.complaint;
    // An agency an operator marked inactive hands its complaints to its parent (the directory says which).
    const decision = chooseAgency(c);
    const handedTo = new Map<string, string>();
    if (decision.kind === 'AGENCY') handedTo.set(decision.agencyId, (await actingAgencyOf(decision.agencyId, (id) => deps.directory.contact(id))).agencyId);
    const change = route(c, {
      actingFor: (id) => handedTo.get(id) ?? id,
      automatic: (categoryId) => deps.autoRoutedCategories.has(categoryId),
      now: deps.clock.now(),
      calendar,
      policyFor: deps.policyFor,
    });
    if (!change) {
      // A redelivery: finish what the first delivery may have left (its notifications).
      await dispatchOutbox(deps, trackingId, await deps.store.pendingOutbox(trackingId));
      return 'ALREADY_ROUTED';
    }
    if (!(await commitChange(deps, c, change, calendar))) continue;
    const next = change.complaint;
    if (next.status === 'ASSIGNED') {
      deps.logger.info('complaint assigned automatically', {
        trackingId,
        agencyId: next.assignedAgencyId,
        method: next.routing.method,
        dueAt: next.deadline.dueAt,
      });
      return 'ASSIGNED';
    }
    deps.logger.info('complaint awaits verification', { trackingId, suggestedAgencyId: next.suggestedAgencyId });
    return next.routing.state === 'MANUAL_REQUIRED' ? 'MANUAL_REQUIRED' : 'AWAITING_VERIFICATION';
  }
  throw new Error(`complaint ${trackingId} kept changing while being routed`);
}
