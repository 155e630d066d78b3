/**
 * `npm run bench:cost`: what one complaint's whole lifecycle costs in AWS, from the requests a
 * local run actually makes (counted by local/request-meter.ts), priced with data/aws-prices.json
 * (Jakarta), and the monthly bill at LAPOR!'s volume (~1,500 complaints a day) and at 100× that.
 *
 * The lifecycle: submitted with an email, routed, verified, acknowledged, answered, confirmed and
 * rated, with every email it owes. Then what the lifecycle does not make but the month does
 * (bench/cost-model.ts): people reading the portal and the API, attachments and their scanning,
 * staff sign-ins by Cognito tier, traces, custom metrics, queue polling, and storage that grows
 * month by month. Lambda durations are the local ones (this machine, emulators): an estimate.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Template } from 'aws-cdk-lib/assertions';
import { FUNCTIONS } from '../lib/wiring';
import { createMeter } from '../local/request-meter';
import { signIn } from '../local/staff-seed';
import { stackApp } from '../local/template';
import { startLocalSystemOnFreePorts } from '../test/support/local-system';
import { waitFor } from '../test/support/network';
import { ASSUMPTIONS, monthlyExtras, type Volume } from './cost-model';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const prices = JSON.parse(readFileSync(new URL('../data/aws-prices.json', import.meta.url), 'utf8'));

/** The alarms and dashboards the prod stack deploys (its nested operations stack). */
const operations = (() => {
  const { stack } = stackApp(mkdtempSync(path.join(tmpdir(), 'aduan-cost-')), 'prod');
  const resources = Object.values(Template.fromStack(stack.operations).toJSON().Resources as Record<string, { Type: string }>);
  const count = (type: string) => resources.filter((r) => r.Type === type).length;
  const main = Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>);
  return {
    alarms: count('AWS::CloudWatch::Alarm'),
    composites: count('AWS::CloudWatch::CompositeAlarm'),
    queues: main.filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping').length,
    dashboards: count('AWS::CloudWatch::Dashboard'),
    secrets: main.filter((r) => r.Type === 'AWS::SecretsManager::Secret').length,
  };
})();
const LIFECYCLES = Number(process.env.BENCH_COST_COMPLAINTS ?? 20);
/**
 * The custom metrics the code publishes (namespace Aduan, one dimension set each), counted from
 * the handlers' sources: the names the scheduled functions report and those added by hand.
 */
const CUSTOM_METRICS = (() => {
  const names = new Set<string>();
  const root = new URL('../functions/', import.meta.url);
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(new URL(file, root), 'utf8');
    for (const m of src.matchAll(/addMetric\('(\w+)'/g)) names.add(m[1] as string);
    for (const m of src.matchAll(/\(r\) => \(\{([^)]*)\}\)/g)) for (const k of (m[1] as string).matchAll(/(\w+):/g)) names.add(k[1] as string);
    for (const m of src.matchAll(/^\s+(\w+): r\.\w+/gm)) names.add(m[1] as string);
  }
  return names.size;
})();
/** Assumed CloudWatch Logs per invocation (JSON logs at INFO: a start, an end and one or two lines). */
const LOG_BYTES_PER_INVOCATION = 1_500;

