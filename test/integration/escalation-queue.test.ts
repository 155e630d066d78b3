/**
 * The "escalated to us" queue (issue 23, point 7): a complaint escalated from Badung to the
 * province and on to a ministry stays in the queue of every level while it is open, in DynamoDB
 * Local (one entry per agency, written with the complaint) as in the in-memory store; a new
 * assignment or a closure takes it out of all of them.
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbComplaintStore } from '../../functions/adapters/dynamodb-complaint-store';
import type { Complaint } from '../../functions/core/complaint';
import type { ComplaintStore } from '../../functions/core/ports';
import { InMemoryComplaintStore } from '../support/in-memory';
import { withLocalTable } from '../support/local-table';
import { complaint, event, outbox } from '../support/store-fixtures';

const id = 'ESCAL-AAAA1';
const queueOf = async (store: ComplaintStore, agencyId: string) =>
  (await store.workQueue({ kind: 'ESCALATED', agencyId }, { limit: 10 })).items.map((c) => [c.trackingId, c.version]);

async function holdsTheContract(store: ComplaintStore) {
  expect(
    await store.create({
      complaint: complaint(id),
      reporter: undefined,
      accessTokenHash: 'h',
      events: [event('2026-11-27T01:00:00.000Z')],
      outbox: [outbox('o1')],
    }),
  ).toEqual({
    kind: 'CREATED',
  });
  let current = (await store.get(id))?.complaint as Complaint;
  const step = async (over: Partial<Complaint>, at: string) => {
    const next = { ...current, ...over, version: current.version + 1 };
    expect(await store.update(next, current.version, [event(at, 'ESCALATED')], [], [], { escalatedBefore: current.escalatedToAgencyIds ?? [] })).toBe(true);
    current = (await store.get(id))?.complaint as Complaint;
  };
  await step(
    { status: 'ASSIGNED', assignedAgencyId: 'pemda-51.03', routing: { state: 'ASSIGNED' }, escalatedToAgencyIds: ['pemda-51'], escalationLevel: 1 },
    '2026-11-28T01:00:00.000Z',
  );
  expect(await queueOf(store, 'pemda-51')).toEqual([[id, 2]]);
  // On to the ministry: the province still sees it, as it is now.
  await step({ escalatedToAgencyIds: ['pemda-51', 'kemendagri'], escalationLevel: 2 }, '2026-12-05T01:00:00.000Z');
  expect(await queueOf(store, 'pemda-51')).toEqual([[id, 3]]);
  expect(await queueOf(store, 'kemendagri')).toEqual([[id, 3]]);
  expect(await queueOf(store, 'pemda-51.71')).toEqual([]);
  // A new assignment starts without the escalation of the one before: out of both queues.
  await step({ assignedAgencyId: 'pemda-51.71', escalatedToAgencyIds: undefined, escalationLevel: undefined }, '2026-12-07T01:00:00.000Z');
  expect(await queueOf(store, 'pemda-51')).toEqual([]);
  expect(await queueOf(store, 'kemendagri')).toEqual([]);
  // Escalated again, then closed: out of the queue.
  await step({ escalatedToAgencyIds: ['pemda-51'], escalationLevel: 1 }, '2026-12-14T01:00:00.000Z');
  expect(await queueOf(store, 'pemda-51')).toEqual([[id, 5]]);
  await step({ status: 'CLOSED' }, '2026-12-15T01:00:00.000Z');
  expect(await queueOf(store, 'pemda-51')).toEqual([]);
}

describe('the "escalated to us" queue', () => {
  it('holds a complaint at every level of its escalation in DynamoDB Local', async () => {
    await withLocalTable(({ ddb, table }) => holdsTheContract(new DynamoDbComplaintStore(ddb, table)));
  }, 60_000);

  it('and in the in-memory store', async () => {
    await holdsTheContract(new InMemoryComplaintStore());
  });
});
