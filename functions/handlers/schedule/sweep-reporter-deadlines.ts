import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { logger, reportCalendarCoverage } from '../../shared/powertools';
import { sweepReporterDeadlines } from '../../use-cases/sweep-reporter-deadlines';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl]);

/** Closes silent follow-ups (10 working days) and archives unanswered holds. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const calendar = await deps.calendar.current();
    reportCalendarCoverage(calendar, deps.clock.now());
    const result = await sweepReporterDeadlines(deps, { limit: 200 });
    logger.info('reporter deadline sweep', result);
    return result;
  });
