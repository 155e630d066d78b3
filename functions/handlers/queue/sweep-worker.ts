import type { QueueMessage } from '../../core/ports';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { parseBody, sqsHandler } from '../../shared/sqs';
import { sweepSlice } from '../../use-cases/sweep-deadlines';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl]);

export const handler = sqsHandler(async (record) => {
  const message = parseBody<QueueMessage>(record);
  if (message.kind !== 'SWEEP_COMPLAINTS') throw new Error(`unexpected message kind ${message.kind} on the sweep queue`);
  return sweepSlice(deps, message.trackingIds);
});
