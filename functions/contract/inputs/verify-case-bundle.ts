import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** Deepest nesting a bundle may have: an exported one is under 10 levels deep; hostile JSON can be thousands. */
export const MAX_BUNDLE_DEPTH = 32;
/** Most timeline entries a bundle may carry (bounded work per request). */
export const MAX_BUNDLE_ENTRIES = 20_000;

/** How deep a JSON value nests (iterative: a hostile value cannot exhaust the stack here). */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, d);
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'hash SHA-256 (64 heksadesimal)'));

/**
 * An exported case bundle's shape: what verification reads is declared (format, complaint number,
 * every entry's chain link), the rest is covered by the signature. Malformed bundles are a 400
 * naming the field, never a 500.
 */
export const caseBundleSchema = z
  .looseObject({
    format: z.string({ error: 'wajib: format bundel' }).check(z.maxLength(100)),
    complaint: z.looseObject({
      trackingId: z.string({ error: 'wajib: nomor pelacakan' }).check(z.maxLength(32)),
      timelineHead: z.optional(hex64),
    }),
    timeline: z
      .array(
        z.looseObject({
          event: z.optional(z.record(z.string(), z.unknown())),
          chain: z.strictObject({ prev: hex64, content: hex64, hash: hex64 }),
        }),
      )
      .check(z.maxLength(MAX_BUNDLE_ENTRIES, `paling banyak ${MAX_BUNDLE_ENTRIES} entri`)),
    signature: z.optional(z.looseObject({ value: z.string().check(z.maxLength(512)) })),
  })
  .check(z.refine((b) => depthOf(b, MAX_BUNDLE_DEPTH) <= MAX_BUNDLE_DEPTH, `bersarang terlalu dalam (paling dalam ${MAX_BUNDLE_DEPTH} tingkat)`));

/** POST /v1/bundles/verify: `{ "bundle": { … } }` as exported. */
export const input = defineInput({
  body: z.strictObject({ bundle: caseBundleSchema }),
  maxBodyBytes: 2 * 1024 * 1024,
});
