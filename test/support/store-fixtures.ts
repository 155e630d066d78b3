/** Complaints, timeline entries and outbox rows for the store contract tests (test/integration/complaint-store). */
import type { Complaint, TimelineEvent } from '../../functions/core/complaint';
import type { OutboxMessage } from '../../functions/core/ports';
import { aComplaint } from './complaint-fixture';
export const complaint = (trackingId: string, over: Partial<Complaint> = {}): Complaint =>
  aComplaint({
    trackingId,
    title: 'Lampu jalan mati',
    anonymous: true,
    submittedAt: '2026-11-27T01:00:00.000Z',
    updatedAt: '2026-11-27T01:00:00.000Z',
    routing: { state: 'PENDING' },
    deadline: { stage: 'DISPOSITION', workingDays: 3, date: '2026-12-02', dueAt: '2026-12-02T23:59:59+08:00', timeZone: 'Asia/Makassar' },
    version: 1,
    ...over,
  });

export const event = (at: string, type: TimelineEvent['type'] = 'SUBMITTED'): TimelineEvent => ({
  at,
  type,
  actor: { kind: 'REPORTER' },
  message: 'x',
  visibility: 'PUBLIC',
});
export const outbox = (id: string, createdAt = '2026-11-27T01:00:00.000Z'): OutboxMessage => ({
  id,
  queue: 'routing',
  body: { kind: 'ROUTE_COMPLAINT', trackingId: id },
  createdAt,
});
