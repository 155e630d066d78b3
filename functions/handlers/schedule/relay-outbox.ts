import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { scheduleHandler } from '../../shared/schedule';
import { relayOutbox } from '../../use-cases/dispatch-outbox';

const deps = buildDeps([ENV.tableName, ENV.routingQueueUrl, ENV.notificationQueueUrl]);

/** Every minute: anything acknowledged but never queued (a queue outage) is queued now. */
export const handler = scheduleHandler(
  'outbox relay',
  () => relayOutbox(deps, { graceSeconds: 30, limit: 200 }),
  (r) => ({ OutboxRelayed: r.relayed, OutboxRelayFailed: r.failed }),
);
