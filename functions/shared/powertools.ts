import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { WorkingDayCalendar } from '../core/working-days';

/** One logger for every function (service name, sampling and level come from env). */
export const logger = new Logger({ serviceName: 'aduan' });
export const metrics = new Metrics({ namespace: 'Aduan', serviceName: 'aduan' });
/**
 * X-Ray: every AWS call of a function is a subsegment (the clients are captured in deps.ts); off
 * outside Lambda. A trace never holds what a handler answers or the text of an error: answers
 * carry reporter views, decrypted identities, tokens and new client keys, and X-Ray keeps them 30
 * days for anyone with read access to the account. The stack also sets
 * POWERTOOLS_TRACER_CAPTURE_RESPONSE/ERROR=false on every function (lib/constructs/function.ts).
 */
export const tracer = new Tracer({ serviceName: 'aduan' });
/** The one way a handler chain is traced: the invocation as a subsegment, nothing of its answer. */
export const traceInvocation = () => captureLambdaHandler(tracer, { captureResponse: false });

/** Years (this one and the next) without official holiday data; also published as a metric for an alarm. */
export function missingCalendarYears(calendar: WorkingDayCalendar, now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year, year + 1].filter((y) => !calendar.isCovered(y));
}

export function reportCalendarCoverage(calendar: WorkingDayCalendar, now: Date, opts: { log: boolean } = { log: true }): number[] {
  const missing = missingCalendarYears(calendar, now);
  // Published by the handler's logMetrics middleware at the end of the invocation.
  metrics.addMetric('CalendarYearsMissing', MetricUnit.Count, missing.length);
  if (missing.length && opts.log) logger.warn('no official holiday data', { missingYears: missing });
  return missing;
}
