import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { fieldErrorsOf, ruleOf } from '../contract/problem';
import type { ParsedInput, RouteInput } from '../contract/route-input';
import { DomainError, type FieldError, type ProblemText } from '../core/errors';
import { logger, metrics, traceInvocation } from './powertools';

export const MAX_BODY_BYTES = 64 * 1024;

const BASE_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** A CSV answer (a spreadsheet's download), with the file name it is saved under. */
export function csv(body: string, fileName: string, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return {
    statusCode: 200,
    headers: { ...BASE_HEADERS, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, ...headers },
    body,
  };
}

const TITLES: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Perlu masuk',
  403: 'Tidak diizinkan',
  404: 'Tidak ditemukan',
  409: 'Konflik',
  413: 'Permintaan terlalu besar',
  415: 'Jenis konten tidak didukung',
  422: 'Permintaan tidak dapat diproses',
  429: 'Terlalu banyak permintaan',
  500: 'Kesalahan server',
};

/** RFC 9457 problem details; `errors` names each bad field; `text` is the detail by its key, to say in any language. */
export function problem(status: number, detail: string, errors: FieldError[] = [], type = 'about:blank', text?: ProblemText): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({ type, title: TITLES[status] ?? 'Error', status, detail, ...(errors.length ? { errors } : {}), ...(text ? { text } : {}) }),
  };
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

const STATUS_OF: Record<DomainError['kind'], number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
};

/** Any error as what the client is told: a status, a message, the bad fields (logged when it is ours). */
export interface Failure {
  status: number;
  message: string;
  errors: FieldError[];
  kind?: DomainError['kind'];
  text?: ProblemText;
}

function failureOf(error: unknown): Failure {
  if (error instanceof HttpProblem) return { status: error.status, message: error.message, errors: error.errors };
  if (error instanceof DomainError)
    return { status: STATUS_OF[error.kind], message: error.message, errors: error.fieldErrors, kind: error.kind, ...(error.text ? { text: error.text } : {}) };
  logger.error('unhandled error', error as Error);
  return { status: 500, message: 'Terjadi kesalahan pada server. Silakan coba lagi; data Anda yang sudah dikonfirmasi tidak hilang.', errors: [] };
}

function toProblem(f: Failure): APIGatewayProxyResult {
  const res = problem(f.status, f.message, f.errors, f.kind ? `urn:aduan:problem:${f.kind.toLowerCase()}` : 'about:blank', f.text);
  if (f.kind === 'UNAUTHORIZED') res.headers = { ...res.headers, 'www-authenticate': 'Bearer' };
  return res;
}

/** The request body as text, size-capped (API Gateway may hand it over base64-encoded). */
function bodyText(event: APIGatewayProxyEvent, maxBytes: number): string {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > maxBytes) throw new HttpProblem(413, `Isi permintaan melebihi ${maxBytes / 1024} KiB.`);
  return text;
}

/** Reads an HTML form body (application/x-www-form-urlencoded): size-capped, one value per name. */
function readFormBody(event: APIGatewayProxyEvent, maxBytes = MAX_BODY_BYTES): Record<string, string> {
  const text = bodyText(event, maxBytes);
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType))
    throw new HttpProblem(415, 'Kirim isi permintaan sebagai application/x-www-form-urlencoded.', [
      { field: 'Content-Type', message: 'harus application/x-www-form-urlencoded' },
    ]);
  const form = new URLSearchParams(text);
  const out: Record<string, string> = {};
  for (const [k, v] of form) {
    if (Object.hasOwn(out, k)) throw new HttpProblem(400, 'Permintaan tidak valid.', [{ field: k, message: 'hanya boleh satu nilai' }]);
    out[k] = v;
  }
  return out;
}

/** Reads a JSON body the way every route must: size-capped, typed, never a 500 for client mistakes. */
function readJsonBody(event: APIGatewayProxyEvent, maxBytes = MAX_BODY_BYTES): unknown {
  const text = bodyText(event, maxBytes);
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'Kirim isi permintaan sebagai application/json.', [{ field: 'Content-Type', message: 'harus application/json' }]);
  }
  if (!text.trim()) throw new HttpProblem(400, 'Isi permintaan kosong.', [{ field: '(body)', message: 'wajib berisi objek JSON' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'Isi permintaan bukan JSON yang valid.', [{ field: '(body)', message: 'JSON tidak valid' }]);
  }
}

