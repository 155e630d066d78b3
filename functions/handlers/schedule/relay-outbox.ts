import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { logger } from '../../shared/powertools';
import { relayOutbox } from '../../use-cases/dispatch-outbox';

const deps = buildDeps([ENV.tableName, ENV.routingQueueUrl, ENV.notificationQueueUrl]);

/** Every minute: anything acknowledged but never queued (a queue outage) is queued now. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await relayOutbox(deps, { graceSeconds: 30, limit: 200 });
    if (result.found) logger.info('outbox relay', result);
    return result;
  });
