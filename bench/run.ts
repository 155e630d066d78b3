/**
 * `npm run bench`: figures, not assertions. Core operations in-process, then the local system
 * (real handlers on DynamoDB Local, local-aws-sqs and aws-ses-v2-local) over HTTP.
 * Emulator figures say how the code behaves, not what Lambda or DynamoDB will do in AWS.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { officialCalendar } from '../functions/core/official-calendar';
import { newTrackingId, parseTrackingId } from '../functions/core/tracking-id';
import { startLocalSystem } from '../local/runtime';
import { freePort } from '../test/support/network';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

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

const system = await startLocalSystem({
  port: await freePort(),
  dynamoPort: await freePort(),
  sqsPort: await freePort(),
  mailPort: await freePort(),
  cognitoPort: await freePort(),
  schedules: false,
});
try {
  const submit = async (i: number) => {
    const t0 = performance.now();
    const res = await fetch(`${system.apiUrl}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
    if (res.status !== 201) throw new Error(`submission ${i}: HTTP ${res.status}`);
    await res.json();
    return performance.now() - t0;
  };
  for (let i = 0; i < 30; i++) await submit(-i); // warm the JIT of Java and Node

  console.log(`\n== local system: POST /v1/complaints (DynamoDB Local transaction + SQS send), ${SUBMISSIONS} sequential`);
  const latencies: number[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) latencies.push(await submit(i));
  latencies.sort((a, b) => a - b);
  console.log(`latency p50 ${fmt(pct(latencies, 50))}  p95 ${fmt(pct(latencies, 95))}  p99 ${fmt(pct(latencies, 99))}  max ${fmt(latencies.at(-1) ?? 0)}`);

  console.log(`\n== local system: ${SUBMISSIONS} submissions, ${CONCURRENCY} at a time, until every agency email is captured`);
  // Agency mail only (reporters who gave an address get their own confirmation too).
  const agencyMails = async () =>
    ((await (await fetch(`${system.mailUrl}/store`)).json()) as { emails: { destination: { to: string[] } }[] }).emails.filter((e) =>
      e.destination.to.some((to) => to.endsWith('@instansi.example')),
    ).length;
  const storeBefore = await agencyMails();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUBMISSIONS) await submit(SUBMISSIONS + next++);
    }),
  );
  const accepted = performance.now() - t0;
  // Every earlier submission's email must be in too: wait for all of them.
  const totalWanted = 30 + 2 * SUBMISSIONS;
  let captured = 0;
  while (performance.now() - t0 < 300_000) {
    captured = await agencyMails();
    if (captured >= totalWanted) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const delivered = performance.now() - t0;
  console.log(`agency emails already captured before this phase: ${storeBefore}`);
  console.log(`accepted: ${SUBMISSIONS} in ${fmt(accepted)} → ${((SUBMISSIONS / accepted) * 1000).toFixed(1)} submissions/s`);
  console.log(
    `routed + emailed: ${captured}/${totalWanted} agency emails captured after ${fmt(delivered)} → ${((SUBMISSIONS / delivered) * 1000).toFixed(1)} complaints/s end to end`,
  );
  console.log(`\nFor scale: CPGRAMS handled ~6,350 grievances a day (0.07/s on average).`);
} finally {
  await system.stop();
}
