import * as z from 'zod/mini';
import { SCORECARD_FIGURES } from '../../core/compliance';
import { defineInput, enumParam } from '../route-input';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** `YYYY-MM` or `YYYY-MM..YYYY-MM`: whole months, oldest first, twelve at most. */
export const periodParam = z.pipe(
  z.string({ error: 'YYYY-MM atau YYYY-MM..YYYY-MM' }).check(
    z.refine((p) => {
      const [from = '', to = from, ...rest] = p.split('..');
      return !rest.length && MONTH.test(from) && MONTH.test(to) && monthIndex(to) >= monthIndex(from) && monthIndex(to) - monthIndex(from) < 12;
    }, 'YYYY-MM atau YYYY-MM..YYYY-MM (bulan awal dahulu, paling lama 12 bulan)'),
  ),
  z.transform((p) => {
    const [from = p, to = from] = p.split('..');
    return { from, to };
  }),
);

const format = z.optional(enumParam(['JSON', 'CSV']));

/** GET /v1/compliance */
export const tableInput = defineInput({
  query: z.strictObject({
    period: periodParam,
    level: z.optional(enumParam(['NATIONAL', 'PROVINCE', 'REGENCY'])),
    provinceCode: z.optional(z.string().check(z.regex(/^\d{2}$/, 'kode provinsi dua angka'))),
    format,
  }),
});

/** GET /v1/compliance/{agencyId} */
export const scorecardInput = defineInput({
  path: z.strictObject({ agencyId: z.string().check(z.regex(/^[a-z0-9.-]{1,64}$/, 'kode instansi tidak valid')) }),
  query: z.strictObject({ period: periodParam, format }),
});

/** GET /v1/compliance/{agencyId}/complaints (staff) */
export const figureComplaintsInput = defineInput({
  path: scorecardInput.path,
  query: z.strictObject({ period: periodParam, figure: z.enum(SCORECARD_FIGURES, { error: `salah satu dari ${SCORECARD_FIGURES.join(', ')}` }) }),
});

/** GET /v1/compliance/methodology */
export const methodologyInput = defineInput({ query: z.strictObject({ month: z.optional(z.string().check(z.regex(MONTH, 'YYYY-MM'))) }) });
