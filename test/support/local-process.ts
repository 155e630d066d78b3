import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inject } from 'vitest';
import { signIn } from '../../local/staff-seed';
import { TEMPLATE_CACHE_ENV } from '../../local/template';
import { freePort, waitFor } from './network';

/**
 * `local/start.ts` as its own process on free ports with a throwaway data folder: what `npm start`
 * runs. Cognito's pool ids are written there, so staff can sign in. Test files start systems side
 * by side: a port found free can be taken by another system before ours binds it, so a start that
 * fails that way is tried again on new ports.
 */
export async function startLocalProcess(attempts = 3): Promise<Awaited<ReturnType<typeof startOnce>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('[local] could not start')) throw error;
    }
  }
}

async function startOnce() {
  const ports = {
    port: await freePort(),
    dynamo: await freePort(),
    sqs: await freePort(),
    mail: await freePort(),
    cognito: await freePort(),
    s3: await freePort(),
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aduan-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--data-dir', dataDir], {
    env: {
      ...process.env,
      [TEMPLATE_CACHE_ENV]: inject('templateCache'),
      PORT: String(ports.port),
      DYNAMODB_PORT: String(ports.dynamo),
      SQS_PORT: String(ports.sqs),
      MAIL_PORT: String(ports.mail),
      COGNITO_PORT: String(ports.cognito),
      S3_PORT: String(ports.s3),
      POWERTOOLS_LOG_LEVEL: 'WARN',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const api = `http://127.0.0.1:${ports.port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', () => reject(new Error('the local system exited'))));
  exited.catch(() => undefined);
  await Promise.race([
    waitFor(async () => ((await fetch(`${api}/v1/health`)).status === 200 ? true : undefined), 140_000, 'GET /v1/health = 200'),
    exited,
  ]).catch((e) => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${e.message}\n${output}`);
  });
  const pool = JSON.parse(readFileSync(path.join(dataDir, 'cognito.json'), 'utf8')) as { endpoint: string; clientId: string };
  return {
    child,
    api,
    mail: `http://127.0.0.1:${ports.mail}`,
    s3: `http://127.0.0.1:${ports.s3}`,
    ports,
    output: () => output,
    /** The demo Open311 client key `npm run -s open311-key` prints. */
    open311Key: () => readFileSync(path.join(dataDir, 'open311-key.txt'), 'utf8').trim(),
    /** The normal Cognito sign-in (USER_PASSWORD_AUTH) of a seeded demo user. */
    token: (username: string) => signIn(pool, username),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
