/**
 * The complaints behind an agency's figures (issue 22), kept by the store beside the counters in
 * the same write: DynamoDB Local and the in-memory store the use-case tests run on, held to one
 * contract. Bounded: one read of at most `limit` (+1 to know whether more remain).
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbComplaintStore } from '../../functions/adapters/dynamodb-complaint-store';
import type { CounterDelta } from '../../functions/core/monitoring';
import type { ComplaintStore } from '../../functions/core/ports';
import { InMemoryComplaintStore } from '../support/in-memory';
import { withLocalTable } from '../support/local-table';
import { complaint, event, outbox } from '../support/store-fixtures';

const month = '2031-01';
const agency = { kind: 'AGENCY' as const, agencyId: 'pemda-51.03' };

/** Three complaints assigned to Badung and rated; the first escalated; the third counted twice in one write. */
async function assignThree(store: ComplaintStore) {
  for (const [n, id] of ['FIGUR-AAAA1', 'FIGUR-AAAA2', 'FIGUR-AAAA3'].entries()) {
    const at = `${month}-05T01:00:00.000Z`;
    expect(await store.create({ complaint: complaint(id), reporter: undefined, accessTokenHash: id, events: [event(at)], outbox: [outbox(id)] })).toEqual({
      kind: 'CREATED',
    });
    const head = (await store.get(id))?.complaint.timelineHead;
    const next = complaint(id, { status: 'ASSIGNED', assignedAgencyId: agency.agencyId, version: 2, routing: { state: 'ASSIGNED' }, timelineHead: head });
    // A rating counts its complaint once, whatever the score; a region's counters name no complaint.
    const add = { assigned: 1, ratingCount: 1, ratingSum: 4, escalations: n === 0 ? 1 : 0 };
    const counters: CounterDelta[] = [
      { month, scope: agency, add, trackingId: id },
      ...(n === 2 ? [{ month, scope: agency, add: { assigned: 1 }, trackingId: id }] : []),
      { month, scope: { kind: 'REGION', regionCode: '51' }, add, trackingId: id },
    ];
    expect(await store.update(next, 1, [event(`${month}-06T01:00:00.000Z`, 'ASSIGNED')], [], counters)).toBe(true);
  }
}

async function holdsTheContract(store: ComplaintStore) {
  await assignThree(store);
  const one = (trackingId: string, times = 1) => ({ trackingId, month, times });
  expect(await store.figureComplaints('pemda-51.03', month, 'assigned', 2)).toEqual({ items: [one('FIGUR-AAAA1'), one('FIGUR-AAAA2')], more: true });
  expect(await store.figureComplaints('pemda-51.03', month, 'assigned', 3)).toEqual({
    items: [one('FIGUR-AAAA1'), one('FIGUR-AAAA2'), one('FIGUR-AAAA3', 2)],
    more: false,
  });
  expect(await store.figureComplaints('pemda-51.03', month, 'escalations', 10)).toEqual({ items: [one('FIGUR-AAAA1')], more: false });
  expect((await store.figureComplaints('pemda-51.03', month, 'ratingCount', 10)).items).toEqual(
    ['FIGUR-AAAA1', 'FIGUR-AAAA2', 'FIGUR-AAAA3'].map((id) => one(id)),
  );
  expect(await store.figureComplaints('pemda-51.71', month, 'assigned', 10)).toEqual({ items: [], more: false });
  expect(await store.figureComplaints('pemda-51.03', '2031-02', 'assigned', 10)).toEqual({ items: [], more: false });
  // The counters are the same as without it.
  expect((await store.stats(month)).find((f) => f.scope.kind === 'AGENCY')?.counts).toMatchObject({
    assigned: 4,
    ratingCount: 3,
    ratingSum: 12,
    escalations: 1,
  });
}

describe('the complaints behind an agency’s figures', () => {
  it('are kept with the counters in DynamoDB Local, in one write, and read back bounded', async () => {
    await withLocalTable(({ ddb, table }) => holdsTheContract(new DynamoDbComplaintStore(ddb, table)));
  }, 60_000);

  it('are kept the same way by the in-memory store', async () => {
    await holdsTheContract(new InMemoryComplaintStore());
  });
});
