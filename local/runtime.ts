/**
 * The whole system on a laptop: emulators, the stack's tables and queues, the real handlers
 * behind a local gateway, queue pollers and schedules — all from the synthesized template
 * and lib/wiring.ts.
 */
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import * as path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ENV } from '../functions/shared/env';
import { FUNCTIONS } from '../lib/wiring';
import { bundleFunctions } from './bundle';
import { changeLocalClock, localClockState } from './clock';
import { type Running, startCognito, startDynamoDb, startS3, startSes, startSqs } from './emulators';
import { createGateway, type LocalRoute } from './gateway';
import { startKms } from './kms';
import { LocalFunction } from './lambda';
import { buildLocalPortal } from './portal';
import { type Meter, meterProxy } from './request-meter';
import { bucketsOf, createLocalResources, type LocalResources, localClients, resolveValue } from './resources';
import { startSecretsManager } from './secrets-manager';
import { seedOpen311Key, seedServices } from './service-seed';
import { createStaffPool, deliverCognitoCode, type LocalStaffPool } from './staff-seed';
import { cdkPath, functionResource, LOCAL_STAGE, resourcesOfType, synthesizeTemplate } from './template';
import { forwardBucketNotifications, LocalScheduler, startQueuePoller } from './triggers';

export interface LocalOptions {
  port: number;
  dynamoPort: number;
  sqsPort: number;
  mailPort: number;
  cognitoPort: number;
  /** The local KMS (0 or absent: any free port). */
  kmsPort?: number;
  /** The S3 emulator of attachments (0 or absent: any free port). */
  s3Port?: number;
  /** Where DynamoDB Local and cognito-local keep their data; undefined = in memory. */
  dataDir?: string;
  region?: string;
  retryDelaySeconds?: number;
  /** Run schedules on their timers (tests may turn this off and fire them by hand). */
  schedules?: boolean;
  /** Counts the functions' requests to DynamoDB, SQS, SES and KMS (the cost model). */
  meter?: Meter;
  log?: (line: string) => void;
}

export interface LocalSystem {
  apiUrl: string;
  mailUrl: string;
  dynamoEndpoint: string;
  sqsEndpoint: string;
  staff: LocalStaffPool;
  /** The demo Open311 client key (api_key), stored hashed like an issued one. */
  open311Key: string;
  resources: LocalResources;
  functions: LocalFunction[];
  scheduler: LocalScheduler;
  /** The emulators themselves, so tests can take one down. */
  emulators: { dynamodb: Running; sqs: Running; ses: Running; cognito: Running; kms: Running; s3: Running };
  /** The S3 emulator's endpoint (attachments). */
  s3Endpoint: string;
  stop(): Promise<void>;
}

const LOCAL_PREFIX = 'aduan-local';

