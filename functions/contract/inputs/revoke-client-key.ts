import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** POST /v1/open311-keys/revocations (operators): a key by its id (as issued), or the leaked key itself. */
export const input = defineInput({
  body: z
    .strictObject({
      keyId: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'id kunci: 64 heksadesimal, seperti saat diterbitkan'))),
      apiKey: z.optional(z.string().check(z.minLength(16, 'kunci aplikasi tidak valid'), z.maxLength(128, 'kunci aplikasi tidak valid'))),
    })
    .check(z.refine((b) => (b.keyId === undefined) !== (b.apiKey === undefined), { path: ['keyId'], message: 'isi salah satu: keyId atau apiKey' })),
});
