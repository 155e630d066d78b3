import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { logger } from '../../shared/powertools';
import { sendOmbudsmanDigests } from '../../use-cases/ombudsman-digest';

const deps = buildDeps([ENV.tableName, ENV.mailFrom]);

/** Hourly; each Ombudsman office gets one digest a working day (after 08:00 local). */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sendOmbudsmanDigests(deps);
    logger.info('ombudsman digests', result);
    return result;
  });
