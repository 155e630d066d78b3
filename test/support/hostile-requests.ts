/**
 * Hostile requests, generated: every route of lib/wiring.ts (and wrong methods and paths), with
 * path, query, headers and bodies drawn from what attackers and broken clients send — wrong
 * types, far-future dates, huge numbers, malformed escapes and JSON, control and bidi
 * characters, forged tokens and cursors, prototype keys, oversized fields — mixed with valid
 * values so that requests also reach deep into the handlers. Used by `npm run fuzz` (10,000+)
 * and by a smaller sample inside `npm test`.
 */
import fc from 'fast-check';
import { FUNCTIONS } from '../../lib/wiring';
import { NASTY_STRINGS } from './hostile-values';

export interface FuzzContext {
  /** Complaints that exist, with their reporter tokens. */
  complaints: { trackingId: string; accessToken: string }[];
  /** Valid staff ID tokens by username. */
  staffTokens: Record<string, string>;
  /** A valid Open311 client key, so form bodies reach the attribute checks. */
  open311Key?: string;
}

export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const HTTP_ROUTES = FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' ? [{ ...f.trigger, timeoutSeconds: f.timeoutSeconds }] : []));

const nasty = fc.constantFrom(...NASTY_STRINGS);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const jsonValue = fc.oneof(
  { depthSize: 'small' },
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

const regionCodes = fc.constantFrom('51', '51.03', '31', '94.71', '99', '51.99', '', '51.03.01');
const validSubmission = fc.record({
  type: fc.constantFrom('COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'),
  title: fc.constantFrom('Jalan rusak di depan sekolah', 'Sampah menumpuk di pasar'),
  description: fc.constant('Sudah dua minggu tidak ada tindakan dan warga terganggu setiap hari.'),
  categoryId: fc.constantFrom('kebersihan-sampah', 'jalan-kabupaten-kota', 'pertanahan'),
  location: fc.record({ regionCode: regionCodes }),
  anonymous: fc.boolean(),
  confidential: fc.boolean(),
});
/** A plausible body with some fields replaced, removed or added by hostile values. */
const mutated = (base: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(
      base,
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(
              'type',
              'title',
              'description',
              'location',
              'reporter',
              'action',
              'message',
              'agencyId',
              'copyToAgencyIds',
              'score',
              'workingDays',
              'anonymous',
              '__proto__',
              'constructor',
            ),
            text,
          ),
          fc.option(jsonValue),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([b, edits]) => {
      const out: Record<string, unknown> = { ...b };
      for (const [k, v] of edits) {
        if (v === null) delete out[k];
        else Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      }
      return out;
    });

const actions = fc.oneof(
  fc.record({
    action: fc.constant('VERIFY'),
    agencyId: fc.constantFrom('pemda-51.03', 'pemda-51', 'ombudsman-51', 'nope'),
    copyToAgencyIds: fc.array(fc.constantFrom('pemda-51', 'pemda-51', 'ombudsman-51', 'kemendagri'), { maxLength: 4 }),
  }),
  fc.record({ action: fc.constantFrom('REPLY', 'RESPOND', 'COMMENT', 'REOPEN'), message: text }),
  fc.record({ action: fc.constant('RATE'), score: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double()) }),
  fc.record({ action: fc.constant('RETURN_TO_AGENCY'), recommendation: text, workingDays: fc.oneof(fc.integer(), fc.constant(1e9)) }),
  fc.record({
    action: fc.constantFrom('ACKNOWLEDGE', 'CONFIRM_RESOLVED', 'TAKE_OVER', 'HOLD', 'ARCHIVE', 'TRANSFER', 'DISMISS', 'REQUEST_OMBUDSMAN_REVIEW', 'NOPE'),
  }),
  fc.constant({ action: 'HOLD', question: 'Mohon foto lokasi?' }),
);

