import { input } from '../../contract/inputs/calendar';
import type { CalendarYearOutput } from '../../contract/outputs/calendar';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';

const deps = portsFor(NEEDS.Calendar, {});

/** GET /v1/calendar?year=2026: the days off the clocks skip, and whether the year has official data. */
export const handler = httpRoute(input, async ({ query }) => {
  const calendar = await deps.calendar.current();
  const year = query.year ?? deps.clock.now().getUTCFullYear();
  const covered = calendar.isCovered(year);
  return json(200, {
    year,
    covered,
    source: calendar.sourceOf(year) ?? null,
    ...(covered ? {} : { warning: `Belum ada data libur resmi untuk ${year}: tenggat dihitung tanpa hari libur nasional.` }),
    daysOff: calendar.daysOffIn(year),
  } satisfies CalendarYearOutput);
});
