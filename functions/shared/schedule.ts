import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger, metrics, traceInvocation } from './powertools';

/**
 * The middy chain of every scheduled function: context in logs, a trace, and the run's counts
 * logged and published as metrics (an operator alarms on them).
 */
export function scheduleHandler<R extends object>(name: string, run: () => Promise<R>, metricsOf: (result: R) => Record<string, number>) {
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .use(logMetrics(metrics))
    .handler(async () => {
      const result = await run();
      logger.info(name, { result });
      for (const [metric, value] of Object.entries(metricsOf(result))) metrics.addMetric(metric, MetricUnit.Count, value);
      return result;
    });
}