/** Open311 form bodies: the specification's fields and `attribute[...]` answers, hostile or plausible (issue 18). */
const open311Forms = (ctx: FuzzContext) =>
  fc
    .record({
      api_key: fc.oneof(fc.constant(ctx.open311Key ?? 'x'.repeat(43)), nasty, text),
      service_code: fc.oneof(fc.constantFrom('layanan.badung-ktp-el', 'kategori.listrik', 'kategori.jalan-kabupaten-kota', 'layanan.tidak-ada'), text),
      description: fc.oneof(fc.constant('KTP-el belum jadi setelah berminggu-minggu menunggu di dinas.'), text),
      attributes: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('applied_on', 'completed_on', 'charged', 'extra_requirements'), text),
          fc.oneof(nasty, text, fc.constantFrom('2026-11-02', '-1000-01-01', 'abc', '1e300', '-5', '50000', `${'baris\u0007\n'.repeat(300)}`)),
        ),
        { maxLength: 5 },
      ),
      extra: fc.array(fc.tuple(fc.constantFrom('lat', 'long', 'email', 'phone', 'first_name', 'jurisdiction_id', 'media_url', '__proto__'), text), {
        maxLength: 3,
      }),
    })
    .map((f) => {
      const form = new URLSearchParams({ api_key: f.api_key, service_code: f.service_code, description: f.description });
      for (const [k, v] of f.attributes) form.append(`attribute[${k}]`, v);
      for (const [k, v] of f.extra) form.append(k, v);
      return form.toString();
    });

