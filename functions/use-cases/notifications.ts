import type { NotificationIntent } from '../core/notifications';
import type { OutboxMessage } from '../core/ports';

/** One outbox row per notification a transition owes; the id makes a redelivery send once. */
export function outboxFor(trackingId: string, version: number, intents: NotificationIntent[], at: string): OutboxMessage[] {
  return intents.map((n) => {
    const notificationId = `${trackingId}:v${version}:${n.template}:${n.agencyId ?? 'reporter'}`;
    return {
      id: `notify-${notificationId}`,
      queue: 'notification',
      body: {
        kind: 'NOTIFY',
        trackingId,
        notificationId,
        template: n.template,
        ...(n.agencyId ? { agencyId: n.agencyId } : {}),
        ...(n.message ? { message: n.message } : {}),
      },
      createdAt: at,
    };
  });
}

/** The outbox row that hands a reporter's files to the upload queue's worker for erasure (once per version). */
export function erasureOf(trackingId: string, version: number, attachmentIds: string[], at: string): OutboxMessage {
  return { id: `erase-${trackingId}:v${version}`, queue: 'upload', body: { kind: 'ERASE_ATTACHMENTS', trackingId, attachmentIds }, createdAt: at };
}
