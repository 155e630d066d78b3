import type { QueueMessage } from '../../core/ports';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { parseBody, sqsHandler } from '../../shared/sqs';
import { routeComplaint } from '../../use-cases/route-complaint';

const deps = portsFor(NEEDS.RouteComplaint, {});

export const handler = sqsHandler(async (record) => {
  const message = parseBody<QueueMessage>(record);
  if (message.kind !== 'ROUTE_COMPLAINT') throw new Error(`unexpected message kind ${message.kind} on the routing queue`);
  return routeComplaint(deps, message.trackingId);
});
