/** `npm start`: the whole system on this machine. Ctrl-C stops everything it started. */
import * as path from 'node:path';
import { PROJECT_ROOT } from '../lib/constructs/function';
import { startLocalSystem } from './runtime';
import { DEMO_PASSWORD, DEMO_USERS } from './staff-seed';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const inMemory = process.argv.includes('--in-memory');
const dataDirArg = process.argv.indexOf('--data-dir');
const dataDir = dataDirArg > 0 ? path.resolve(process.argv[dataDirArg + 1] ?? '.local') : path.join(PROJECT_ROOT, '.local');

// The AWS SDK warns once per thread (every function runs in its own) that its 2027 releases need
// Node 22: said once here instead. Lambda runs Node 24.
if (Number(process.versions.node.split('.')[0]) < 22) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  console.error(`[local] Node ${process.versions.node}: the AWS SDK's releases after the first week of January 2027 need Node 22+ (Lambda runs Node 24).`);
}
process.env.POWERTOOLS_LOG_LEVEL ??= 'INFO';
process.env.POWERTOOLS_DEV ??= 'true';

const system = await startLocalSystem({
  port: num('PORT', 3000),
  dynamoPort: num('DYNAMODB_PORT', 8000),
  sqsPort: num('SQS_PORT', 9324),
  mailPort: num('MAIL_PORT', 8005),
  cognitoPort: num('COGNITO_PORT', 9229),
  kmsPort: num('KMS_PORT', 0),
  s3Port: num('S3_PORT', 4569),
  ...(inMemory ? {} : { dataDir }),
  log: (line) => console.error(`[local] ${line}`),
}).catch((error) => {
  console.error(`[local] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

const line = (k: string, v: string) => `  ${k.padEnd(22)} ${v}`;
console.log(
  [
    '',
    'Aduan is running locally.',
    line('Portal (open this)', `${system.apiUrl}/`),
    line('API', `${system.apiUrl}/v1  (health: ${system.apiUrl}/v1/health)`),
    line('Mailbox (captured)', `${system.mailUrl}/  (JSON: ${system.mailUrl}/store)`),
    line('DynamoDB Local', `${system.dynamoEndpoint}  ${inMemory ? '(in memory)' : `(data in ${path.relative(process.cwd(), dataDir) || '.'}/)`}`),
    line('SQS (local-aws-sqs)', system.sqsEndpoint),
    line('KMS (local)', system.emulators.kms.endpoint),
    line('S3 (attachments)', `${system.s3Endpoint}  (@20minutes/s3rver)`),
    line('Cognito (cognito-local)', `${system.staff.endpoint}  pool ${system.staff.userPoolId}, client ${system.staff.clientId}`),
    line(
      'Staff sign-in',
      `portal ${system.apiUrl}/#/petugas, or npm run token -- <username>   (${DEMO_USERS.map((u) => u.username).join(', ')}; password ${DEMO_PASSWORD})`,
    ),
    line('Open311 (GeoReport v2)', `${system.apiUrl}/open311/discovery.json  (demo api_key: ${inMemory ? system.open311Key : 'npm run -s open311-key'})`),
    line('Tables', system.resources.tables.map((t) => t.name).join(', ')),
    line('Queues', system.resources.queues.map((q) => q.name).join(', ')),
    line('Schedules', [...system.scheduler.schedules.keys()].join(', ') || '-'),
    '',
    `Try:  curl -s ${system.apiUrl}/v1/categories`,
    'Stop: Ctrl-C',
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`[local] ${signal}: stopping…`);
    await system.stop();
    console.error('[local] stopped');
    process.exit(0);
  });
}
