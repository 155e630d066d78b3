import { z } from 'zod';

/** One person, by the contact they gave (at least one). */
export const personQuery = z
  .strictObject({
    email: z.email('alamat email tidak valid').max(254).optional(),
    phone: z
      .string()
      .regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890')
      .optional(),
  })
  .refine((q) => q.email !== undefined || q.phone !== undefined, { message: 'isi email atau phone pemilik data', path: ['email'] });
