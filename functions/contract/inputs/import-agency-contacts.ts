import * as z from 'zod/mini';
import { defineInput } from '../route-input';

/** POST /v1/agencies/contacts/imports: `{ "csv": "<the directory spreadsheet exported as CSV>" }` */
export const input = defineInput({
  body: z.strictObject({
    csv: z
      .string({ error: 'isi berkas CSV sebagai teks' })
      .check(z.minLength(1, 'isi berkas CSV sebagai teks'), z.maxLength(500_000, 'maksimal 500.000 karakter')),
  }),
});