const meter = createMeter();
const system = await startLocalSystemOnFreePorts({ meter });
try {
  const api = system.apiUrl;
  const token = async (u: string) => signIn(system.staff, u);
  const [verifier, officer] = [await token('verifikator'), await token('petugas-badung')];
  const call = async (method: string, path: string, body?: unknown, auth?: string) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const mails = async () => ((await (await fetch(`${system.mailUrl}/store`)).json()) as { emails: unknown[] }).emails.length;
  const router = system.functions.find((f) => f.spec.id === 'RouteComplaint') as (typeof system.functions)[number];
  let routed = 0;
  // Warm every path once, then count only the measured lifecycles.
  const lifecycle = async (i: number) => {
    const created = (await call('POST', '/v1/complaints', {
      type: 'COMPLAINT',
      title: `Jalan berlubang nomor ${i}`,
      description: 'Lubang besar di jalan kabupaten sejak sebulan, membahayakan pengendara.',
      categoryId: 'jalan-kabupaten-kota',
      location: { regionCode: '51.03' },
      anonymous: false,
      confidential: false,
      reporter: { name: 'Made Biaya', email: `made${i}@example.com` },
    })) as { trackingId: string; accessToken: string };
    const id = created.trackingId;
    // Wait for the routing worker without asking the API (a poll would be counted as the lifecycle's).
    await waitFor(async () => router.stats.invocations > routed, 15_000, 'routing');
    routed = router.stats.invocations;
    await call('POST', `/v1/complaints/${id}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, verifier);
    await call('GET', `/v1/inbox`, undefined, officer);
    await call('POST', `/v1/complaints/${id}/actions`, { action: 'ACKNOWLEDGE' }, officer);
    await call('POST', `/v1/complaints/${id}/actions`, { action: 'RESPOND', message: 'Sudah ditambal.' }, officer);
    await call('GET', `/v1/complaints/${id}`, undefined, created.accessToken);
    await call('POST', `/v1/complaints/${id}/actions`, { action: 'CONFIRM_RESOLVED' }, created.accessToken);
    await call('POST', `/v1/complaints/${id}/actions`, { action: 'RATE', score: 5 }, created.accessToken);
  };
  await lifecycle(-1);
  const settle = async () => {
    let last = -1;
    for (let n = await mails(); n !== last; n = await mails()) {
      last = n;
      await new Promise((r) => setTimeout(r, 1_500));
    }
  };
  await settle();
  meter.reset();
  for (const f of system.functions) Object.assign(f.stats, { invocations: 0, durationMs: 0 });
  routed = 0;
  const mailsBefore = await mails();
  // The table's size before and after: the bytes a complaint leaves behind (DynamoDB storage).
  const ddb = new DynamoDBClient({
    endpoint: system.dynamoEndpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = system.resources.tables.find((t) => t.logicalId.startsWith('DataComplaints'))?.name as string;
  const tableBytes = async () => (await ddb.send(new DescribeTableCommand({ TableName: table }))).Table?.TableSizeBytes ?? 0;
  const bytesBefore = await tableBytes();
  for (let i = 0; i < LIFECYCLES; i++) await lifecycle(i);
  await settle();
  const emails = (await mails()) - mailsBefore;
  const bytesPerComplaint = ((await tableBytes()) - bytesBefore) / LIFECYCLES;

  // Per complaint, from the counts.
  const per = (n: number) => n / LIFECYCLES;
  const ops = [...meter.operations].filter(([k]) => !k.startsWith('sqs ReceiveMessage') && !k.startsWith('sqs DeleteMessage'));
  const sqsSends = per(ops.filter(([k]) => k.startsWith('sqs ')).reduce((n, [, v]) => n + v, 0));
  const kmsCalls = per(ops.filter(([k]) => k.startsWith('kms ')).reduce((n, [, v]) => n + v, 0));
  const invocations = system.functions.reduce((n, f) => n + f.stats.invocations, 0);
  const httpInvocations = system.functions.filter((f) => f.spec.trigger.kind === 'http').reduce((n, f) => n + f.stats.invocations, 0);
  const gbSeconds = system.functions.reduce((s, f) => s + (f.stats.durationMs / 1000) * (f.spec.memoryMb / 1024), 0);
  // Each message a queue carries is also received and deleted by Lambda's poller (batched: counted once each).
  const pollerRequests = 2 * sqsSends;
  const line = {
    lambda: per(gbSeconds) * prices.lambda.armGbSecond + (per(invocations) / 1e6) * prices.lambda.requestsPerMillion,
    apiGateway: (per(httpInvocations) / 1e6) * prices.apiGateway.restRequestsPerMillion,
    dynamodb:
      (per(meter.writeCapacityUnits) / 1e6) * prices.dynamodb.writeRequestUnitsPerMillion +
      (per(meter.readCapacityUnits) / 1e6) * prices.dynamodb.readRequestUnitsPerMillion,
    sqs: ((sqsSends + pollerRequests) / 1e6) * prices.sqs.standardRequestsPerMillion,
    ses: (per(emails) / 1000) * prices.ses.emailsPerThousand,
    kms: (kmsCalls / 10_000) * prices.kms.requestsPerTenThousand,
    waf: (per(httpInvocations) / 1e6) * prices.waf.requestsPerMillion,
    // The portal's API calls pass CloudFront too (page and asset loads are not counted here).
    cloudFront: (per(httpInvocations) / 10_000) * prices.cloudFront.httpsRequestsPerTenThousand,
    logs: ((per(invocations) * LOG_BYTES_PER_INVOCATION) / 1e9) * prices.cloudWatchLogs.ingestGb,
  };
  const perComplaint = Object.values(line).reduce((a, b) => a + b, 0);
  const schedulesPerMonth = FUNCTIONS.filter((f) => f.trigger.kind === 'schedule').reduce(
    (n, f) => n + (f.trigger.kind === 'schedule' ? (30 * 24 * 60) / f.trigger.everyMinutes : 0),
    0,
  );
  // Two customer-managed keys: reporter identities and the case-bundle signing key. The alarms
  // and dashboards are counted from the synthesized stack, as deployed.
  const fixed =
    operations.alarms * prices.cloudWatch.alarmMonth +
    operations.composites * prices.cloudWatch.compositeAlarmMonth +
    operations.dashboards * prices.cloudWatch.dashboardMonth +
    2 * prices.kms.keyMonth +
    operations.secrets * prices.secretsManager.secretMonth +
    prices.waf.webAclMonth +
    2 * prices.waf.ruleMonth +
    (schedulesPerMonth / 1e6) * prices.lambda.requestsPerMillion +
    schedulesPerMonth * 0.2 * 0.25 * prices.lambda.armGbSecond;

  const usd = (n: number) => `$${n > 0 && n < 0.01 ? n.toFixed(6) : n.toFixed(2)}`;
  console.log(`== one complaint's lifecycle (mean of ${LIFECYCLES}; prices: ${prices.region}, ${prices.asOf}; see data/aws-prices.json)`);
  console.log(`requests counted per complaint:`);
  for (const [k, v] of ops.sort()) console.log(`  ${k.padEnd(40)} ${per(v).toFixed(2)}`);
  console.log(`  ${'DynamoDB write / read request units'.padEnd(40)} ${per(meter.writeCapacityUnits).toFixed(1)} / ${per(meter.readCapacityUnits).toFixed(1)}`);
  console.log(`  ${'Lambda invocations (of which via API)'.padEnd(40)} ${per(invocations).toFixed(1)} (${per(httpInvocations).toFixed(1)})`);
  console.log(`  ${'Lambda GB-seconds (local durations)'.padEnd(40)} ${per(gbSeconds).toFixed(3)}`);
  console.log(`  ${'emails'.padEnd(40)} ${per(emails).toFixed(1)}`);
  console.log('cost per complaint:');
  for (const [k, v] of Object.entries(line)) console.log(`  ${k.padEnd(12)} ${usd(v)}`);
  console.log(`  ${'total'.padEnd(12)} ${usd(perComplaint)}`);
  console.log(
    `fixed per month (${operations.alarms} alarms and ${operations.composites} composites, ${operations.dashboards} dashboards, 2 keys, ${operations.secrets} secrets, web ACL, schedules): ${usd(fixed)}`,
  );
  const httpCall = {
    lambdaGbSeconds: gbSeconds / Math.max(1, invocations),
    readUnits: meter.readCapacityUnits / Math.max(1, httpInvocations),
  };
  const volumes: (Volume & { label: string })[] = [
    { label: "LAPOR!'s volume", complaintsPerDay: 1_500, staff: 2_500 },
    { label: '100× that', complaintsPerDay: 150_000, staff: 25_000 },
  ];
  console.log(`measured: ${(bytesPerComplaint / 1024).toFixed(1)} KiB of table per complaint (DynamoDB Local's TableSizeBytes)`);
  for (const v of volumes) {
    const extras = monthlyExtras(prices, v, {
      invocationsPerComplaint: per(invocations),
      logBytesPerInvocation: LOG_BYTES_PER_INVOCATION,
      bytesPerComplaint,
      httpCall,
      queues: operations.queues,
      customMetrics: CUSTOM_METRICS,
    });
    const lifecycle = v.complaintsPerDay * 30 * perComplaint;
    console.log(
      `monthly at ${v.label} (${v.complaintsPerDay.toLocaleString('en')} complaints a day, ${v.staff.toLocaleString('en')} staff): ${usd(lifecycle + fixed + extras.month1)} in month 1, ${usd(lifecycle + fixed + extras.month12)} in month 12, ${usd(lifecycle + fixed + extras.month60)} in month 60`,
    );
    console.log(`  lifecycles ${usd(lifecycle)}, fixed ${usd(fixed)}, and beyond the lifecycle:`);
    for (const [k, val] of Object.entries(extras.lines)) console.log(`    ${k.padEnd(34)} ${usd(val)}`);
    console.log(`    ${'storage, month 1 / 12 / 60'.padEnd(34)} ${usd(extras.storage(1))} / ${usd(extras.storage(12))} / ${usd(extras.storage(60))}`);
  }
  console.log(`Assumptions: local Lambda durations; ${ASSUMPTIONS}; prices in data/aws-prices.json, each with its source (confirm before budgeting).`);
} finally {
  await system.stop();
}