/** Case bundles as attackers send them: partial, with null entries, forged links, deep nesting (issue 18). */
const bundleBodies = fc.oneof(
  fc.constantFrom(
    '{"bundle":{"format":"aduan-case-bundle/1"}}',
    '{"bundle":{"format":"aduan-case-bundle/1","complaint":{"trackingId":"AAAAA-BBBBB"},"timeline":[null]}}',
    '{"bundle":{"format":"aduan-case-bundle/1","complaint":{"trackingId":"AAAAA-BBBBB"},"timeline":[{"chain":{"prev":"x"}}]}}',
    '{"bundle":null}',
    '{"bundle":[]}',
    `{"bundle":{"format":"aduan-case-bundle/1","complaint":{"trackingId":"AAAAA-BBBBB","x":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}},"timeline":[]}}`,
    `{"bundle":{"format":"aduan-case-bundle/1","complaint":{"trackingId":"AAAAA-BBBBB"},"timeline":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
  ),
  fc
    .record({
      format: fc.oneof(fc.constant('aduan-case-bundle/1'), text),
      complaint: fc.oneof(jsonValue, fc.record({ trackingId: fc.oneof(text, fc.constant('AAAAA-BBBBB')), timelineHead: fc.option(text) })),
      timeline: fc.oneof(
        jsonValue,
        fc.array(fc.oneof(jsonValue, fc.record({ chain: fc.record({ prev: text, content: text, hash: text }) })), { maxLength: 4 }),
      ),
      signature: fc.option(fc.record({ value: text })),
    })
    .map((bundle) => JSON.stringify({ bundle })),
);

export function hostileRequests(ctx: FuzzContext): fc.Arbitrary<HostileRequest> {
  const ids = fc.oneof(
    { arbitrary: fc.constantFrom(...ctx.complaints.map((c) => c.trackingId)), weight: 4 },
    { arbitrary: text.map((t) => encodeURIComponent(t).slice(0, 200)), weight: 1 },
    { arbitrary: nasty, weight: 1 },
  );
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...Object.values(ctx.staffTokens)).map((t) => `Bearer ${t}`),
    fc.constantFrom(...ctx.complaints.map((c) => c.accessToken)).map((t) => `Bearer ${t}`),
    nasty.map((t) => `Bearer ${t}`),
    text,
  );
  const contentType = fc.oneof(
    fc.constant('application/json'),
    fc.constant('application/problem+json'),
    fc.constant('text/plain'),
    fc.constant(undefined),
    text,
  );
  const route = fc.constantFrom(...HTTP_ROUTES);
  const query = (r: (typeof HTTP_ROUTES)[number]) => {
    const declared = Object.keys(r.input.query?.shape ?? {});
    const name = fc.oneof(
      ...(declared.length ? [fc.constantFrom(...declared)] : []),
      fc.constantFrom('start', 'workingDays', 'regionCode', 'cursor', 'limit', 'year', 'month', '__proto__'),
      text,
    );
    return fc.array(
      fc.tuple(
        name,
        fc.oneof(nasty, text, fc.integer().map(String), fc.constantFrom('2026-03-18T09:00:00+07:00', '5', '51.03', '2026-04', 'escalated', 'agency')),
      ),
      { maxLength: 4 },
    );
  };
  return route.chain((r) =>
    fc
      .record({
        method: fc.oneof({ arbitrary: fc.constant(r.method), weight: 8 }, { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), weight: 1 }),
        id: ids,
        query: query(r),
        authorization,
        contentType: fc.oneof({ arbitrary: fc.constant('application/json'), weight: 6 }, { arbitrary: contentType, weight: 1 }),
        idempotencyKey: fc.option(fc.oneof(fc.uuid(), text), { nil: undefined }),
        body: fc.oneof(
          { arbitrary: validSubmission as fc.Arbitrary<unknown>, weight: 3 },
          { arbitrary: actions as fc.Arbitrary<unknown>, weight: 3 },
          { arbitrary: mutated(validSubmission), weight: 3 },
          { arbitrary: mutated(actions as fc.Arbitrary<Record<string, unknown>>), weight: 3 },
          { arbitrary: jsonValue, weight: 1 },
          {
            arbitrary: fc.constantFrom(
              '{',
              '{"a":',
              'null',
              '"x"',
              '[]',
              '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
              '\u0000',
              `{"title":"${'x'.repeat(70_000)}"}`,
            ),
            weight: 1,
          },
        ),
        rawBody: fc.boolean(),
        routeBody: fc.option(r.path.startsWith('/open311/') ? open311Forms(ctx) : r.path === '/v1/bundles/verify' ? bundleBodies : fc.constant(undefined), {
          nil: undefined,
          freq: 3,
        }),
        suffix: fc.oneof({ arbitrary: fc.constant(''), weight: 12 }, { arbitrary: fc.constantFrom('/', '/x', '%2F..'), weight: 1 }),
      })
      .map((g) => {
        const path = r.path.replace(/\{\w+\}/g, g.id) + g.suffix;
        const search = new URLSearchParams();
        for (const [k, v] of g.query) search.append(k, v);
        const qs = search.toString();
        const headers: Record<string, string> = {};
        if (g.authorization !== undefined) headers.authorization = g.authorization.replace(/[^\t\x20-\x7e]/g, '');
        if (g.contentType !== undefined) headers['content-type'] = g.contentType.replace(/[^\t\x20-\x7e]/g, '');
        if (g.idempotencyKey !== undefined) headers['idempotency-key'] = g.idempotencyKey.replace(/[^\t\x20-\x7e]/g, '');
        let body = g.method === 'GET' ? undefined : typeof g.body === 'string' && g.rawBody ? g.body : JSON.stringify(g.body);
        // Routes whose bodies have their own shape get it (mutated) most of the time.
        if (g.method !== 'GET' && g.routeBody !== undefined && r.path.startsWith('/open311/')) {
          body = g.routeBody;
          if (g.contentType === 'application/json') headers['content-type'] = 'application/x-www-form-urlencoded';
        } else if (g.method !== 'GET' && g.routeBody !== undefined && r.path === '/v1/bundles/verify') body = g.routeBody;
        return { method: g.method, path: `${path}${qs ? `?${qs}` : ''}`, headers, ...(body !== undefined ? { body } : {}) };
      }),
  );
}

export interface FuzzFigures {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: { request: HostileRequest; status: number; body: string }[];
  hangs: HostileRequest[];
  notProblemJson: { request: HostileRequest; status: number; contentType: string }[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  healthAfter: number;
  seconds: number;
}

/** Sends `count` generated requests (`concurrency` at a time) and reports every broken promise. */
/**
 * Every 4xx is problem+json — but Open311 routes answer in the GeoReport specification's own
 * error format (a JSON list or an XML `errors` document of `{ code, description }`).
 */
function inDeclaredErrorFormat(path: string, contentType: string, body: string): boolean {
  if (contentType.startsWith('application/problem+json')) return true;
  if (!path.startsWith('/open311/')) return false;
  if (contentType.startsWith('text/xml'))
    return /<errors>\s*(<error>\s*<code>\d{3}<\/code>\s*<description>[^<]*<\/description>\s*<\/error>\s*)+<\/errors>/.test(body);
  if (!contentType.startsWith('application/json')) return false;
  try {
    const list = JSON.parse(body) as unknown;
    return Array.isArray(list) && list.length > 0 && list.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string');
  } catch {
    return false;
  }
}

export async function runFuzz(api: string, ctx: FuzzContext, opts: { count: number; seed: number; concurrency: number }): Promise<FuzzFigures> {
  const started = Date.now();
  const requests = fc.sample(hostileRequests(ctx), { numRuns: opts.count, seed: opts.seed });
  const figures: FuzzFigures = {
    requests: 0,
    byStatus: {},
    serverErrors: [],
    hangs: [],
    notProblemJson: [],
    p50Ms: 0,
    p99Ms: 0,
    maxMs: 0,
    healthAfter: 0,
    seconds: 0,
  };
  const latencies: number[] = [];
  const longestTimeoutMs = Math.max(...HTTP_ROUTES.map((r) => r.timeoutSeconds)) * 1000;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i] as HostileRequest;
      const t0 = performance.now();
      try {
        const res = await fetch(`${api}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
          // A response later than the slowest function's timeout (plus the gateway's margin) is a hang.
          signal: AbortSignal.timeout(longestTimeoutMs + 2_000),
        });
        const body = await res.text();
        latencies.push(performance.now() - t0);
        figures.requests++;
        figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
        const contentType = res.headers.get('content-type') ?? '';
        if (res.status >= 500) figures.serverErrors.push({ request, status: res.status, body: body.slice(0, 500) });
        else if (res.status >= 400 && !inDeclaredErrorFormat(request.path, contentType, body))
          figures.notProblemJson.push({ request, status: res.status, contentType });
      } catch {
        figures.requests++;
        figures.hangs.push(request);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  figures.p50Ms = at(0.5);
  figures.p99Ms = at(0.99);
  figures.maxMs = Math.round(latencies.at(-1) ?? 0);
  figures.healthAfter = (await fetch(`${api}/v1/health`)).status;
  figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  return figures;
}

