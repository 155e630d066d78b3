import * as z from 'zod/mini';
import { emailAddress } from './text';

/** One person, by the contact they gave (at least one). */
export const personQuery = z
  .strictObject({
    email: z.optional(emailAddress()),
    phone: z.optional(z.string().check(z.regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890'))),
  })
  .check(z.refine((q) => q.email !== undefined || q.phone !== undefined, { message: 'isi email atau phone pemilik data', path: ['email'] }));
