import type { Complaint } from '../core/complaint';
import { type ActionResult, archiveForNoAnswer, closeForSilence, type LifecyclePolicy } from '../core/lifecycle';
import { countersFor } from '../core/monitoring';
import type { Deps } from './deps';
import { dispatchOutbox } from './dispatch-outbox';
import { outboxFor } from './notifications';

/**
 * Closes complaints whose reporter stayed silent after a follow-up, and archives holds nobody
 * answered. Reads only the due part of the deadline index; each write is conditional on the
 * version read, so a run that repeats, overlaps or restarts changes each complaint once.
 */
export async function sweepReporterDeadlines(deps: Deps, opts: { limit: number }) {
  const now = deps.clock.now();
  const before = now.toISOString();
  const result = { closed: 0, archived: 0, skipped: 0, failed: 0 };
  const rules: [string, (c: Complaint, now: Date, policy: LifecyclePolicy) => ActionResult | undefined, 'closed' | 'archived'][] = [
    ['REPORTER_CONFIRMATION', closeForSilence, 'closed'],
    ['REPORTER_ANSWER', archiveForNoAnswer, 'archived'],
  ];
  for (const [stage, rule, counter] of rules) {
    for (const c of await deps.store.dueBy(stage, before, opts.limit)) {
      const change = rule(c, now, deps.policyFor(c.categoryId, c.assignedAgencyId));
      if (!change) {
        result.skipped++;
        continue;
      }
      const outbox = outboxFor(c.trackingId, change.complaint.version, change.notifications, before);
      try {
        if (await deps.store.update(change.complaint, c.version, change.events, outbox, countersFor(c, change.complaint, change.events, deps.calendar))) {
          result[counter]++;
          await dispatchOutbox(deps, c.trackingId, outbox).catch((e) => deps.logger.warn('queue unavailable; kept in outbox', { error: String(e) }));
        } else result.skipped++;
      } catch (error) {
        // One complaint that cannot be written must not stop the sweep for every later one.
        result.failed++;
        deps.logger.error('sweep could not apply a change; the others go on', { trackingId: c.trackingId, error: String(error) });
      }
    }
  }
  return result;
}
