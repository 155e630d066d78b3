/**
 * How a route declares its inputs: one zod schema per part of the request (path, query,
 * headers, body). lib/wiring.ts attaches each route's declaration beside the route; the one
 * middleware (shared/http.ts) validates with it; OpenAPI and the API Gateway models are
 * generated from it.
 */
import { z } from 'zod';

export interface RouteInput {
  path?: z.ZodObject;
  query?: z.ZodObject;
  /** Header names in lower case; other headers pass untouched. */
  headers?: z.ZodObject;
  body?: z.ZodType;
}

export type ParsedInput<I extends RouteInput> = {
  path: I['path'] extends z.ZodObject ? z.output<I['path']> : Record<string, never>;
  query: I['query'] extends z.ZodObject ? z.output<I['query']> : Record<string, never>;
  headers: I['headers'] extends z.ZodObject ? z.output<I['headers']> : Record<string, never>;
  body: I['body'] extends z.ZodType ? z.output<I['body']> : undefined;
};

export const defineInput = <I extends RouteInput>(input: I): I => input;

/** A whole number in a query string, e.g. `?limit=25`. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,9}$/, `bilangan bulat ${min}–${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `bilangan bulat ${min}–${max}`).max(max, `bilangan bulat ${min}–${max}`));

/** One of a few upper-case words in a query string, matched case-insensitively (`?level=agency`). */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(values, { error: `salah satu dari ${values.join(', ')}` }));

/** Opaque page cursor as it travels: checked for shape here, for its signature where it is read. */
export const cursorParam = z
  .string()
  .max(2048, 'kursor tidak valid')
  .regex(/^[A-Za-z0-9_-]+$/, 'kursor tidak valid');
