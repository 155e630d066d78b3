import * as z from 'zod/mini';
import { resolveRegion } from '../core/regions';

/** A Kemendagri region code this system knows: a province (`51`) or a regency/city (`51.03`). */
export const regionCode = z.string().check(
  z.maxLength(16, 'kode wilayah Kemendagri, mis. 51.03'),
  z.refine((code) => resolveRegion(code) !== undefined, 'kode wilayah Kemendagri, mis. 51.03'),
);