export async function startLocalSystem(opts: LocalOptions): Promise<LocalSystem> {
  const region = opts.region ?? 'ap-southeast-3';
  const log = opts.log ?? (() => undefined);
  const onError = (e: unknown) => log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const started: Running[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(onError);
    for (const s of started.reverse()) await s.stop().catch(onError);
  };

  try {
    const track = <R extends Running>(r: R) => {
      started.push(r);
      return r;
    };
    await assertPortsFree([opts.port, opts.dynamoPort, opts.sqsPort, opts.mailPort, opts.cognitoPort, opts.s3Port ?? 0]);
    // esbuild works in its own process while the emulators start.
    const bundling = bundleFunctions(FUNCTIONS);
    const portalBuild = buildLocalPortal();
    // Removed however the start ends, a failed one included.
    stoppers.push(async () => (await bundling.catch(() => undefined))?.remove());
    stoppers.push(async () => (await portalBuild.catch(() => undefined))?.remove());
    const [dynamo, sqs, ses, cognito, kms] = await Promise.all([
      startDynamoDb({ port: opts.dynamoPort, ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 'dynamodb') } : {}) }).then(track),
      startSqs({ port: opts.sqsPort, region }).then(track),
      startSes({ port: opts.mailPort }).then(track),
      startCognito({
        port: opts.cognitoPort,
        ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 'cognito') } : {}),
        // Cognito mails a forgotten password's code; cognito-local prints it: it is mailed here instead.
        onCodeDelivery: (d) => void deliverCognitoCode(`http://127.0.0.1:${opts.mailPort}`, region, d).catch(onError),
      }).then(track),
      startKms({ port: opts.kmsPort ?? 0, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) }).then(track),
    ]);
    // With a meter, the functions reach each emulator through a counting proxy.
    const through = async (service: string, endpoint: string) => {
      if (!opts.meter) return endpoint;
      const proxy = await meterProxy(service, endpoint, opts.meter);
      stoppers.push(proxy.stop);
      return proxy.endpoint;
    };
    const functionEndpoints = {
      dynamodb: await through('dynamodb', dynamo.endpoint),
      sqs: await through('sqs', sqs.endpoint),
      ses: await through('ses', ses.endpoint),
      kms: await through('kms', kms.endpoint),
    };
    // The SQS client sends to a queue URL's own host: with a meter, queue URLs name the proxy.
    const throughMeter = (value: string) => (value.startsWith(sqs.endpoint) ? functionEndpoints.sqs + value.slice(sqs.endpoint.length) : value);
    // Every AWS SDK client in this process (the handlers' included) talks to the emulators.
    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: functionEndpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: functionEndpoints.sqs,
      AWS_ENDPOINT_URL_SES: functionEndpoints.ses,
      AWS_ENDPOINT_URL_SESV2: functionEndpoints.ses,
      AWS_ENDPOINT_URL_KMS: functionEndpoints.kms,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    });
    log(`emulators: DynamoDB Local ${dynamo.endpoint}, SQS ${sqs.endpoint}, SES ${ses.endpoint}, Cognito ${cognito.endpoint}, KMS ${kms.endpoint}`);

    const template = synthesizeTemplate(LOCAL_STAGE);
    const clients = localClients({ dynamodb: dynamo.endpoint, sqs: sqs.endpoint }, region);
    const resources = await createLocalResources(template, clients, LOCAL_PREFIX);
    // The functions read their HMAC keys from Secrets Manager at cold start, as in AWS.
    const secrets = track(await startSecretsManager({ port: 0, arns: resources.secretArns, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) }));
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = await through('secretsmanager', secrets.endpoint);
    // The pseudo parameters a name may be made of (the attachment bucket's is account- and region-bound).
    for (const [name, value] of Object.entries({
      'AWS::AccountId': '000000000000',
      'AWS::Region': region,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    }))
      resources.refs.set(name, value);
    // Buckets exist once the S3 emulator starts (it refuses bucket-level calls), so it starts here, from the template.
    const s3 = track(
      await startS3({
        port: opts.s3Port ?? 0,
        ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 's3') } : {}),
        buckets: bucketsOf(template, resources, [`http://127.0.0.1:${opts.port}`, `http://localhost:${opts.port}`]),
      }),
    );
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    forwardBucketNotifications(s3, template, resources, clients.sqs, onError);
    log(`S3 emulator ${s3.endpoint}`);
    const staff = await createStaffPool(template, cognito.endpoint, region, LOCAL_PREFIX);
    const complaintsTable = resources.tables.find((t) => t.logicalId.startsWith('DataComplaints'));
    if (!complaintsTable) throw new Error('the stack defines no complaints table');
    await seedServices(clients.ddb, complaintsTable.name);
    const open311Key = await seedOpen311Key(clients.ddb, complaintsTable.name, opts.dataDir);
    if (!staff) throw new Error('the stack defines no staff user pool');
    resources.refs.set(staff.poolLogicalId, staff.userPoolId);
    resources.refs.set(staff.clientLogicalId, staff.clientId);
    if (opts.dataDir)
      writeFileSync(
        path.join(opts.dataDir, 'cognito.json'),
        `${JSON.stringify({ endpoint: staff.endpoint, userPoolId: staff.userPoolId, clientId: staff.clientId }, null, 2)}\n`,
      );
    log(`created ${resources.tables.length} tables, ${resources.queues.length} queues and the staff user pool from the stack template`);

    // Values that only make sense in AWS: the issuer is AWS's Cognito URL in the template, and
    // emails point officers at the stage's portal; locally both point at the local services.
    const localValues: Record<string, string> = {
      [ENV.jwtIssuer]: staff.issuer,
      [ENV.portalUrl]: `http://127.0.0.1:${opts.port}`,
      [ENV.healthUrl]: `http://127.0.0.1:${opts.port}/v1/health`,
    };
    const byLogicalId = new Map<string, LocalFunction>();
    const bundles = await bundling;
    // Each function in its own execution environment (a worker thread), started side by side.
    const functions = await Promise.all(
      FUNCTIONS.map(async (spec) => {
        const [logicalId, resource] = functionResource(template, spec.id);
        const variables = ((resource.Properties?.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {}) as Record<string, unknown>;
        const env = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, localValues[k] ?? throughMeter(resolveValue(v, resources))]));
        const fn = new LocalFunction(spec, env, bundles.fileOf(spec.id), onError);
        stoppers.push(() => fn.stop());
        await fn.warm();
        byLogicalId.set(logicalId, fn);
        return fn;
      }),
    );

    for (const [, mapping] of resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')) {
      const p = mapping.Properties as Record<string, unknown>;
      const queueArn = resolveValue(p.EventSourceArn, resources);
      const queue = resources.queues.find((q) => q.arn === queueArn);
      const fn = byLogicalId.get((p.FunctionName as { Ref: string }).Ref);
      if (!queue || !fn) throw new Error(`cannot wire event source ${cdkPath(mapping)}`);
      const poller = startQueuePoller({
        sqs: clients.sqs,
        queueUrl: queue.url,
        queueArn,
        fn,
        batchSize: Number(p.BatchSize ?? 10),
        reportBatchItemFailures: ((p.FunctionResponseTypes as string[]) ?? []).includes('ReportBatchItemFailures'),
        region,
        retryDelaySeconds: opts.retryDelaySeconds ?? 2,
        onError,
      });
      stoppers.push(poller.stop);
    }

    const scheduler = new LocalScheduler(onError);
    for (const [, schedule] of resourcesOfType(template, 'AWS::Scheduler::Schedule')) {
      const p = schedule.Properties as { ScheduleExpression: string; Target: { Arn: { 'Fn::GetAtt': [string, string] } } };
      const fn = byLogicalId.get(p.Target.Arn['Fn::GetAtt'][0]);
      if (fn?.spec.trigger.kind !== 'schedule' || !fn) throw new Error(`cannot wire schedule ${cdkPath(schedule)}`);
      if (opts.schedules === false) scheduler.schedules.set(fn.spec.trigger.name, { fn, expression: p.ScheduleExpression });
      else scheduler.add(fn.spec.trigger.name, fn, p.ScheduleExpression);
    }
    stoppers.push(() => scheduler.stop());

    const localRoutes: LocalRoute = async (req, body, url) => {
      if (url.pathname === '/_local/clock') {
        if (req.method === 'GET') return { status: 200, body: localClockState() };
        if (req.method === 'POST') {
          try {
            return changeLocalClock(body ? JSON.parse(body) : {});
          } catch {
            return { status: 400, body: { title: 'Permintaan tidak valid', detail: 'JSON tidak valid' } };
          }
        }
      }
      if (req.method === 'GET' && url.pathname === '/_local/schedules') {
        return {
          status: 200,
          body: {
            items: [...scheduler.schedules].map(([name, s]) => ({ name, expression: s.expression, function: s.fn.spec.id, lastRun: s.lastRun ?? null })),
          },
        };
      }
      const run = url.pathname.match(/^\/_local\/schedules\/([\w-]+)\/run$/);
      if (req.method === 'POST' && run) {
        const name = run[1] as string;
        if (!scheduler.schedules.has(name)) return { status: 404, body: { title: 'Tidak ditemukan', detail: `Tidak ada jadwal ${name}` } };
        return { status: 200, body: { name, result: await scheduler.run(name) } };
      }
      return undefined;
    };
    const gateway = createGateway({
      functions,
      stage: LOCAL_STAGE,
      localRoutes,
      onError,
      staffVerifier: staffTokenVerifier(staff),
      portal: await portalBuild,
      attachmentOrigin: s3.endpoint,
    });
    await new Promise<void>((resolve, reject) => {
      gateway.server.once('error', reject);
      gateway.server.listen(opts.port, '127.0.0.1', () => resolve());
    });
    stoppers.push(
      () =>
        new Promise<void>((resolve) => {
          gateway.server.closeAllConnections();
          gateway.server.close(() => resolve());
        }),
    );
    gateway.setReady(true);
    const port = (gateway.server.address() as AddressInfo).port;
    return {
      apiUrl: `http://127.0.0.1:${port}`,
      mailUrl: ses.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      staff,
      open311Key,
      resources,
      functions,
      scheduler,
      emulators: { dynamodb: dynamo, sqs, ses, cognito, kms, s3 },
      s3Endpoint: s3.endpoint,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Fails with a clear message instead of talking to another process on a busy port. */
async function assertPortsFree(ports: number[]) {
  for (const port of ports) {
    if (port === 0) continue;
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', () =>
        reject(
          new Error(`port ${port} is already in use (is another \`npm start\` running? set PORT, DYNAMODB_PORT, SQS_PORT, MAIL_PORT, COGNITO_PORT or S3_PORT)`),
        ),
      );
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
}

/**
 * What API Gateway's Cognito authorizer does for staff routes: verify the ID token's signature,
 * issuer, audience and expiry, then hand the claims to the function (as strings).
 */
function staffTokenVerifier(staff: LocalStaffPool) {
  const jwks = createRemoteJWKSet(new URL(`${staff.issuer}/.well-known/jwks.json`));
  return async (token: string): Promise<Record<string, string> | undefined> => {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: staff.issuer, audience: staff.clientId });
      if (payload.token_use !== 'id') return undefined;
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
    } catch {
      return undefined;
    }
  };
}
