import * as z from 'zod/mini';
import { caseBundleSchema } from '../inputs/verify-case-bundle';

/**
 * The tamper-evident record: the signed case bundle (its shape is the one POST /v1/bundles/verify
 * reads back, declared once in inputs/verify-case-bundle.ts), what verifying one finds, the day's
 * signed chain heads and the key that checks them.
 */
// (Checked at run time, not with \`satisfies\`: the bundle carries the stored timeline events as
// they are, interfaces a loose record type does not admit. Every export through the local gateway
// is parsed with it, and POST /v1/bundles/verify reads bundles back with the same schema.)
export const caseBundleOutput = caseBundleSchema;

/** POST /v1/bundles/verify: 200 either way; the answer is the finding. */
export const bundleVerificationOutput = z.object({ valid: z.boolean(), problems: z.array(z.string()) });

/** GET /v1/chain-heads/{day}: the day's signed root; the heads themselves only for the Ombudsman and operators. */
export const chainHeadsOutput = z.object({
  format: z.string(),
  day: z.string(),
  previous: z.string(),
  count: z.number(),
  root: z.string(),
  signature: z.string(),
  heads: z.optional(z.array(z.object({ trackingId: z.string(), head: z.string() }))),
});

/** GET /v1/bundles/public-key */
export const bundlePublicKeyOutput = z.object({ algorithm: z.literal('ECDSA_P256_SHA256'), publicKeyPem: z.string() });

export type BundleVerificationOutput = z.infer<typeof bundleVerificationOutput>;
export type ChainHeadsOutput = z.infer<typeof chainHeadsOutput>;
export type BundlePublicKeyOutput = z.infer<typeof bundlePublicKeyOutput>;
