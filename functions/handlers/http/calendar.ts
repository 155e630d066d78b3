import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, httpHandler, json } from '../../shared/http';

const deps = buildDeps([ENV.tableName]);

/** GET /v1/calendar?year=2026: the days off the clocks skip, and whether the year has official data. */
export const handler = httpHandler(async (event) => {
  const calendar = await deps.refreshCalendar();
  const raw = event.queryStringParameters?.year;
  const year = raw === undefined ? deps.clock.now().getUTCFullYear() : Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new HttpProblem(400, 'Parameter tidak valid.', [{ field: 'year', message: 'tahun 2000–2100' }]);
  const covered = calendar.isCovered(year);
  return json(200, {
    year,
    covered,
    source: calendar.sourceOf(year) ?? null,
    ...(covered ? {} : { warning: `Belum ada data libur resmi untuk ${year}: tenggat dihitung tanpa hari libur nasional.` }),
    daysOff: calendar.daysOffIn(year),
  });
});
