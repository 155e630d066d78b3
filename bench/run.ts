/**
 * `npm run bench`: figures, not assertions. Core operations in-process, then the local system
 * (real handlers on DynamoDB Local, local-aws-sqs and aws-ses-v2-local) over HTTP.
 * Emulator figures say how the code behaves, not what Lambda or DynamoDB will do in AWS.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDbComplaintStore } from '../functions/adapters/dynamodb-complaint-store';
import { KmsIdentityCipher } from '../functions/adapters/kms-identity-cipher';
import { deadlineAfter } from '../functions/core/clocks';
import type { Complaint } from '../functions/core/complaint';
import { countersFor } from '../functions/core/monitoring';
import { officialCalendar } from '../functions/core/official-calendar';
import { newTrackingId, parseTrackingId } from '../functions/core/tracking-id';
import { startLocalSystemOnFreePorts } from '../test/support/local-system';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SUSTAIN_SECONDS = Number(process.env.BENCH_SUSTAIN_SECONDS ?? 10);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function timeLoop(name: string, n: number, fn: (i: number) => void) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(46)} ${Math.round((n / ms) * 1000).toLocaleString('en')} ops/s  (${fmt((ms / n) * 1000)} per 1000)`);
}

const calendar = officialCalendar();
const random = (n: number) => new Uint8Array(randomBytes(n));
console.log('== core (no I/O)');
timeLoop('working days: +5 from a random 2026 instant', 100_000, (i) =>
  calendar.addWorkingDays(new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000), 5, 'Asia/Makassar'),
);
timeLoop('tracking id: generate + parse', 100_000, () => parseTrackingId(newTrackingId(random)));

const body = (i: number) =>
  JSON.stringify({
    type: 'COMPLAINT',
    title: `Sampah menumpuk nomor ${i}`,
    description: 'Sampah di depan pasar tidak diangkut selama dua minggu dan mulai berbau.',
    // Waste collection is routed automatically in the dev stage: no verifier in the loop.
    categoryId: 'kebersihan-sampah',
    location: { regionCode: '51.03' },
    anonymous: i % 2 === 0,
    confidential: false,
    reporter: { name: 'Bench', email: 'bench@example.com' },
  });

const system = await startLocalSystemOnFreePorts();
try {
  const submit = async (i: number) => {
    const t0 = performance.now();
    const res = await fetch(`${system.apiUrl}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
    if (res.status !== 201) throw new Error(`submission ${i}: HTTP ${res.status}`);
    await res.json();
    return performance.now() - t0;
  };

  // The bare cost of the work a submission must do, on the same emulators in the same run:
  // (a) one PutItem of a complaint-sized item and one SendMessage; (b) the very transaction the
  // submission writes (the store's own create: complaint, identity sealed by KMS, contact lookup,
  // timeline, two outbox rows, counters) and its two SendMessage calls.
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const ddb = new DynamoDBClient({ endpoint: system.dynamoEndpoint, region: 'ap-southeast-3', credentials });
  const sqs = new SQSClient({ endpoint: system.sqsEndpoint, region: 'ap-southeast-3', credentials });
  const kms = new KMSClient({ endpoint: system.emulators.kms.endpoint, region: 'ap-southeast-3', credentials });
  const table = system.resources.tables.find((t) => t.logicalId.startsWith('DataComplaints'))?.name as string;
  const queueUrl = system.resources.queues.find((q) => q.logicalId.startsWith('QueuesRoutingQueue') || q.logicalId.startsWith('RoutingQueue'))?.url as string;
  const store = new DynamoDbComplaintStore(ddb, table, new KmsIdentityCipher(kms, 'bench-key'));
  const calendar = officialCalendar();
  const bareItem = (i: number) => JSON.parse(body(i));
  const barePut = async (i: number) => {
    const t0 = performance.now();
    await ddb.send(new PutItemCommand({ TableName: table, Item: marshall({ pk: `BENCH#${i}`, sk: 'META', complaint: bareItem(i) }) }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ kind: 'BENCH', i }) }));
    return performance.now() - t0;
  };
  const bareTransaction = async (i: number) => {
    const at = new Date().toISOString();
    const trackingId = newTrackingId(random);
    const deadline = deadlineAfter(new Date(), 'DISPOSITION', 3, 'Asia/Makassar', calendar);
    const complaint: Complaint = {
      ...bareItem(i),
      trackingId,
      hasReporterIdentity: true,
      status: 'SUBMITTED',
      submittedAt: at,
      updatedAt: at,
      routing: { state: 'PENDING' },
      deadline,
      version: 1,
    };
    const event = { at, type: 'SUBMITTED' as const, actor: { kind: 'REPORTER' as const }, message: 'x', visibility: 'PUBLIC' as const };
    const outbox = [
      { id: `route-${trackingId}`, queue: 'routing' as const, body: { kind: 'ROUTE_COMPLAINT' as const, trackingId }, createdAt: at },
      { id: `mail-${trackingId}`, queue: 'routing' as const, body: { kind: 'ROUTE_COMPLAINT' as const, trackingId }, createdAt: at },
    ];
    const t0 = performance.now();
    await store.create({
      complaint,
      reporter: { name: 'Bench', email: 'bench@example.com' },
      accessTokenHash: 'h',
      events: [event],
      outbox,
      counters: countersFor(undefined, complaint, [event], calendar),
      contactLookups: [{ kind: 'EMAIL', hash: `bench-${i}` }],
    });
    // The two messages side by side, as the submission sends them.
    await Promise.all(outbox.map((o) => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(o.body) }))));
    return performance.now() - t0;
  };
  for (let i = 0; i < 30; i++) {
    await submit(-i); // warm the JIT of Java and Node
    await barePut(-i);
    await bareTransaction(-i);
  }

  console.log(`\n== POST /v1/complaints beside the bare cost of its own writes, interleaved, ${SUBMISSIONS} each (same emulators, same run)`);
  const lat = { put: [] as number[], tx: [] as number[], submit: [] as number[] };
  for (let i = 0; i < SUBMISSIONS; i++) {
    lat.put.push(await barePut(i));
    lat.tx.push(await bareTransaction(i));
    lat.submit.push(await submit(i));
  }
  for (const l of Object.values(lat)) l.sort((a, b) => a - b);
  const row = (name: string, l: number[]) =>
    console.log(
      `${name.padEnd(46)} p50 ${fmt(pct(l, 50)).padStart(9)}  p95 ${fmt(pct(l, 95)).padStart(9)}  p50 × bare put ${(pct(l, 50) / pct(lat.put, 50)).toFixed(2)}`,
    );
  row('bare: PutItem + SendMessage', lat.put);
  row("bare: the submission's transaction + 2 sends", lat.tx);
  row('POST /v1/complaints (gateway, Lambda, all)', lat.submit);
  console.log(`POST /v1/complaints p50 ÷ its own transaction p50: ${(pct(lat.submit, 50) / pct(lat.tx, 50)).toFixed(2)} (target ≤ 1.5 × the bare put+send)`);

  console.log(`\n== sustained, ${CONCURRENCY} clients, ${SUSTAIN_SECONDS} s each: bare PutItem + SendMessage, the submission's own writes, submissions`);
  const sustained = async (fn: (i: number) => Promise<number>) => {
    const until = performance.now() + SUSTAIN_SECONDS * 1000;
    let done = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, c) => {
        for (let i = 0; performance.now() < until; i++)
          await fn(1_000_000 + c * 100_000 + i).then(
            () => done++,
            () => errors++,
          );
      }),
    );
    return { perSecond: done / SUSTAIN_SECONDS, errors };
  };
  const barePerSecond = await sustained(barePut);
  const ownWritesPerSecond = await sustained(bareTransaction);
  const submitPerSecond = await sustained(submit);
  console.log(`bare PutItem + SendMessage: ${barePerSecond.perSecond.toFixed(1)}/s (${barePerSecond.errors} errors)`);
  console.log(`bare: the submission's own transaction + 2 sends: ${ownWritesPerSecond.perSecond.toFixed(1)}/s (${ownWritesPerSecond.errors} errors)`);
  console.log(
    `submissions accepted:       ${submitPerSecond.perSecond.toFixed(1)}/s (${submitPerSecond.errors} errors) → ${((submitPerSecond.perSecond / barePerSecond.perSecond) * 100).toFixed(0)} % of the bare writes (target ≥ 50 %), ${((submitPerSecond.perSecond / ownWritesPerSecond.perSecond) * 100).toFixed(0)} % of its own writes`,
  );

  console.log(`\n== end to end: ${SUBMISSIONS} submissions, ${CONCURRENCY} at a time, until each one's agency email is captured`);
  // This phase's complaints carry numbers from E2E_BASE in their titles, which the agency mail's subject repeats.
  const E2E_BASE = 5_000_000;
  const agencyMails = async () =>
    ((await (await fetch(`${system.mailUrl}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails.filter(
      (e) => e.destination.to.some((to) => to.endsWith('@instansi.example')) && /nomor 5\d{6}/.test(e.subject),
    ).length;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUBMISSIONS) await submit(E2E_BASE + next++);
    }),
  );
  const accepted = performance.now() - t0;
  let captured = 0;
  while (performance.now() - t0 < 300_000) {
    captured = await agencyMails();
    if (captured >= SUBMISSIONS) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const delivered = performance.now() - t0;
  const acceptedRate = (SUBMISSIONS / accepted) * 1000;
  const deliveredRate = (SUBMISSIONS / delivered) * 1000;
  console.log(`accepted: ${SUBMISSIONS} in ${fmt(accepted)} → ${acceptedRate.toFixed(1)} submissions/s`);
  console.log(
    `routed + emailed: ${captured}/${SUBMISSIONS} agency emails after ${fmt(delivered)} → ${deliveredRate.toFixed(1)} complaints/s end to end (accepted ÷ end to end: ${(acceptedRate / deliveredRate).toFixed(2)}, target ≤ 1.5)`,
  );
  console.log(`\nFor scale: CPGRAMS handled ~6,350 grievances a day (0.07/s on average).`);
} finally {
  await system.stop();
}
