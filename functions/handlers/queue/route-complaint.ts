import type { QueueMessage } from '../../core/ports';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { parseBody, sqsHandler } from '../../shared/sqs';
import { routeComplaint } from '../../use-cases/route-complaint';

const deps = buildDeps([ENV.tableName, ENV.notificationQueueUrl]);

export const handler = sqsHandler(async (record) => {
  const message = parseBody<QueueMessage>(record);
  if (message.kind !== 'ROUTE_COMPLAINT') throw new Error(`unexpected message kind ${message.kind} on the routing queue`);
  return routeComplaint(deps, message.trackingId);
});
