import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { logger } from '../../shared/powertools';
import { eraseExpiredIdentities } from '../../use-cases/personal-data';

const deps = buildDeps([ENV.tableName]);

/** Daily: erases reporters' identities and contacts whose retention period after closure has ended. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await eraseExpiredIdentities(deps, { limit: 1_000 });
    logger.info('retention erasure', result);
    return result;
  });
