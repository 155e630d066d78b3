import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { scheduleHandler } from '../../shared/schedule';
import { relayOutbox } from '../../use-cases/dispatch-outbox';

const deps = portsFor(NEEDS.RelayOutbox, {});

/** Every minute: anything acknowledged but never queued (a queue outage) is queued now. */
export const handler = scheduleHandler(
  'outbox relay',
  () => relayOutbox(deps, { graceSeconds: 30, limit: 200 }),
  (r) => ({ OutboxRelayed: r.relayed, OutboxRelayFailed: r.failed }),
);
