import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger, traceInvocation } from './powertools';

/** An SQS consumer that reports partial batch failures: only failed records come back. */
export function sqsHandler(recordHandler: (record: SQSRecord) => Promise<unknown>, beforeBatch?: (context: Context) => void) {
  const processor = new BatchProcessor(EventType.SQS);
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .handler(async (event, context) => {
      beforeBatch?.(context);
      return processPartialResponse(event, recordHandler, processor, { context });
    });
}

export function parseBody<T>(record: SQSRecord): T {
  return JSON.parse(record.body) as T;
}