/**
 * The network address a request came from: in AWS the viewer address a CloudFront Function wrote
 * into `x-aduan-viewer-address` (no client can set it, and requests that bypass CloudFront are
 * refused by the firewall); else the last entry of X-Forwarded-For (appended by the first AWS
 * hop); else API Gateway's source IP. Never logged (UU PDP).
 */
export function clientAddressOf(event: APIGatewayProxyEvent): string {
  const viewer = header(event, 'x-aduan-viewer-address')?.trim();
  if (viewer) return viewer;
  const hops = (header(event, 'x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? event.requestContext?.identity?.sourceIp ?? 'unknown';
}

export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted && v !== undefined) return v;
  return undefined;
}

export function bearerToken(event: APIGatewayProxyEvent): string | undefined {
  const value = header(event, 'authorization');
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

const headerName = (lower: string) => lower.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** zod issues of one part of the request → field errors (body fields by dotted path, headers by name). */
function issuesOf(part: keyof RouteInput, error: z.core.$ZodError): FieldError[] {
  if (part === 'body') return fieldErrorsOf(error);
  return error.issues.map((issue) => {
    const name = issue.path.length ? String(issue.path[0]) : '';
    const field = part === 'headers' ? headerName(name) : name || `(${part})`;
    return {
      field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : field,
      message: issue.code === 'unrecognized_keys' ? `parameter tidak dikenal: ${issue.keys.join(', ')}` : issue.message,
      ...ruleOf(issue),
    };
  });
}

/**
 * Validates every part of a request against the route's declared inputs (contract/routes.ts):
 * path, query (one value per name), headers and the JSON body. Every bad field is named in one
 * 400; nothing unvalidated reaches the handler.
 */
function parseInput<I extends RouteInput>(input: I, event: APIGatewayProxyEvent): ParsedInput<I> {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = { path: {}, query: {}, headers: {}, body: undefined };
  const parse = (part: keyof RouteInput, schema: z.ZodMiniType | undefined, value: unknown) => {
    if (!schema) return;
    const r = schema.safeParse(value);
    if (r.success) out[part] = r.data;
    else errors.push(...issuesOf(part, r.error));
  };
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {}).filter(([, v]) => (v?.length ?? 0) > 1);
  for (const [name] of repeated) errors.push({ field: name, message: 'hanya boleh satu nilai' });
  parse('path', input.path, event.pathParameters ?? {});
  parse('query', input.query, event.queryStringParameters ?? {});
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  parse('headers', input.headers, headers);
  if (input.body) parse('body', input.body, input.bodyEncoding === 'form' ? readFormBody(event, input.maxBodyBytes) : readJsonBody(event, input.maxBodyBytes));
  if (errors.length) throw new HttpProblem(400, 'Periksa kembali isian permintaan Anda.', dedupeFields(errors));
  return out as ParsedInput<I>;
}

/** One message per field: the first check it failed. */
function dedupeFields(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

type RouteHandler<I extends RouteInput> = (input: ParsedInput<I>, event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The middy chain of every HTTP function: context in logs, inputs validated against the route's
 * declaration, every error mapped to problem+json. The declaration rides on the handler so a test
 * can hold it against lib/wiring.ts.
 */
export function httpRoute<I extends RouteInput>(
  input: I,
  fn: RouteHandler<I>,
  opts: {
    publishesMetrics?: boolean;
    /** How a failure is answered when the route speaks another error format than problem+json (Open311). */
    failureAs?: (failure: Failure, event: APIGatewayProxyEvent) => APIGatewayProxyResult;
  } = {},
) {
  const chain = middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation());
  // Only routes that record metrics flush them (an empty flush would log a warning per request).
  if (opts.publishesMetrics) chain.use(logMetrics(metrics));
  const handler = chain
    .use({
      onError: async (request) => {
        const failure = failureOf(request.error);
        request.response = opts.failureAs ? opts.failureAs(failure, request.event) : toProblem(failure);
      },
    })
    .handler((event, context) => fn(parseInput(input, event), event, context));
  return Object.assign(handler, { input });
}
