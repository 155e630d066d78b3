import * as z from 'zod/mini';
import { LANGUAGES } from '../core/languages';
import { singleLine } from './text';

const email = z.string().check(z.trim(), z.maxLength(254, 'maksimal 254 karakter'), z.regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, 'alamat email tidak valid'));

/** What an operator may change of an agency's contact (POST /v1/agencies/{agencyId}/contact, or a row of an import). */
export const agencyContactChangeSchema = z.strictObject({
  /** Where its notifications go; `null` returns it to the default `<agencyId>@<domain>`. */
  email: z.optional(z.nullable(email)),
  /** The language its desk reads its mails in (default Indonesian). */
  language: z.optional(z.enum(LANGUAGES, { error: LANGUAGES.join(', ') })),
  active: z.optional(z.boolean()),
  liaisons: z.optional(
    z
      .array(
        z.strictObject({
          name: singleLine(120),
          email: z.optional(email),
          phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()-]{6,20}$/, 'nomor telepon tidak valid'))),
        }),
      )
      .check(z.maxLength(10, 'paling banyak 10 petugas penghubung')),
  ),
});
export type AgencyContactChange = z.output<typeof agencyContactChangeSchema>;
