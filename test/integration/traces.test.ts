/**
 * What an X-Ray trace holds (issue 18): a handler run as in Lambda with active tracing, the
 * daemon played by a UDP socket. No response body and no error text may leave in a trace: the
 * reporter views, identities, tokens and keys that handlers answer would sit in X-Ray for 30 days,
 * readable with read-only access to the account.
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from '../support/synth';

const run = promisify(execFile);
/** The tracer settings the stack gives a function (its POWERTOOLS_TRACER_* variables), as Lambda would pass them. */
let tracerEnv: Record<string, string> = {};
beforeAll(() => {
  const functions = Object.values(synthStack().template.findResources('AWS::Lambda::Function')) as {
    Properties: { Environment?: { Variables?: Record<string, unknown> } };
  }[];
  const env = functions.find((f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME)?.Properties.Environment?.Variables ?? {};
  tracerEnv = Object.fromEntries(
    Object.entries(env)
      .filter(([k]) => k.startsWith('POWERTOOLS_TRACER_'))
      .map(([k, v]) => [k, String(v)]),
  );
}, 120_000);
const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs `handler` of `module` with tracing on and returns its answer and every datagram sent to the daemon. */
async function traced(module: string, event: unknown, env: Record<string, string> = {}) {
  const socket = createSocket('udp4');
  const datagrams: string[] = [];
  socket.on('message', (m) => datagrams.push(m.toString('utf8')));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'test/support/traced/invoke.ts'), path.join(root, module), JSON.stringify(event)],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
          AWS_LAMBDA_FUNCTION_NAME: 'traced',
          _HANDLER: 'index.handler',
          LAMBDA_TASK_ROOT: root,
          AWS_REGION: 'ap-southeast-3',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${port}`,
          AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
          _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
          ...tracerEnv,
          ...env,
        },
        timeout: 60_000,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { response: stdout, trace: datagrams.join('\n') };
  } finally {
    socket.close();
  }
}

const httpEvent = (over: Record<string, unknown> = {}) => ({
  resource: '/v1/categories',
  path: '/v1/categories',
  httpMethod: 'GET',
  headers: {},
  multiValueHeaders: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: { requestId: 'r1', identity: { sourceIp: '203.0.113.9' } },
  body: null,
  isBase64Encoded: false,
  ...over,
});

describe('traces', () => {
  it('carry the handler subsegment but never its response body', async () => {
    const { response, trace } = await traced('functions/handlers/http/list-categories.ts', httpEvent());
    expect(response).toContain('kebersihan-sampah');
    // Tracing really ran: the handler's subsegment reached the daemon.
    expect(trace).toContain('## index.handler');
    expect(trace).not.toContain('kebersihan-sampah');
    expect(trace).not.toMatch(/"metadata":\{[^}]*response/);
  }, 60_000);

  it('carry no error text of a failed request', async () => {
    // An unknown query parameter is a client error the handler answers naming the field.
    const { response, trace } = await traced(
      'functions/handlers/http/list-categories.ts',
      httpEvent({ queryStringParameters: { nomorKtpRahasia: '5103' }, multiValueQueryStringParameters: { nomorKtpRahasia: ['5103'] } }),
    );
    expect(response).toContain('nomorKtpRahasia');
    expect(trace).toContain('## index.handler');
    expect(trace).not.toContain('nomorKtpRahasia');
    expect(trace).not.toMatch(/"exception|"cause"|"stack"/);
  }, 60_000);
});
