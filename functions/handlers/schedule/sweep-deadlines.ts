import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { scheduleHandler } from '../../shared/schedule';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';

const deps = portsFor(NEEDS.SweepDeadlines, {});

/** Every 15 minutes: remind, escalate up the hierarchy, flag for the Ombudsman. */
export const handler = scheduleHandler(
  'deadline sweep',
  () => sweepDeadlines(deps, { limit: 5000, fanOutAbove: 200, sliceSize: 50 }),
  (r) => ({ Escalations: r.escalated, OmbudsmanFlags: r.flagged, SweepFailures: r.failed, SweepLagMinutes: r.lagMinutes ?? 0 }),
);
