/**
 * `npm run bench:cold`: each function's bundle as the stack builds it (esbuild, minified, the
 * stack's options) and its module init time in a fresh Node process, beside a hello-world
 * handler measured the same way in the same run. Two builds are compared: the AWS SDK bundled
 * (what deploys today) and the SDK left to the Lambda runtime's own copy (resolved here from
 * node_modules, as the runtime resolves its copy). Figures, not assertions.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ENV } from '../functions/shared/env';
import { BUNDLING, PROJECT_ROOT } from '../lib/constructs/function';
import { envNamesOf, FUNCTIONS } from '../lib/wiring';
import { startSecretsManager } from '../local/secrets-manager';

const run = promisify(execFile);

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const out = mkdtempSync(path.join(PROJECT_ROOT, '.bench-cold-'));
// Functions that page or look up contacts read their keys at init (one GetSecretValue each, counted in their time).
const SECRET_ARN = 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:bench';
const secrets = await startSecretsManager({ port: 0, arns: [SECRET_ARN] });
const env = {
  ...process.env,
  ...Object.fromEntries(Object.values(ENV).map((name) => [name, 'x'.repeat(40)])),
  [ENV.cursorKeySecretArn]: SECRET_ARN,
  [ENV.contactKeySecretArn]: SECRET_ARN,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  [ENV.jwtIssuer]: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Bench',
  [ENV.clockOverrides]: '{}',
  [ENV.mailSendsPerSecond]: '4.667',
  AWS_REGION: 'ap-southeast-3',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

/** The environment the stack gives one function (every setting for the SDK floor and hello world). */
const envOf = (id: string) => {
  const spec = FUNCTIONS.find((f) => f.id === id);
  if (!spec) return env;
  const names = new Set<string>(envNamesOf(spec));
  return Object.fromEntries(Object.entries(env).filter(([k]) => !(Object.values(ENV) as string[]).includes(k) || names.has(k)));
};

/** Median wall time of importing a module in a fresh process (node's own start-up excluded). */
async function initMs(file: string, id = ''): Promise<number> {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++)
    times.push(Number((await run(process.execPath, ['--input-type=module', '-e', script], { env: envOf(id), cwd: PROJECT_ROOT })).stdout));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

// The floor no function can go under while it bundles the SDK: the two clients every
// complaint-handling function needs, created at module scope and nothing else.
const SDK_FLOOR = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
const dynamo = new DynamoDBClient({});
const sqs = new SQSClient({});
export const handler = async () => ({ statusCode: 200, body: String(!!dynamo && !!sqs) });
`;

async function bundle(dir: string, external: string[], floor: string) {
  const res = await build({
    entryPoints: { ...Object.fromEntries(FUNCTIONS.map((s) => [s.id, path.join(PROJECT_ROOT, s.entry)])), SdkFloor: floor },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    target: `node${process.versions.node.split('.')[0]}`,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    external,
    metafile: true,
    logLevel: 'error',
  });
  return Object.fromEntries(Object.entries(res.metafile.outputs).map(([f, o]) => [path.basename(f, '.mjs'), o.bytes]));
}

try {
  const hello = path.join(out, 'hello.mjs');
  writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "ok" });\n');
  const helloMs = await initMs(hello);
  const floor = path.join(out, 'sdk-floor.mjs');
  writeFileSync(floor, SDK_FLOOR);
  const bundled = await bundle(path.join(out, 'bundled'), [], floor);
  const external = await bundle(path.join(out, 'external'), ['@aws-sdk/*'], floor);
  console.log(`hello-world handler: ${(await import('node:fs')).statSync(hello).size} B, init ${helloMs.toFixed(1)} ms (median of ${RUNS} fresh processes)\n`);
  console.log(`${'function'.padEnd(24)} ${'SDK bundled'.padStart(26)}   ${'SDK from the runtime'.padStart(26)}`);
  console.log(`${''.padEnd(24)} ${'KB   init ms  × hello'.padStart(26)}   ${'KB   init ms  × hello'.padStart(26)}`);
  const row = (kb: number, ms: number) => `${String(Math.round(kb / 1024)).padStart(6)} ${ms.toFixed(1).padStart(9)} ${(ms / helloMs).toFixed(1).padStart(8)}`;
  for (const f of [{ id: 'SdkFloor' }, ...FUNCTIONS]) {
    const a = await initMs(path.join(out, 'bundled', `${f.id}.mjs`), f.id);
    const b = await initMs(path.join(out, 'external', `${f.id}.mjs`), f.id);
    console.log(`${f.id.padEnd(24)} ${row(bundled[f.id] ?? 0, a).padStart(26)}   ${row(external[f.id] ?? 0, b).padStart(26)}`);
  }
  console.log('\nSdkFloor: only a DynamoDB and an SQS client, created at module scope — what any function pays for the SDK.');
  console.log('Targets (issue 9): ≤ 250 KB minified and ≤ 50 ms init per function.');
} finally {
  rmSync(out, { recursive: true, force: true });
  await secrets.stop();
}
