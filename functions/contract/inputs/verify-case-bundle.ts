import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** POST /v1/bundles/verify: `{ "bundle": { … } }` as exported (its shape is checked by the verification itself). */
export const input = defineInput({
  body: z.strictObject({ bundle: z.record(z.string(), z.unknown()) }),
  maxBodyBytes: 2 * 1024 * 1024,
});
