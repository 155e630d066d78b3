import { z } from 'zod';
import { findAgency } from '../core/agencies';
import { findCategory } from '../core/categories';
import { COMPLAINT_TYPES } from '../core/complaint';
import { resolveRegion } from '../core/regions';
import { identifier, multiLine, singleLine } from './text';

// Strict objects: a misspelled `anonymus: true` must be rejected, not silently dropped
// (dropping it would reveal the reporter).
export const submitComplaintSchema = z
  .strictObject({
    type: z.enum(COMPLAINT_TYPES, { error: `harus salah satu dari ${COMPLAINT_TYPES.join(', ')}` }),
    title: singleLine(150, 5),
    description: multiLine(5000, 20, 'ceritakan minimal 20 karakter: apa, di mana, kapan'),
    categoryId: identifier().refine((id) => findCategory(id) !== undefined, 'kategori tidak dikenal (lihat GET /v1/categories)'),
    location: z.strictObject(
      {
        regionCode: z
          .string({ error: 'wajib diisi: kode wilayah Kemendagri, mis. 51.03' })
          .max(16, 'kode wilayah tidak dikenal')
          .refine((code) => resolveRegion(code) !== undefined, 'kode wilayah tidak dikenal (provinsi "51" atau kabupaten/kota "51.03")'),
        address: singleLine(500).optional(),
        latitude: z.number().min(-11.5, 'di luar wilayah Indonesia').max(6.5, 'di luar wilayah Indonesia').optional(),
        longitude: z.number().min(94.5, 'di luar wilayah Indonesia').max(141.5, 'di luar wilayah Indonesia').optional(),
      },
      { error: 'wajib diisi: { regionCode, address?, latitude?, longitude? }' },
    ),
    incidentDate: z.iso.date({ error: 'format tanggal YYYY-MM-DD' }).optional(),
    targetAgencyId: identifier()
      .refine((id) => {
        const a = findAgency(id);
        return a !== undefined && a.level !== 'OMBUDSMAN';
      }, 'instansi tidak dikenal (lihat GET /v1/agencies)')
      .optional(),
    anonymous: z.boolean({ error: 'wajib diisi: true atau false' }),
    confidential: z.boolean({ error: 'wajib diisi: true atau false' }),
    reporter: z
      .strictObject({
        name: singleLine(100).optional(),
        email: z.email('alamat email tidak valid').max(254).optional(),
        phone: z
          .string()
          .trim()
          .regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890 atau +6281234567890')
          .optional(),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.location?.latitude === undefined) !== (v.location?.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['location', 'latitude'], message: 'latitude dan longitude diisi bersama' });
    }
  });

export type SubmitComplaintInput = z.infer<typeof submitComplaintSchema>;
