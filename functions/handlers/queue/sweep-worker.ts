import type { QueueMessage } from '../../core/ports';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { parseBody, sqsHandler } from '../../shared/sqs';
import { sweepSlice } from '../../use-cases/sweep-deadlines';

const deps = portsFor(NEEDS.SweepWorker, {});

export const handler = sqsHandler(async (record) => {
  const message = parseBody<QueueMessage>(record);
  if (message.kind !== 'SWEEP_COMPLAINTS') throw new Error(`unexpected message kind ${message.kind} on the sweep queue`);
  return sweepSlice(deps, message.trackingIds);
});
