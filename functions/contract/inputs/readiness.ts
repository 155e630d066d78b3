import * as z from 'zod/mini';
import { defineInput, enumParam } from '../route-input';

/** GET /v1/agencies/{agencyId}/readiness */
export const agencyInput = defineInput({
  path: z.strictObject({ agencyId: z.string().check(z.regex(/^[a-z0-9.-]{1,64}$/, 'kode instansi tidak valid')) }),
  query: z.strictObject({}),
});

/** GET /v1/readiness */
export const tableInput = defineInput({
  query: z.strictObject({
    provinceCode: z.optional(z.string().check(z.regex(/^\d{2}$/, 'kode provinsi dua angka'))),
    level: z.optional(enumParam(['PROVINCE', 'REGENCY'])),
    ready: z.optional(
      z.pipe(
        z.enum(['true', 'false'], { error: 'true atau false' }),
        z.transform((v) => v === 'true'),
      ),
    ),
  }),
});
