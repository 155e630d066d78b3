import { z } from 'zod';
import { CALENDAR_YEAR_RANGE } from '../../core/working-days';
import { regionCode } from '../region-param';
import { defineInput, enumParam } from '../route-input';

/** GET /v1/stats */
export const input = defineInput({
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
});