/** A few complaints in different states (public, anonymous, confidential; one verified) and every demo user's token. */
export async function seedFuzzContext(
  api: string,
  tokenOf: (username: string) => Promise<string>,
  usernames: string[],
  open311Key?: string,
): Promise<FuzzContext> {
  const staffTokens = Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await tokenOf(u)] as const)));
  const submit = async (over: Record<string, unknown>) => {
    const res = await fetch(`${api}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'COMPLAINT',
        title: 'Jalan berlubang di depan sekolah',
        description: 'Lubang besar di jalan depan SD sudah sebulan dan membahayakan anak-anak.',
        categoryId: 'jalan-kabupaten-kota',
        location: { regionCode: '51.03' },
        anonymous: false,
        confidential: false,
        reporter: { name: 'Made Uji', email: 'made.uji@example.com' },
        ...over,
      }),
    });
    if (res.status !== 201) throw new Error(`seeding a complaint failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { trackingId: string; accessToken: string };
  };
  const complaints = [await submit({}), await submit({ anonymous: true }), await submit({ confidential: true })];
  const verifier = staffTokens.verifikator;
  if (verifier) {
    await fetch(`${api}/v1/complaints/${complaints[0]?.trackingId}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${verifier}` },
      body: JSON.stringify({ action: 'VERIFY', agencyId: 'pemda-51.03' }),
    });
  }
  return { complaints, staffTokens, ...(open311Key ? { open311Key } : {}) };
}
