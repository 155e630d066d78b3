import { findAgency } from '../core/agencies';
import { assign, requireManualRouting } from '../core/complaint';
import type { OutboxMessage } from '../core/ports';
import { chooseAgency } from '../core/routing';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';

export type RouteOutcome = 'ASSIGNED' | 'MANUAL_REQUIRED' | 'ALREADY_ROUTED' | 'NOT_FOUND';

/**
 * Routes one submitted complaint. Safe to run any number of times for the same message:
 * the assignment is a conditional write on the complaint's version, and its notification
 * travels in the same transaction through the outbox.
 */
export async function routeComplaint(deps: Deps, trackingId: string): Promise<RouteOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await deps.store.get(trackingId);
    if (!stored) {
      deps.logger.warn('routing message for an unknown complaint', { trackingId });
      return 'NOT_FOUND';
    }
    const c = stored.complaint;
    if (c.status !== 'SUBMITTED' || c.routing.state !== 'PENDING') {
      // A redelivery: finish what the first delivery may have left (its notification).
      await dispatchOutbox(deps, trackingId, await deps.store.pendingOutbox(trackingId));
      return 'ALREADY_ROUTED';
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = chooseAgency(c);
    if (decision.kind === 'MANUAL') {
      const { complaint, event } = requireManualRouting(c, decision.reason, at);
      if (!(await deps.store.update(complaint, c.version, event))) continue;
      deps.logger.info('complaint needs manual routing', { trackingId, reason: decision.reason });
      return 'MANUAL_REQUIRED';
    }
    const agency = findAgency(decision.agencyId);
    if (!agency) throw new Error(`routing chose an unknown agency ${decision.agencyId}`);
    const count = deps.calendar.addWorkingDays(now, deps.clocks.followUpWorkingDays, agency.timeZone);
    const { complaint, event } = assign(c, {
      agencyId: agency.id,
      method: decision.method,
      at,
      deadline: {
        stage: 'FOLLOW_UP',
        workingDays: deps.clocks.followUpWorkingDays,
        date: count.date,
        dueAt: count.deadline,
        timeZone: count.timeZone,
        ...(count.uncoveredYears.length ? { uncoveredYears: count.uncoveredYears } : {}),
      },
    });
    const notificationId = `${trackingId}:ASSIGNED:${agency.id}:v${complaint.version}`;
    const outbox: OutboxMessage = {
      id: `notify-${notificationId}`,
      queue: 'NOTIFICATION',
      body: { kind: 'NOTIFY_AGENCY_ASSIGNED', trackingId, agencyId: agency.id, notificationId },
      createdAt: at,
    };
    if (!(await deps.store.update(complaint, c.version, event, outbox))) continue;
    deps.logger.info('complaint assigned', { trackingId, agencyId: agency.id, method: decision.method, dueAt: complaint.deadline.dueAt });
    await dispatchOutbox(deps, trackingId, [outbox]);
    return 'ASSIGNED';
  }
  throw new Error(`complaint ${trackingId} kept changing while being routed`);
}
