/**
 * The inputs of every HTTP route — path, query, headers and body — declared once. lib/wiring.ts
 * attaches each to its route; the handlers validate with the same object (a test holds them
 * together); OpenAPI and the API Gateway request models are generated from them.
 */
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../core/complaint';
import { resolveRegion } from '../core/regions';
import { parseTrackingId } from '../core/tracking-id';
import { CALENDAR_YEAR_RANGE, MAX_WORKING_DAYS, withinCalendarRange } from '../core/working-days';
import { calendarChangeSchema } from './calendar-change';
import { complaintActionSchema } from './complaint-action';
import { cursorParam, defineInput, enumParam, intParam } from './route-input';
import { submitComplaintSchema } from './submit-complaint';

const regionCode = z
  .string()
  .max(16, 'kode wilayah Kemendagri, mis. 51.03')
  .refine((code) => resolveRegion(code) !== undefined, 'kode wilayah Kemendagri, mis. 51.03');

/** A tracking number as people type it (spaces, lower case, missing dash), normalised. */
const trackingId = z
  .string()
  .max(32, 'nomor pelacakan tidak valid')
  .transform((input, ctx) => {
    const parsed = parseTrackingId(input);
    if (parsed.ok) return parsed.trackingId;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

const complaintPath = z.strictObject({ trackingId });

/** One person, by the contact they gave (at least one). */
const personQuery = z
  .strictObject({
    email: z.email('alamat email tidak valid').max(254).optional(),
    phone: z
      .string()
      .regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890')
      .optional(),
  })
  .refine((q) => q.email !== undefined || q.phone !== undefined, { message: 'isi email atau phone pemilik data', path: ['email'] });

export const ROUTE_INPUTS = {
  submitComplaint: defineInput({
    headers: z.object({
      'idempotency-key': z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{16,128}$/, '16–128 karakter acak (mis. UUID)')
        .optional(),
    }),
    body: submitComplaintSchema,
  }),
  getComplaint: defineInput({
    path: complaintPath,
    query: z.strictObject({
      /** The timeline is paged: the newest entries first, `timelineCursor` for older ones. */
      timelineLimit: intParam(1, 200).optional(),
      timelineCursor: cursorParam.optional(),
    }),
  }),
  complaintActions: defineInput({ path: complaintPath, body: complaintActionSchema }),
  inbox: defineInput({
    query: z.strictObject({
      status: z.enum([...COMPLAINT_STATUSES, 'OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'], { error: 'status tidak dikenal' }).optional(),
      view: z.enum(['escalated'], { error: 'hanya "escalated"' }).optional(),
      limit: intParam(1, 100).default(25),
      cursor: cursorParam.optional(),
    }),
  }),
  calendarDeadline: defineInput({
    query: z.strictObject({
      start: z.iso
        .datetime({ offset: true, error: 'instan ISO 8601, mis. 2026-03-18T09:00:00+07:00' })
        .refine((s) => withinCalendarRange(new Date(s)), `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`),
      workingDays: intParam(0, MAX_WORKING_DAYS),
      regionCode,
    }),
  }),
  stats: defineInput({
    query: z.strictObject({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
        .refine((m) => {
          const year = Number(m.slice(0, 4));
          return year >= CALENDAR_YEAR_RANGE.min && year <= CALENDAR_YEAR_RANGE.max;
        }, `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`)
        .optional(),
      level: enumParam(['AGENCY', 'REGION']).default('AGENCY'),
      regionCode: regionCode.optional(),
    }),
  }),
  openApi: defineInput({ query: z.strictObject({}) }),
  calendar: defineInput({ query: z.strictObject({ year: intParam(CALENDAR_YEAR_RANGE.min, CALENDAR_YEAR_RANGE.max).optional() }) }),
  calendarChanges: defineInput({ body: calendarChangeSchema }),
  listCategories: defineInput({ query: z.strictObject({}) }),
  listAgencies: defineInput({
    query: z.strictObject({
      level: enumParam(['NATIONAL', 'PROVINCE', 'REGENCY', 'OMBUDSMAN']).optional(),
      regionCode: regionCode.optional(),
      limit: intParam(1, 200).default(50),
      cursor: cursorParam.optional(),
    }),
  }),
  health: defineInput({ query: z.strictObject({}) }),
  personalData: defineInput({ query: personQuery }),
  erasePersonalData: defineInput({ body: personQuery }),
} as const;
