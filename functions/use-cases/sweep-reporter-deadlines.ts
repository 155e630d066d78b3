import type { ComplaintChange } from '../core/change';
import type { LifecyclePolicy } from '../core/clocks';
import type { Complaint } from '../core/complaint';
import type { ComplaintQueries, Complaints, Outbox } from '../core/ports';
import { archiveForNoAnswer, closeForSilence } from '../core/reporter-silence';
import { commitChange } from './commit-change';
import type { Deps } from './deps';

/**
 * Closes complaints whose reporter stayed silent after a follow-up, and archives holds nobody
 * answered. Reads only the due part of the deadline index; each write is conditional on the
 * version read, so a run that repeats, overlaps or restarts changes each complaint once.
 */
export async function sweepReporterDeadlines(
  deps: Pick<Deps, 'queue' | 'clock' | 'logger' | 'calendar' | 'policyFor'> & { store: Complaints & Outbox & ComplaintQueries },
  opts: { limit: number },
) {
  const now = deps.clock.now();
  const before = now.toISOString();
  const calendar = await deps.calendar.current();
  const result = { closed: 0, archived: 0, skipped: 0, failed: 0 };
  const rules: [string, (c: Complaint, now: Date, policy: LifecyclePolicy) => ComplaintChange | undefined, 'closed' | 'archived'][] = [
    ['REPORTER_CONFIRMATION', closeForSilence, 'closed'],
    ['REPORTER_ANSWER', archiveForNoAnswer, 'archived'],
  ];
  for (const [stage, rule, counter] of rules) {
    for (const c of await deps.store.dueBy(stage, before, opts.limit)) {
      const change = rule(c, now, deps.policyFor(c, c.assignedAgencyId));
      if (!change) {
        result.skipped++;
        continue;
      }
      try {
        if (await commitChange(deps, c, change, calendar)) result[counter]++;
        else result.skipped++;
      } catch (error) {
        // One complaint that cannot be written must not stop the sweep for every later one.
        result.failed++;
        deps.logger.error('sweep could not apply a change; the others go on', { trackingId: c.trackingId, error: String(error) });
      }
    }
  }
  return result;
}
