/** A local stand-in for API Gateway: REST (v1) proxy events from the wiring's HTTP routes. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod/mini';
import { VIEWER_ADDRESS_HEADER } from '../lib/constructs/viewer-address';
import { portalHeaders } from '../portal/headers';
import { FunctionTimeout, type LocalFunction } from './lambda';
import type { PortalFiles } from './portal';

const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024; // API Gateway's own limit

interface Route {
  method: string;
  auth: 'public' | 'staff' | 'staff-or-reporter';
  template: string;
  pattern: RegExp;
  params: string[];
  /** The answer the route declares (functions/contract/outputs/), held on every success locally. */
  output?: z.ZodMiniType;
  fn: LocalFunction;
}

export type LocalRoute = (req: IncomingMessage, body: string, url: URL) => Promise<{ status: number; body: unknown } | undefined>;

function compile(template: string) {
  const params: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}/?$`), params };
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': contentType, 'access-control-allow-origin': '*' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const problem = (res: ServerResponse, status: number, title: string, detail: string) =>
  send(res, status, { type: 'about:blank', title, status, detail }, 'application/problem+json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Path parameters as API Gateway hands them to the function (decoded); undefined for a malformed escape like `%ff`. */
function decodePathParameters(names: string[], match: RegExpMatchArray): Record<string, string> | undefined {
  try {
    return Object.fromEntries(names.map((p, i) => [p, decodeURIComponent(match[i + 1] as string)]));
  } catch {
    return undefined;
  }
}

/** Why a successful JSON answer does not match the route's declared output, or undefined when it does. */
function brokenAnswer(output: z.ZodMiniType, result: APIGatewayProxyResult): string | undefined {
  const contentType = Object.entries(result.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (result.statusCode >= 300 || !String(contentType ?? '').includes('application/json') || result.isBase64Encoded) return undefined;
  const checked = output.safeParse(JSON.parse(result.body));
  return checked.success ? undefined : checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export interface Gateway {
  server: Server;
  setReady(ready: boolean): void;
}

export function createGateway(opts: {
  functions: LocalFunction[];
  stage: string;
  localRoutes: LocalRoute;
  onError: (e: unknown) => void;
  /** Verifies a staff ID token; undefined when invalid. */
  staffVerifier: (token: string) => Promise<Record<string, string> | undefined>;
  /** The portal's files, served at `/` beside the API as CloudFront serves them in AWS. */
  portal?: PortalFiles;
  /** The attachment bucket's origin (the S3 emulator), allowed by the CSP. */
  attachmentOrigin: string;
}): Gateway {
  const securityHeaders = portalHeaders(opts.attachmentOrigin);
  const routes: Route[] = [];
  for (const fn of opts.functions) {
    const t = fn.spec.trigger;
    if (t.kind !== 'http') continue;
    routes.push({ method: t.method, auth: t.auth, template: t.path, ...compile(t.path), ...(t.output ? { output: t.output } : {}), fn });
  }
  let ready = false;

  const server = createServer(async (req, res) => {
    // The same security headers as the stack's CloudFront policy, on every answer of this origin.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // What no API route claims is the portal's (CloudFront's default behaviour in AWS).
      const apiPath = url.pathname.startsWith('/v1/') || url.pathname.startsWith('/_local/') || routes.some((r) => r.pattern.test(url.pathname));
      if ((req.method === 'GET' || req.method === 'HEAD') && opts.portal && !apiPath) {
        const file = opts.portal.file(url.pathname);
        if (!file) return problem(res, 404, 'Tidak ditemukan', `Tidak ada berkas ${url.pathname}`);
        res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache', 'content-length': file.body.length });
        return res.end(req.method === 'HEAD' ? undefined : file.body);
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET,POST,OPTIONS',
          'access-control-allow-headers': 'Content-Type,Authorization,Idempotency-Key,X-Device-Token',
        });
        return res.end();
      }
      const body = await readBody(req);
      if (body === undefined) return problem(res, 413, 'Permintaan terlalu besar', 'Isi permintaan melebihi 10 MB.');
      if (url.pathname.startsWith('/_local/')) {
        const out = await opts.localRoutes(req, body, url);
        return out ? send(res, out.status, out.body) : problem(res, 404, 'Tidak ditemukan', `Tidak ada rute lokal ${url.pathname}`);
      }
      // As API Gateway does, a static path segment wins over a {parameter} at the same place.
      const candidates = routes.filter((r) => r.pattern.test(url.pathname)).sort((a, b) => a.params.length - b.params.length);
      if (!candidates.length) return problem(res, 404, 'Tidak ditemukan', `Tidak ada rute ${url.pathname}`);
      const route = candidates.find((r) => r.method === req.method);
      if (!route) return problem(res, 405, 'Metode tidak diizinkan', `${req.method} tidak tersedia untuk ${url.pathname}`);
      if (!ready) return problem(res, 503, 'Belum siap', 'Sistem lokal masih dinyalakan.');
      const match = url.pathname.match(route.pattern) as RegExpMatchArray;
      const pathParameters = decodePathParameters(route.params, match);
      if (!pathParameters) return problem(res, 400, 'Permintaan tidak valid', 'Alamat mengandung kode persen (%) yang tidak valid.');
      const headers: Record<string, string> = {};
      const multiValueHeaders: Record<string, string[]> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const k = req.rawHeaders[i] as string;
        const v = req.rawHeaders[i + 1] as string;
        headers[k] = v;
        multiValueHeaders[k] = [...(multiValueHeaders[k] ?? []), v];
      }
      // As API Gateway does: the address that connected is appended to X-Forwarded-For (the client writes only what comes before).
      const forwardedName = Object.keys(headers).find((k) => k.toLowerCase() === 'x-forwarded-for') ?? 'X-Forwarded-For';
      const peer = req.socket.remoteAddress ?? '127.0.0.1';
      headers[forwardedName] = headers[forwardedName] ? `${headers[forwardedName]}, ${peer}` : peer;
      multiValueHeaders[forwardedName] = [headers[forwardedName]];
      // As the portal's CloudFront Function does: the viewer's address, overwriting whatever the client sent.
      for (const k of Object.keys(headers)) if (k.toLowerCase() === VIEWER_ADDRESS_HEADER) delete headers[k];
      headers[VIEWER_ADDRESS_HEADER] = peer;
      multiValueHeaders[VIEWER_ADDRESS_HEADER] = [peer];
      let authorizer: { claims: Record<string, string> } | null = null;
      if (route.auth === 'staff') {
        const token = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        const claims = token ? await opts.staffVerifier(token) : undefined;
        // API Gateway answers 401 itself; the function never runs.
        if (!claims) return problem(res, 401, 'Perlu masuk', 'Sertakan ID token petugas yang valid: Authorization: Bearer <token>.');
        authorizer = { claims };
      }
      const query = Object.fromEntries(url.searchParams);
      const requestId = randomUUID();
      const event: APIGatewayProxyEvent = {
        resource: route.template,
        path: url.pathname,
        httpMethod: route.method,
        headers,
        multiValueHeaders,
        queryStringParameters: Object.keys(query).length ? query : null,
        multiValueQueryStringParameters: Object.keys(query).length
          ? Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)]))
          : null,
        pathParameters: route.params.length ? pathParameters : null,
        stageVariables: null,
        body: body.length ? body : null,
        isBase64Encoded: false,
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          authorizer,
          protocol: 'HTTP/1.1',
          httpMethod: route.method,
          // Served at the root, as behind a custom domain: the stage is not part of the URL locally.
          path: url.pathname,
          stage: opts.stage,
          requestId,
          requestTimeEpoch: Date.now(),
          resourceId: 'local',
          resourcePath: route.template,
          identity: {
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: req.headers['user-agent'] ?? null,
            accessKey: null,
            accountId: null,
            apiKey: null,
            apiKeyId: null,
            caller: null,
            clientCert: null,
            cognitoAuthenticationProvider: null,
            cognitoAuthenticationType: null,
            cognitoIdentityId: null,
            cognitoIdentityPoolId: null,
            principalOrgId: null,
            user: null,
            userArn: null,
          },
        },
      };
      let result: APIGatewayProxyResult;
      try {
        result = (await route.fn.invoke(event)) as APIGatewayProxyResult;
      } catch (error) {
        opts.onError(error);
        // API Gateway answers 502 when the Lambda integration fails, a timeout ("Task timed out") included.
        return problem(
          res,
          502,
          'Kesalahan server',
          error instanceof FunctionTimeout ? `Fungsi melewati batas waktunya (${route.fn.spec.timeoutSeconds} detik).` : 'Fungsi gagal dijalankan.',
        );
      }
      const broken = route.output && brokenAnswer(route.output, result);
      if (broken) {
        // Locally an answer that breaks its declaration fails loudly, so every test through this
        // gateway also holds the published contract (AWS would pass it on unchecked).
        opts.onError(new Error(`${route.method} ${route.template} answered outside its declared output: ${broken}`));
        return problem(res, 502, 'Kesalahan server', 'Jawaban fungsi tidak sesuai dengan kontrak yang diumumkan.');
      }
      const outHeaders: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
      for (const [k, v] of Object.entries(result.multiValueHeaders ?? {})) outHeaders[k] = v.map(String);
      res.writeHead(result.statusCode, outHeaders);
      res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    } catch (error) {
      opts.onError(error);
      if (!res.headersSent) problem(res, 500, 'Kesalahan server', 'Kesalahan pada gateway lokal.');
      else res.end();
    }
  });
  return { server, setReady: (r) => (ready = r) };
}
