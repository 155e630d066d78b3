import type { Outbox, OutboxMessage } from '../core/ports';
import type { Deps } from './deps';

/**
 * Hands outbox messages to their queues, side by side (they go to different queues and no
 * consumer relies on their order); each row is marked only after its own send, so a failed one
 * stays for the relay.
 */
export async function dispatchOutbox(deps: Pick<Deps, 'queue' | 'clock'> & { store: Outbox }, trackingId: string, messages: OutboxMessage[]): Promise<void> {
  const sent = await Promise.allSettled(
    messages.map(async (m) => {
      await deps.queue.send(m.queue, m.body, m.id);
      await deps.store.markDispatched(trackingId, m.id, deps.clock.now().toISOString());
    }),
  );
  const failed = sent.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Scheduled safety net: re-sends what a failed queue call left behind. */
export async function relayOutbox(deps: Pick<Deps, 'queue' | 'clock' | 'logger'> & { store: Outbox }, opts: { graceSeconds: number; limit: number }) {
  const before = new Date(deps.clock.now().getTime() - opts.graceSeconds * 1000).toISOString();
  const pending = await deps.store.undispatchedOutbox(before, opts.limit);
  let relayed = 0;
  let failed = 0;
  for (const { trackingId, message } of pending) {
    try {
      await dispatchOutbox(deps, trackingId, [message]);
      relayed++;
    } catch (error) {
      failed++;
      deps.logger.warn('outbox relay failed; will retry on the next run', { trackingId, outboxId: message.id, error: String(error) });
    }
  }
  return { found: pending.length, relayed, failed };
}
