/**
 * `npm run fuzz`: starts the local system (in memory, on free ports), seeds a few complaints and
 * throws generated hostile requests at every route. Fails on any 5xx, any response slower than
 * the slowest function's timeout, any 4xx that is not problem+json, or health not 200 after.
 *   FUZZ_COUNT (default 10000), FUZZ_SEED (default: random, printed), FUZZ_CONCURRENCY (default 8).
 */
import { DEMO_USERS, signIn } from '../local/staff-seed';
import { runFuzz, seedFuzzContext } from '../test/support/hostile-requests';
import { startLocalSystemOnFreePorts } from '../test/support/local-system';

const count = Number(process.env.FUZZ_COUNT ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 8);
process.env.POWERTOOLS_LOG_LEVEL ??= 'CRITICAL';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const errors: string[] = [];
const system = await startLocalSystemOnFreePorts({ log: (line) => (line.startsWith('error') ? errors.push(line) : undefined) });
let failed = true;
try {
  const ctx = await seedFuzzContext(
    system.apiUrl,
    (u) => signIn(system.staff, u),
    DEMO_USERS.map((u) => u.username),
    system.open311Key,
  );
  console.log(`fuzz: ${count} hostile requests, seed ${seed}, ${concurrency} at a time, against ${system.apiUrl}`);
  const f = await runFuzz(system.apiUrl, ctx, { count, seed, concurrency });
  console.log(
    [
      `requests            ${f.requests} in ${f.seconds} s (${Math.round(f.requests / f.seconds)}/s)`,
      `statuses            ${Object.entries(f.byStatus)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}`,
      `responses >= 500    ${f.serverErrors.length}`,
      `hangs (> timeout)   ${f.hangs.length}`,
      `4xx not problem+json ${f.notProblemJson.length}`,
      `latency             p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms`,
      `health after        ${f.healthAfter}`,
    ].join('\n'),
  );
  for (const e of f.serverErrors.slice(0, 5)) console.log('5xx:', e.status, JSON.stringify(e.request).slice(0, 400), e.body.slice(0, 300));
  for (const h of f.hangs.slice(0, 5)) console.log('hang:', JSON.stringify(h).slice(0, 400));
  for (const n of f.notProblemJson.slice(0, 5)) console.log('not problem+json:', n.status, n.contentType, JSON.stringify(n.request).slice(0, 300));
  for (const e of errors.slice(0, 5)) console.log(e.slice(0, 600));
  failed = f.serverErrors.length > 0 || f.hangs.length > 0 || f.notProblemJson.length > 0 || f.healthAfter !== 200 || f.requests < count;
  console.log(failed ? `fuzz: FAILED (seed ${seed})` : 'fuzz: passed');
} finally {
  await system.stop();
}
process.exit(failed ? 1 : 0);
