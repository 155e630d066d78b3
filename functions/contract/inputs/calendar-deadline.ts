import * as z from 'zod/mini';
import { CALENDAR_YEAR_RANGE, MAX_WORKING_DAYS, withinCalendarRange } from '../../core/working-days';
import { regionCode } from '../region-param';
import { defineInput, intParam } from '../route-input';

/** GET /v1/calendar/deadline */
export const input = defineInput({
  query: z.strictObject({
    start: z.iso
      .datetime({ offset: true, error: 'instan ISO 8601, mis. 2026-03-18T09:00:00+07:00' })
      .check(z.refine((s) => withinCalendarRange(new Date(s)), `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`)),
    workingDays: intParam(0, MAX_WORKING_DAYS),
    regionCode,
  }),
});
