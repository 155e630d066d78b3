/**
 * `npm run bench:compliance`: reading the compliance ranking is a bounded number of reads, not a
 * scan. Seeds DynamoDB Local (in memory) with the monthly counters of the 552 local governments
 * and the national agencies for 12 months, then reads the ranking of one month and of the whole
 * year, printing the requests, the read units and the time beside the number of agencies.
 */
import { performance } from 'node:perf_hooks';
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDbAgencyReadiness } from '../functions/adapters/dynamodb-agency-readiness';
import { DynamoDbComplaintStore } from '../functions/adapters/dynamodb-complaint-store';
import { statsPk, statsSk } from '../functions/adapters/dynamodb-keys';
import { agencies } from '../functions/core/agencies';
import { complianceTable } from '../functions/use-cases/compliance';
import { withLocalTable } from '../test/support/local-table';

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const SCORED = agencies.filter((a) => a.level !== 'OMBUDSMAN');

/** Counts every Query this client sends and the read units each consumed. */
function metered(client: DynamoDBClient) {
  const meter = { queries: 0, readUnits: 0 };
  const send = client.send.bind(client);
  (client as { send: unknown }).send = async (command: { input: Record<string, unknown> }) => {
    if (command instanceof QueryCommand) {
      meter.queries++;
      command.input.ReturnConsumedCapacity = 'TOTAL';
      const out = (await send(command as never)) as { ConsumedCapacity?: { CapacityUnits?: number } };
      meter.readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
      return out;
    }
    return send(command as never);
  };
  return meter;
}

await withLocalTable(async ({ ddb, table }) => {
  const clients = { ddb };

  // Every scored agency's counters for every month, as the transitions write them (STATS#<month>/AGENCY#<id>).
  const t0 = performance.now();
  let seed = 7;
  const rand = (max: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % (max + 1);
  };
  const items = MONTHS.flatMap((month) =>
    SCORED.map((a) => {
      const assigned = rand(60);
      const onTime = rand(assigned);
      return {
        pk: statsPk(month),
        sk: statsSk({ kind: 'AGENCY', agencyId: a.id }),
        scope: { kind: 'AGENCY', agencyId: a.id },
        month,
        received: assigned + rand(5),
        assigned,
        firstFollowUpOnTime: onTime,
        firstFollowUpLate: assigned - onTime,
        transfers: rand(3),
        escalations: rand(2),
        reopenings: rand(2),
        ratingCount: rand(10),
        ratingSum: rand(50),
        illegalLevy: rand(20) === 0 ? 1 : 0,
      };
    }),
  );
  const readiness = new DynamoDbAgencyReadiness(clients.ddb, table);
  for (let i = 0; i < items.length; i += 25) {
    let unprocessed: unknown[] | undefined = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    while (unprocessed?.length) {
      const out: BatchWriteItemCommandOutput = await clients.ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: unprocessed as never } }));
      unprocessed = out.UnprocessedItems?.[table];
    }
  }
  for (const a of SCORED) if (rand(2) > 0) await readiness.note(a.id, { services: rand(8) }, '2026-12-01T00:00:00Z');
  const seedMs = performance.now() - t0;

  const meter = metered(clients.ddb);
  const deps = { store: new DynamoDbComplaintStore(clients.ddb, table), readiness };
  console.log(
    `compliance ranking read cost (DynamoDB Local, in memory; ${items.length.toLocaleString('en')} monthly counter items seeded in ${(seedMs / 1000).toFixed(1)} s)`,
  );
  console.log('agencies  months  queries  read units  rows ranked  time');
  for (const period of [
    { from: '2026-12', to: '2026-12' },
    { from: '2026-01', to: '2026-12' },
  ]) {
    meter.queries = 0;
    meter.readUnits = 0;
    const s0 = performance.now();
    const result = await complianceTable(deps, { period });
    const ms = performance.now() - s0;
    const months = Number(period.to.slice(5)) - Number(period.from.slice(5)) + 1;
    console.log(
      `${String(SCORED.length).padStart(8)} ${String(months).padStart(7)} ${String(meter.queries).padStart(8)} ${meter.readUnits.toFixed(1).padStart(11)} ${String(result.rows.filter((r) => r.rank !== null).length).padStart(12)}  ${ms.toFixed(0)} ms`,
    );
  }
  console.log(
    'Queries: one per page of each month’s counter partition and of the readiness partition — bounded by the months and the directory, never by the number of complaints.',
  );
});
