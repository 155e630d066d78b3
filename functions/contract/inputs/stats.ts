import * as z from 'zod/mini';
import { CALENDAR_YEAR_RANGE } from '../../core/working-days';
import { regionCode } from '../region-param';
import { defineInput, enumParam } from '../route-input';

/** GET /v1/stats */
export const input = defineInput({
  query: z.strictObject({
    month: z.optional(
      z.string().check(
        z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
        z.refine((m) => {
          const year = Number(m.slice(0, 4));
          return year >= CALENDAR_YEAR_RANGE.min && year <= CALENDAR_YEAR_RANGE.max;
        }, `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`),
      ),
    ),
    level: z._default(enumParam(['AGENCY', 'REGION', 'SERVICE']), 'AGENCY'),
    regionCode: z.optional(regionCode),
  }),
});
