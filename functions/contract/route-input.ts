/**
 * How a route declares its inputs: one zod schema per part of the request (path, query,
 * headers, body). lib/wiring.ts attaches each route's declaration beside the route; the one
 * middleware (shared/http.ts) validates with it; OpenAPI and the API Gateway models are
 * generated from it.
 *
 * Schemas use `zod/mini`, zod's tree-shakable form: a handler's bundle carries only the checks
 * it uses (~20 KB instead of ~450 KB for the whole classic API), and the portal can load the
 * same schemas in a phone's browser.
 */
import * as z from 'zod/mini';

export interface RouteInput {
  path?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  /** Header names in lower case; other headers pass untouched. */
  headers?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** How the body travels: JSON (every /v1 route) or an HTML form (Open311 GeoReport clients). */
  bodyEncoding?: 'json' | 'form';
  /** A larger body than the usual 64 KiB (a case bundle to verify). */
  maxBodyBytes?: number;
}

export type ParsedInput<I extends RouteInput> = {
  path: I['path'] extends z.ZodMiniObject ? z.output<I['path']> : Record<string, never>;
  query: I['query'] extends z.ZodMiniObject ? z.output<I['query']> : Record<string, never>;
  headers: I['headers'] extends z.ZodMiniObject ? z.output<I['headers']> : Record<string, never>;
  body: I['body'] extends z.ZodMiniType ? z.output<I['body']> : undefined;
};

export const defineInput = <I extends RouteInput>(input: I): I => input;

/** A whole number in a query string, e.g. `?limit=25`. */
export const intParam = (min: number, max: number) => {
  const message = `bilangan bulat ${min}–${max}`;
  return z.pipe(z.string().check(z.regex(/^-?\d{1,9}$/, message)), z.pipe(z.transform(Number), z.int().check(z.gte(min, message), z.lte(max, message))));
};

/** One of a few upper-case words in a query string, matched case-insensitively (`?level=agency`). */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(z.string().check(z.toUpperCase()), z.enum(values, { error: `salah satu dari ${values.join(', ')}` }));

/** Opaque page cursor as it travels: checked for shape here, for its signature where it is read. */
export const cursorParam = z.string().check(z.maxLength(2048, 'kursor tidak valid'), z.regex(/^[A-Za-z0-9_-]+$/, 'kursor tidak valid'));
