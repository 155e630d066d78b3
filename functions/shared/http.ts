import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { DomainError, type FieldError } from '../core/errors';
import { logger } from './powertools';

export const MAX_BODY_BYTES = 64 * 1024;

const BASE_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
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
  500: 'Kesalahan server',
};

/** RFC 9457 problem details; `errors` names each bad field. */
export function problem(status: number, detail: string, errors: FieldError[] = [], type = 'about:blank'): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({ type, title: TITLES[status] ?? 'Error', status, detail, ...(errors.length ? { errors } : {}) }),
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
};

export function toProblem(error: unknown): APIGatewayProxyResult {
  if (error instanceof HttpProblem) return problem(error.status, error.message, error.errors);
  if (error instanceof DomainError) {
    const res = problem(STATUS_OF[error.kind], error.message, error.fieldErrors, `urn:aduan:problem:${error.kind.toLowerCase()}`);
    if (error.kind === 'UNAUTHORIZED') res.headers = { ...res.headers, 'www-authenticate': 'Bearer' };
    return res;
  }
  logger.error('unhandled error', error as Error);
  return problem(500, 'Terjadi kesalahan pada server. Silakan coba lagi; data Anda yang sudah dikonfirmasi tidak hilang.');
}

/** Reads a JSON body the way every route must: size-capped, typed, never a 500 for client mistakes. */
export function readJsonBody(event: APIGatewayProxyEvent): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new HttpProblem(413, `Isi permintaan melebihi ${MAX_BODY_BYTES / 1024} KiB.`);
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

type HttpHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** middy chain for every HTTP function: context in logs, every error mapped to problem+json. */
export function httpHandler(fn: HttpHandler) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: async (request) => {
        request.response = toProblem(request.error);
      },
    })
    .handler(fn);
}
