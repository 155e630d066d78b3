import * as z from 'zod/mini';
import { timeZone } from './shared';

/** A day the clocks skip: a national holiday or collective leave (cuti bersama). */
const dayOff = z.object({ date: z.string(), name: z.string(), kind: z.enum(['HOLIDAY', 'COLLECTIVE_LEAVE']) });

/** GET /v1/calendar?year=: the year's days off and whether official data covers it. */
export const calendarYearOutput = z.object({
  year: z.number(),
  covered: z.boolean(),
  source: z.nullable(z.string()),
  /** Only for a year without official data: deadlines then skip weekends alone. */
  warning: z.optional(z.string()),
  daysOff: z.array(dayOff),
});

/** POST /v1/calendar: the change as recorded (who, when) and the year it touched, as it now stands. */
export const calendarChangeOutput = z.object({
  change: z.looseObject({ action: z.enum(['ADD_DAY', 'CANCEL_DAY', 'DECLARE_YEAR']), source: z.string(), at: z.string(), by: z.string() }),
  year: z.number(),
  covered: z.boolean(),
  daysOff: z.array(dayOff),
});

/** GET /v1/calendar/deadline: the end of the Nth working day after a start, in the region's zone. */
export const calendarDeadlineOutput = z.object({
  date: z.string(),
  deadline: z.string(),
  timeZone,
  uncoveredYears: z.optional(z.array(z.number())),
});

export type CalendarYearOutput = z.infer<typeof calendarYearOutput>;
export type CalendarChangeOutput = z.infer<typeof calendarChangeOutput>;
export type CalendarDeadlineOutput = z.infer<typeof calendarDeadlineOutput>;
