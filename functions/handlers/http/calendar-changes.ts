import { input } from '../../contract/inputs/calendar-changes';
import type { CalendarChangeOutput } from '../../contract/outputs/calendar';
import { DomainError } from '../../core/errors';
import type { CalendarChange } from '../../core/working-days';
import { NEEDS } from '../../needs';
import { staffOf } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { logger } from '../../shared/powertools';

const deps = portsFor(NEEDS.CalendarChanges, {});

/** POST /v1/calendar (operators): add or cancel a day off, or declare a year's SKB published. */
export const handler = httpRoute(input, async ({ body }, event) => {
  const who = staffOf(event);
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat mengubah kalender.');
  const change = { ...body, at: deps.clock.now().toISOString(), by: who.username } as CalendarChange;
  await deps.calendarStore.record(change);
  logger.info('calendar changed', { change });
  const year = change.action === 'DECLARE_YEAR' ? change.year : Number(change.date.slice(0, 4));
  // This function sees its own change at once; the others within a minute.
  const calendar = await deps.calendar.current({ fresh: true });
  return json(201, { change, year, covered: calendar.isCovered(year), daysOff: calendar.daysOffIn(year) } satisfies CalendarChangeOutput);
});
