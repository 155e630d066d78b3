import * as z from 'zod/mini';
import { provinces } from '../../core/regions';
import { defineInput } from '../route-input';

const PROVINCE_CODES = new Set(provinces.map((p) => p.code));

/** GET /v1/regions: the provinces, or the regencies and cities of one (`?provinceCode=51`) */
export const input = defineInput({
  query: z.strictObject({
    provinceCode: z.optional(
      z.string().check(
        z.maxLength(2, 'kode provinsi Kemendagri, mis. 51'),
        z.refine((c) => PROVINCE_CODES.has(c), 'kode provinsi Kemendagri, mis. 51'),
      ),
    ),
  }),
});
