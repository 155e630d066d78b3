import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { reportCalendarCoverage } from '../../shared/powertools';
import { scheduleHandler } from '../../shared/schedule';
import { sweepReporterDeadlines } from '../../use-cases/sweep-reporter-deadlines';

const deps = portsFor(NEEDS.SweepReporterDeadlines, {});

/** Closes silent follow-ups (10 working days) and archives unanswered holds; reports calendar coverage. */
export const handler = scheduleHandler(
  'reporter deadline sweep',
  async () => {
    reportCalendarCoverage(await deps.calendar.current(), deps.clock.now());
    return sweepReporterDeadlines(deps, { limit: 200 });
  },
  (r) => ({ ClosedForSilence: r.closed, ArchivedForNoAnswer: r.archived, SweepFailures: r.failed }),
);
