import { findAgency } from '../core/agencies';
import { assign, type TimelineEvent } from '../core/complaint';
import { deadlineAfter } from '../core/lifecycle';
import { countersFor } from '../core/monitoring';
import { chooseAgency } from '../core/routing';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';
import { outboxFor } from './notifications';

export type RouteOutcome = 'ASSIGNED' | 'AWAITING_VERIFICATION' | 'MANUAL_REQUIRED' | 'ALREADY_ROUTED' | 'NOT_FOUND';

/**
 * Routes one submitted complaint: suggests the competent agency to the verifiers, or — for a
 * category an operator switched to automatic routing — assigns it directly. Safe to run any
 * number of times for the same message: every write is conditional on the complaint's version,
 * and notifications travel in the same transaction through the outbox.
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
      // A redelivery: finish what the first delivery may have left (its notifications).
      await dispatchOutbox(deps, trackingId, await deps.store.pendingOutbox(trackingId));
      return 'ALREADY_ROUTED';
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = chooseAgency(c);
    const automatic = decision.kind === 'AGENCY' && deps.autoRoutedCategories.has(c.categoryId);
    if (decision.kind === 'AGENCY' && automatic) {
      const agency = findAgency(decision.agencyId);
      if (!agency) throw new Error(`routing chose an unknown agency ${decision.agencyId}`);
      const { complaint, event } = assign(c, {
        agencyId: agency.id,
        method: decision.method,
        at,
        deadline: deadlineAfter(now, 'FOLLOW_UP', deps.policyFor(c.categoryId, agency.id).followUpWorkingDays, agency.timeZone, deps.calendar),
      });
      const outbox = outboxFor(trackingId, complaint.version, [{ template: 'AGENCY_ASSIGNED', agencyId: agency.id }, { template: 'REPORTER_VERIFIED' }], at);
      if (!(await deps.store.update(complaint, c.version, [event], outbox, countersFor(c, complaint, [event], deps.calendar)))) continue;
      deps.logger.info('complaint assigned automatically', { trackingId, agencyId: agency.id, method: decision.method, dueAt: complaint.deadline.dueAt });
      await dispatchOutbox(deps, trackingId, outbox);
      return 'ASSIGNED';
    }
    const suggestion = decision.kind === 'AGENCY' ? decision.agencyId : undefined;
    const next = {
      ...c,
      routing: decision.kind === 'AGENCY' ? { state: 'AWAITING_VERIFICATION' as const } : { state: 'MANUAL_REQUIRED' as const, reason: decision.reason },
      ...(suggestion ? { suggestedAgencyId: suggestion } : {}),
      updatedAt: at,
      version: c.version + 1,
    };
    const event: TimelineEvent =
      decision.kind === 'AGENCY'
        ? {
            at,
            type: 'ROUTING_SUGGESTED',
            actor: { kind: 'SYSTEM' },
            agencyId: decision.agencyId,
            message: `Sistem menyarankan disposisi ke ${findAgency(decision.agencyId)?.name ?? decision.agencyId}.`,
            visibility: 'INTERNAL',
          }
        : {
            at,
            type: 'MANUAL_ROUTING_REQUIRED',
            actor: { kind: 'SYSTEM' },
            message: 'Laporan menunggu penentuan instansi oleh verifikator.',
            visibility: 'REPORTER',
          };
    if (!(await deps.store.update(next, c.version, [event]))) continue;
    deps.logger.info('complaint awaits verification', { trackingId, suggestedAgencyId: suggestion });
    return decision.kind === 'AGENCY' ? 'AWAITING_VERIFICATION' : 'MANUAL_REQUIRED';
  }
  throw new Error(`complaint ${trackingId} kept changing while being routed`);
}
