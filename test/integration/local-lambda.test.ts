import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { FunctionSpec } from '../../lib/wiring';
import { createGateway } from '../../local/gateway';
import { FunctionTimeout, LocalFunction } from '../../local/lambda';
import { get } from '../support/fixtures';

const RUNAWAY = fileURLToPath(new URL('../fixtures/runaway-handler.mjs', import.meta.url));
const spec = (id: string, path: string, output: z.ZodMiniType = z.unknown()): FunctionSpec => ({
  id,
  entry: 'test/fixtures/runaway-handler.mjs',
  description: 'test',
  timeoutSeconds: 1,
  memoryMb: 128,
  trigger: { kind: 'http', method: 'GET', path, auth: 'public', input: {}, output, summary: 'test', throttle: { ratePerSecond: 1, burst: 1 } },
  needs: [],
});

let slow: LocalFunction;
let other: LocalFunction;
let broken: LocalFunction;
const gatewayErrors: string[] = [];
let api: string;
let close: () => Promise<void>;

beforeAll(async () => {
  slow = new LocalFunction(spec('Slow', '/v1/slow/{what}'), {}, RUNAWAY);
  other = new LocalFunction(spec('Other', '/v1/other', z.object({ ok: z.literal(true), path: z.string() })), {}, RUNAWAY);
  // Declares an answer its handler does not give.
  broken = new LocalFunction(spec('Broken', '/v1/broken', z.object({ ok: z.literal(false) })), {}, RUNAWAY);
  await Promise.all([slow.warm(), other.warm(), broken.warm()]);
  const gateway = createGateway({
    functions: [slow, other, broken],
    stage: 'test',
    localRoutes: async () => undefined,
    onError: (e) => void gatewayErrors.push(String(e)),
    staffVerifier: async () => undefined,
    attachmentOrigin: 'http://127.0.0.1:4569',
  });
  gateway.setReady(true);
  await new Promise<void>((r) => gateway.server.listen(0, '127.0.0.1', () => r()));
  const address = gateway.server.address() as { port: number };
  api = `http://127.0.0.1:${address.port}`;
  close = () => new Promise((r) => gateway.server.close(() => r()));
});
afterAll(async () => {
  await close?.();
  await Promise.all([slow?.stop(), other?.stop(), broken?.stop()]);
});

describe('local Lambda: every function in its own environment, cut off at its timeout', () => {
  it('cuts off a handler that never returns, and the next invocation gets a fresh environment', async () => {
    const started = Date.now();
    await expect(slow.invoke({ path: '/v1/slow/spin' })).rejects.toBeInstanceOf(FunctionTimeout);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(slow.stats).toMatchObject({ timeouts: 1, replacedEnvironments: 1 });
    await expect(slow.invoke({ path: '/v1/slow/fine' })).resolves.toMatchObject({ statusCode: 200 });
  });

  it('answers 502 problem+json for the runaway route while every other route keeps answering', async () => {
    const runaway = fetch(`${api}/v1/slow/spin`);
    const during = await get(`${api}/v1/other`);
    expect(during.status).toBe(200);
    const r = await runaway;
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/batas waktu/);
    expect((await get(`${api}/v1/slow/fine`)).status).toBe(200);
  });

  it('holds every answer to its declared output: one that breaks it is a 502 naming the route, never passed on', async () => {
    expect((await get(`${api}/v1/other`)).status).toBe(200);
    const r = await fetch(`${api}/v1/broken`);
    expect(r.status).toBe(502);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/kontrak/);
    expect(gatewayErrors.filter((e) => e.includes('GET /v1/broken answered outside its declared output: ok:'))).toHaveLength(1);
  });

  it('answers 400, not 500, for a malformed percent-escape in a path parameter', async () => {
    const r = await fetch(`${api}/v1/slow/%ff`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
