import * as z from 'zod/mini';
import { findAgency } from '../core/agencies';
import { resolveRegion } from '../core/regions';
import { COMPLETION_UNITS, type StandardEnglish } from '../core/services';
import { identifier, multiLine, singleLine } from './text';

const text = (max: number) => multiLine(max, 3, 'minimal 3 karakter');
const list = (label: string) =>
  z.array(singleLine(300, 2)).check(z.minLength(1, `sebutkan minimal satu ${label}`), z.maxLength(40, `paling banyak 40 ${label}`));
const days = z.optional(z.int({ error: 'bilangan bulat 1–60 hari kerja' }).check(z.gte(1, 'minimal 1'), z.lte(60, 'maksimal 60')));

/** The English of a standard's text parts, any of them (core/services.ts STANDARD_TEXTS). */
const standardEnglish = z.strictObject({
  legalBasis: z.optional(text(2000)),
  requirements: z.optional(list('persyaratan')),
  procedure: z.optional(list('langkah prosedur')),
  product: z.optional(text(1000)),
  facilities: z.optional(text(2000)),
  staffCompetence: z.optional(text(2000)),
  internalSupervision: z.optional(text(2000)),
  complaintChannels: z.optional(text(1000)),
  staffCount: z.optional(text(500)),
  serviceGuarantee: z.optional(text(2000)),
  securityGuarantee: z.optional(text(2000)),
  performanceEvaluation: z.optional(text(2000)),
}) satisfies z.ZodMiniType<StandardEnglish>;

/** One version of a standard as an agency's service administrator publishes it (UU 25/2009 Pasal 21). */
export const serviceStandardSchema = z.strictObject({
  decreeNumber: singleLine(120, 3),
  effectiveFrom: z.iso.date({ error: 'tanggal berlaku YYYY-MM-DD' }),
  legalBasis: text(2000),
  requirements: list('persyaratan'),
  procedure: list('langkah prosedur'),
  completionTime: z.strictObject({
    value: z.int({ error: 'bilangan bulat' }).check(z.gte(1, 'minimal 1'), z.lte(100_000, 'terlalu besar')),
    unit: z.enum(COMPLETION_UNITS, { error: 'MINUTES, HOURS atau WORKING_DAYS' }),
  }),
  cost: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('FREE') }),
      z.strictObject({
        kind: z.literal('TARIFF'),
        amount: z.int({ error: 'rupiah, bilangan bulat' }).check(z.gte(1, 'lebih dari 0'), z.lte(1_000_000_000, 'terlalu besar')),
        legalBasis: singleLine(300, 3),
      }),
    ],
    { error: 'FREE atau TARIFF' },
  ),
  product: text(1000),
  facilities: text(2000),
  staffCompetence: text(2000),
  internalSupervision: text(2000),
  complaintHandling: z.strictObject({ channels: text(1000), dispositionWorkingDays: days, followUpWorkingDays: days }),
  staffCount: text(500),
  serviceGuarantee: text(2000),
  securityGuarantee: text(2000),
  performanceEvaluation: text(2000),
  /** Its text parts in English, where the agency gives them. */
  english: z.optional(standardEnglish),
});
export type ServiceStandardInput = z.output<typeof serviceStandardSchema>;

/**
 * The next version of a standard: takes effect today or later (never before the latest). Or,
 * with `correction`, a correction of the version in force (same effective date), with its reason:
 * audited and shown beside the version, so the Ombudsman sees what changed after the fact.
 */
export const publishStandardSchema = z.extend(serviceStandardSchema, {
  correction: z.optional(
    z.strictObject({
      of: z.int({ error: 'nomor versi yang dikoreksi' }).check(z.gte(1, 'nomor versi yang dikoreksi')),
      reason: multiLine(1000, 10, 'jelaskan apa yang dikoreksi dan mengapa (minimal 10 karakter)'),
    }),
  ),
});
export type PublishStandardInput = z.output<typeof publishStandardSchema>;

/** A new service with its first standard. */
export const newServiceSchema = z.strictObject({
  id: identifier().check(z.minLength(3, 'minimal 3 karakter')),
  agencyId: identifier().check(z.refine((id) => findAgency(id) !== undefined && findAgency(id)?.level !== 'OMBUDSMAN', 'instansi tidak dikenal')),
  unit: z.optional(singleLine(200, 3)),
  name: singleLine(200, 3),
  nameEn: z.optional(singleLine(200, 3)),
  regionCodes: z._default(
    z.array(z.string().check(z.refine((c) => resolveRegion(c) !== undefined, 'kode wilayah tidak dikenal'))).check(z.maxLength(50, 'paling banyak 50 wilayah')),
    [],
  ),
  standard: serviceStandardSchema,
});
export type NewServiceInput = z.output<typeof newServiceSchema>;
