import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { reportCalendarCoverage } from '../../shared/powertools';
import { scheduleHandler } from '../../shared/schedule';
import { sweepReporterDeadlines } from '../../use-cases/sweep-reporter-deadlines';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl]);

/** Closes silent follow-ups (10 working days) and archives unanswered holds; reports calendar coverage. */
export const handler = scheduleHandler(
  'reporter deadline sweep',
  async () => {
    reportCalendarCoverage(await deps.calendar.current(), deps.clock.now());
    return sweepReporterDeadlines(deps, { limit: 200 });
  },
  (r) => ({ ClosedForSilence: r.closed, ArchivedForNoAnswer: r.archived, SweepFailures: r.failed }),
);
