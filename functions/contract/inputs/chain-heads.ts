import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** GET /v1/chain-heads/{day}: a day's published digest of chain heads (YYYY-MM-DD, UTC). */
export const input = defineInput({
  path: z.strictObject({ day: z.iso.date({ error: 'tanggal YYYY-MM-DD' }) }),
  query: z.strictObject({}),
});
