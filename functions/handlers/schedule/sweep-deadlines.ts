import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { logger, metrics } from '../../shared/powertools';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl, ENV.sweepQueueUrl]);

/** Every 15 minutes: remind, escalate up the hierarchy, flag for the Ombudsman. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweepDeadlines(deps, { limit: 5000, fanOutAbove: 200, sliceSize: 50 });
    logger.info('deadline sweep', { ...result });
    metrics.addMetric('Escalations', MetricUnit.Count, result.escalated);
    metrics.addMetric('OmbudsmanFlags', MetricUnit.Count, result.flagged);
    metrics.publishStoredMetrics();
    return result;
  });
