/**
 * `npm run bench:sweep`: the deadline sweep's read cost must follow the number of complaints
 * due, not the table size. Seeds DynamoDB Local (in memory) with 10,000 and then 100,000
 * complaints of which the same number are due, and prints consumed read capacity and time.
 */

import { performance } from 'node:perf_hooks';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDbComplaintStore } from '../functions/adapters/dynamodb-complaint-store';
import { complaintItem } from '../functions/adapters/dynamodb-keys';
import { cryptoRandom } from '../functions/adapters/system';
import { NATIONAL_POLICY, policyResolver } from '../functions/core/clocks';
import type { Complaint } from '../functions/core/complaint';
import { officialCalendar } from '../functions/core/official-calendar';
import { newTrackingId } from '../functions/core/tracking-id';
import type { Deps } from '../functions/use-cases/deps';
import { sweepDeadlines } from '../functions/use-cases/sweep-deadlines';
import { withLocalTable } from '../test/support/local-table';

const DUE = Number(process.env.BENCH_DUE ?? 1000);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const now = new Date('2026-04-15T02:00:00Z');

function complaint(due: boolean): Complaint {
  const trackingId = newTrackingId((n) => cryptoRandom.bytes(n));
  const deadline = due
    ? { stage: 'FOLLOW_UP' as const, workingDays: 5, date: '2026-04-13', dueAt: '2026-04-13T23:59:59+08:00', timeZone: 'Asia/Makassar' as const }
    : { stage: 'FOLLOW_UP' as const, workingDays: 5, date: '2026-06-30', dueAt: '2026-06-30T23:59:59+08:00', timeZone: 'Asia/Makassar' as const };
  return {
    trackingId,
    type: 'COMPLAINT',
    title: 'Sampah menumpuk',
    description: 'Sampah tidak diangkut dua minggu.',
    categoryId: 'kebersihan-sampah',
    location: { regionCode: '51.03' },
    anonymous: true,
    confidential: false,
    hasReporterIdentity: false,
    status: due ? 'ASSIGNED' : 'CLOSED',
    submittedAt: '2026-04-06T01:00:00.000Z',
    updatedAt: '2026-04-06T01:00:00.000Z',
    routing: { state: 'ASSIGNED' },
    assignedAgencyId: 'pemda-51.03',
    assignedAt: '2026-04-06T01:00:00.000Z',
    deadline,
    statute: { respondBy: '2026-04-20T23:59:59+08:00', decideBy: due ? '2026-06-05T23:59:59+08:00' : '2026-06-30T23:59:59+08:00', unit: 'CALENDAR_DAYS' },
    version: 2,
  };
}

await withLocalTable(async ({ ddb, table }) => {
  const clients = { ddb };
  const store = new DynamoDbComplaintStore(clients.ddb, table);
  const calendar = officialCalendar();
  const deps = {
    store,
    calendar: { current: async () => calendar },
    clock: { now: () => now },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    queue: { send: async () => undefined },
    policyFor: policyResolver(NATIONAL_POLICY),
  } as unknown as Deps;

  let seeded = 0;
  const seed = async (count: number, due: boolean) => {
    const items = Array.from({ length: count }, () => complaintItem(complaint(due)));
    for (let i = 0; i < items.length; i += 25) {
      const chunk = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
      let unprocessed: typeof chunk | undefined = chunk;
      while (unprocessed?.length) {
        const out = await clients.ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: unprocessed } }));
        unprocessed = out.UnprocessedItems?.[table] as typeof chunk | undefined;
      }
    }
    seeded += count;
  };

  console.log(`sweep read cost vs table size, ${DUE.toLocaleString('en')} complaints due each time (DynamoDB Local, in memory)`);
  console.log('table size   due   read units   complaints read   escalated   sweep time');
  for (const size of SIZES) {
    // Top the table up to `size` with complaints that are not due, plus a fresh set of due ones.
    const t0 = performance.now();
    await seed(DUE, true);
    await seed(Math.max(0, size - seeded), false);
    const seedMs = performance.now() - t0;
    store.consumedReadUnits = 0;
    const s0 = performance.now();
    const result = await sweepDeadlines(deps, { limit: DUE * 2 });
    const ms = performance.now() - s0;
    console.log(
      `${String(seeded).padStart(10)} ${String(DUE).padStart(5)} ${store.consumedReadUnits.toFixed(1).padStart(12)} ${String(result.read).padStart(17)} ${String(result.escalated).padStart(11)} ${`${ms.toFixed(0)} ms`.padStart(12)}   (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    );
  }
  console.log('Read units come from the index queries (ReturnConsumedCapacity=TOTAL); writes are one transaction per escalated complaint.');
});
