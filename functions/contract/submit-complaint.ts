import * as z from 'zod/mini';
import { findAgency } from '../core/agencies';
import { findCategory } from '../core/categories';
import { COMPLAINT_TYPES } from '../core/complaint';
import { LANGUAGES } from '../core/labels';
import { resolveRegion } from '../core/regions';
import { CALENDAR_YEAR_RANGE } from '../core/working-days';
import { emailAddress, identifier, multiLine, singleLine } from './text';

// Strict objects: a misspelled `anonymus: true` must be rejected, not silently dropped
// (dropping it would reveal the reporter).
const outsideIndonesia = 'di luar wilayah Indonesia';
const serviceDate = z.iso
  .date({ error: 'format tanggal YYYY-MM-DD' })
  .check(
    z.refine(
      (d) => d >= `${CALENDAR_YEAR_RANGE.min}` && d <= `${CALENDAR_YEAR_RANGE.max}-12-31`,
      `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`,
    ),
  );
const phone = z.string().check(z.trim(), z.regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890 atau +6281234567890'));

export const submitComplaintSchema = z
  .strictObject({
    type: z.enum(COMPLAINT_TYPES, { error: `harus salah satu dari ${COMPLAINT_TYPES.join(', ')}` }),
    title: singleLine(150, 5),
    description: multiLine(5000, 20, 'ceritakan minimal 20 karakter: apa, di mana, kapan'),
    categoryId: identifier().check(z.refine((id) => findCategory(id) !== undefined, 'kategori tidak dikenal (lihat GET /v1/categories)')),
    location: z.strictObject(
      {
        regionCode: z.string({ error: 'wajib diisi: kode wilayah Kemendagri, mis. 51.03' }).check(
          z.minLength(1, 'wajib diisi: kode wilayah Kemendagri, mis. 51.03'),
          z.maxLength(16, 'kode wilayah tidak dikenal'),
          z.refine((code) => resolveRegion(code) !== undefined, 'kode wilayah tidak dikenal (provinsi "51" atau kabupaten/kota "51.03")'),
        ),
        address: z.optional(singleLine(500)),
        latitude: z.optional(z.number().check(z.gte(-11.5, outsideIndonesia), z.lte(6.5, outsideIndonesia))),
        longitude: z.optional(z.number().check(z.gte(94.5, outsideIndonesia), z.lte(141.5, outsideIndonesia))),
      },
      { error: 'wajib diisi: { regionCode, address?, latitude?, longitude? }' },
    ),
    incidentDate: z.optional(z.iso.date({ error: 'format tanggal YYYY-MM-DD' })),
    targetAgencyId: z.optional(
      identifier().check(
        z.refine((id) => {
          const a = findAgency(id);
          return a !== undefined && a.level !== 'OMBUDSMAN';
        }, 'instansi tidak dikenal (lihat GET /v1/agencies)'),
      ),
    ),
    /** The public service it is about (GET /v1/services): routed to its agency, judged by its standard. */
    serviceId: z.optional(identifier('kode layanan')),
    /** The structured questions the service's standard makes checkable. */
    serviceAnswers: z.optional(
      z.strictObject({
        appliedOn: serviceDate,
        completedOn: z.optional(serviceDate),
        charged: z.optional(z.int({ error: 'rupiah, bilangan bulat' }).check(z.gte(0, 'tidak boleh negatif'), z.lte(1_000_000_000, 'terlalu besar'))),
        extraRequirements: z.optional(z.array(singleLine(300)).check(z.maxLength(10, 'paling banyak 10 persyaratan'))),
      }),
    ),
    anonymous: z.boolean({ error: 'wajib diisi: true atau false' }),
    confidential: z.boolean({ error: 'wajib diisi: true atau false' }),
    /** The language the reporter reads: their mails are written in it (default Indonesian). */
    language: z.optional(z.enum(LANGUAGES, { error: `salah satu dari ${LANGUAGES.join(', ')}` })),
    reporter: z.optional(
      z.strictObject({
        name: z.optional(singleLine(100)),
        email: z.optional(emailAddress()),
        phone: z.optional(phone),
      }),
    ),
  })
  .check(
    z.refine((v) => !v.serviceAnswers || v.serviceId !== undefined, { path: ['serviceAnswers'], message: 'isi serviceId: jawaban ini tentang sebuah layanan' }),
    z.refine((v) => !v.serviceAnswers?.completedOn || v.serviceAnswers.completedOn >= v.serviceAnswers.appliedOn, {
      path: ['serviceAnswers', 'completedOn'],
      message: 'tidak boleh sebelum tanggal pengajuan',
    }),
    z.refine((v) => (v.location.latitude === undefined) === (v.location.longitude === undefined), {
      path: ['location', 'latitude'],
      message: 'latitude dan longitude diisi bersama',
    }),
  );

export type SubmitComplaintInput = z.infer<typeof submitComplaintSchema>;
