import { input } from '../../contract/inputs/calendar-deadline';
import type { CalendarDeadlineOutput } from '../../contract/outputs/calendar';
import { resolveRegion } from '../../core/regions';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';

const deps = portsFor(NEEDS.CalendarDeadline, {});

/** The rule every deadline follows: the end of the Nth working day after the start day, in the region's zone. */
export const handler = httpRoute(input, async ({ query }) => {
  const calendar = await deps.calendar.current();
  // The input declaration bounds the start's year and the count, and knows the region.
  const region = resolveRegion(query.regionCode);
  if (!region) throw new Error(`validated region ${query.regionCode} not found`);
  const r = calendar.addWorkingDays(new Date(query.start), query.workingDays, region.province.timeZone);
  return json(200, {
    date: r.date,
    deadline: r.deadline,
    timeZone: r.timeZone,
    ...(r.uncoveredYears.length ? { uncoveredYears: r.uncoveredYears } : {}),
  } satisfies CalendarDeadlineOutput);
});
