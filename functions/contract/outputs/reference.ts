import * as z from 'zod/mini';
import { timeZone } from './shared';

/** A topic a complaint is about, and who handles it. */
export const category = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  covers: z.string(),
  coversEn: z.string(),
  handledBy: z.union([
    z.object({ level: z.literal('REGENCY') }),
    z.object({ level: z.literal('PROVINCE') }),
    z.object({ level: z.literal('NATIONAL'), agencyId: z.string() }),
    z.object({ level: z.literal('MANUAL') }),
  ]),
});

/** GET /v1/categories. */
export const categoriesOutput = z.object({ items: z.array(category) });

/** GET /v1/regions: the provinces, or (with ?provinceCode=) a province's regencies and cities (Kemendagri codes). */
export const regionsOutput = z.union([
  z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), timeZone })) }),
  z.object({ provinceCode: z.string(), items: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['KABUPATEN', 'KOTA']) })) }),
]);

export type Category = z.infer<typeof category>;
export type CategoriesOutput = z.infer<typeof categoriesOutput>;
export type RegionsOutput = z.infer<typeof regionsOutput>;
export type Region = RegionsOutput['items'][number];
