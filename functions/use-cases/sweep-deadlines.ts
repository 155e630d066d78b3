import type { Complaint } from '../core/complaint';
import { sweepComplaint } from '../core/escalation';
import type { ComplaintQueries, Complaints, Outbox } from '../core/ports';
import { commitChange } from './commit-change';
import type { Deps } from './deps';

/** What a sweep reads and writes. */
type SweepDeps = Pick<Deps, 'queue' | 'clock' | 'logger' | 'calendar' | 'policyFor'> & { store: Complaints & Outbox & ComplaintQueries };

const SWEEP_CONCURRENCY = 8;

export interface SweepResult {
  read: number;
  /** How late (minutes) the most overdue deadline read is: what stays high when the sweep cannot keep up. */
  lagMinutes?: number;
  reminded: number;
  escalated: number;
  flagged: number;
  unchanged: number;
  /** Lost a race with another run or an officer: that one's write stands. */
  conflicts: number;
  /** Could not be changed (an unexpected error); logged, retried on the next run, never blocking the others. */
  failed: number;
}

/**
 * Reminders, escalations and Ombudsman flags. Reads only what is due through the sparse
 * deadline and statute indexes (bounded by `limit` per index), never the table; every change is a
 * write conditional on the version it read, with its notifications in the same transaction.
 */
export async function sweepDeadlines(
  deps: SweepDeps,
  opts: { limit: number /** Above this many due complaints, slices go to the sweep queue's workers. */; fanOutAbove?: number; sliceSize?: number },
): Promise<SweepResult & { fannedOut: number }> {
  const now = deps.clock.now();
  // Follow-ups due within five days: enough to reach "one working day before" across a long weekend.
  const soon = new Date(now.getTime() + 5 * 86_400_000).toISOString();
  const nowIso = now.toISOString();
  const batches = await Promise.all([
    deps.store.dueBy('FOLLOW_UP', soon, opts.limit),
    deps.store.dueBy('DISPOSITION', nowIso, opts.limit),
    deps.store.statuteDueBy(nowIso, opts.limit),
  ]);
  const seen = new Map<string, Complaint>();
  for (const c of batches.flat()) seen.set(c.trackingId, c);
  // Due instants already past (reminders ahead of a deadline are not lag): the oldest is the lag.
  const pastDue = [...batches[1], ...batches[2]].map((c) => (c.deadline.stage === 'DISPOSITION' ? c.deadline.dueAt : (c.statute?.decideBy ?? nowIso)));
  const oldest = pastDue.reduce((min, iso) => Math.min(min, Date.parse(iso)), now.getTime());
  const result = {
    read: batches.flat().length,
    lagMinutes: Math.max(0, Math.round((now.getTime() - oldest) / 60_000)),
    reminded: 0,
    escalated: 0,
    flagged: 0,
    unchanged: 0,
    conflicts: 0,
    failed: 0,
    fannedOut: 0,
  };
  if (opts.fanOutAbove !== undefined && seen.size > opts.fanOutAbove) {
    const ids = [...seen.keys()];
    const size = opts.sliceSize ?? 50;
    for (let i = 0; i < ids.length; i += size) {
      const slice = ids.slice(i, i + size);
      await deps.queue.send('sweep', { kind: 'SWEEP_COMPLAINTS', trackingIds: slice, asOf: nowIso }, `sweep-${nowIso}-${i}`);
      result.fannedOut += slice.length;
    }
    return result;
  }
  await applySweep(deps, [...seen.values()], now, result);
  return result;
}

/** A worker's share of a large sweep: re-reads each complaint, so a stale slice does no harm. */
export async function sweepSlice(deps: SweepDeps, trackingIds: string[]): Promise<SweepResult> {
  const now = deps.clock.now();
  const complaints = (await Promise.all(trackingIds.map((id) => deps.store.get(id)))).flatMap((s) => (s ? [s.complaint] : []));
  const result = { read: complaints.length, reminded: 0, escalated: 0, flagged: 0, unchanged: 0, conflicts: 0, failed: 0 };
  await applySweep(deps, complaints, now, result);
  return result;
}

async function applySweep(deps: SweepDeps, complaints: Complaint[], now: Date, result: SweepResult) {
  const calendar = await deps.calendar.current();
  // A few complaints at a time: each is its own version-checked transaction.
  const queue = [...complaints];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      // One complaint that cannot be written (an item at its size limit, a bad record) must not stop the sweep.
      await apply(c).catch((error) => {
        result.failed++;
        deps.logger.error('sweep could not apply a change; the others go on', { trackingId: c?.trackingId, error: String(error) });
      });
    }
  };
  const apply = async (c: Complaint) => {
    const change = sweepComplaint(c, now, calendar, deps.policyFor);
    if (!change) {
      result.unchanged++;
      return;
    }
    if (!(await commitChange(deps, c, change, calendar))) {
      result.conflicts++;
      return;
    }
    for (const e of change.events) {
      if (e.type === 'REMINDED') result.reminded++;
      if (e.type === 'ESCALATED') result.escalated++;
      if (e.type === 'OMBUDSMAN_FLAGGED') result.flagged++;
    }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
}
