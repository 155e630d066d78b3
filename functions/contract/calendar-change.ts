import * as z from 'zod/mini';
import { CALENDAR_YEAR_RANGE } from '../core/working-days';
import { singleLine } from './text';

const source = singleLine(300, 3);
const years = `tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`;
const date = z.iso.date({ error: 'YYYY-MM-DD' }).check(
  z.refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= CALENDAR_YEAR_RANGE.min && year <= CALENDAR_YEAR_RANGE.max;
  }, years),
);

/** POST /v1/calendar: an operator adds or cancels a day off (an amended SKB) or declares a year. */
export const calendarChangeSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('ADD_DAY'), date, name: singleLine(200, 3), kind: z.enum(['HOLIDAY', 'COLLECTIVE_LEAVE']), source }),
    z.strictObject({ action: z.literal('CANCEL_DAY'), date, source }),
    z.strictObject({
      action: z.literal('DECLARE_YEAR'),
      year: z.int({ error: years }).check(z.gte(CALENDAR_YEAR_RANGE.min, years), z.lte(CALENDAR_YEAR_RANGE.max, years)),
      source,
    }),
  ],
  { error: 'ADD_DAY, CANCEL_DAY atau DECLARE_YEAR' },
);
