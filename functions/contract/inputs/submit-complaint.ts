import * as z from 'zod/mini';
import { defineInput } from '../route-input';
import { submitComplaintSchema } from '../submit-complaint';

/** POST /v1/complaints */
export const input = defineInput({
  headers: z.object({
    'idempotency-key': z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{16,128}$/, '16–128 karakter acak (mis. UUID)'))),
  }),
  body: submitComplaintSchema,
});
