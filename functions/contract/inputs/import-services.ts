import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** POST /v1/services/imports: `{ "csv": "<the spreadsheet exported as CSV>" }` */
export const input = defineInput({
  body: z.strictObject({
    csv: z
      .string({ error: 'isi berkas CSV sebagai teks' })
      .check(z.minLength(1, 'isi berkas CSV sebagai teks'), z.maxLength(200_000, 'maksimal 200.000 karakter')),
  }),
});
