import { z } from 'zod';
import { fieldErrorsOf } from '../../contract/problem';
import { DomainError } from '../../core/errors';
import type { CalendarChange } from '../../core/working-days';
import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, httpHandler, json, readJsonBody } from '../../shared/http';
import { logger } from '../../shared/powertools';

const deps = buildDeps([ENV.tableName]);

const source = z.string({ error: 'sebutkan dasar hukumnya, mis. nomor SKB' }).trim().min(3).max(300);
const schema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('ADD_DAY'),
      date: z.iso.date({ error: 'YYYY-MM-DD' }),
      name: z.string().trim().min(3).max(200),
      kind: z.enum(['HOLIDAY', 'COLLECTIVE_LEAVE']),
      source,
    }),
    z.strictObject({ action: z.literal('CANCEL_DAY'), date: z.iso.date({ error: 'YYYY-MM-DD' }), source }),
    z.strictObject({ action: z.literal('DECLARE_YEAR'), year: z.number().int().min(2000).max(2100), source }),
  ],
  { error: 'ADD_DAY, CANCEL_DAY atau DECLARE_YEAR' },
);

/** POST /v1/calendar (operators): add or cancel a day off, or declare a year's SKB published. */
export const handler = httpHandler(async (event) => {
  const who = staffOf(event);
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat mengubah kalender.');
  const parsed = schema.safeParse(readJsonBody(event));
  if (!parsed.success) throw new HttpProblem(400, 'Periksa kembali perubahan kalender.', fieldErrorsOf(parsed.error));
  const change = { ...parsed.data, at: deps.clock.now().toISOString(), by: who.username } as CalendarChange;
  await deps.calendarStore.record(change);
  logger.info('calendar changed', { change });
  const year = change.action === 'DECLARE_YEAR' ? change.year : Number(change.date.slice(0, 4));
  // This function sees its own change at once; the others within a minute.
  const calendar = await deps.refreshCalendar(true);
  return json(201, { change, year, covered: calendar.isCovered(year), daysOff: calendar.daysOffIn(year) });
});
