import { resolveRegion } from '../../core/regions';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, httpHandler, json } from '../../shared/http';

const deps = buildDeps([ENV.tableName]);

/** The rule every deadline follows: the end of the Nth working day after the start day, in the region's zone. */
export const handler = httpHandler(async (event) => {
  const calendar = await deps.refreshCalendar();
  const q = event.queryStringParameters ?? {};
  const errors = [];
  const start = q.start ? new Date(q.start) : undefined;
  if (!start || Number.isNaN(start.getTime()) || !/T/.test(q.start ?? ''))
    errors.push({ field: 'start', message: 'instan ISO 8601, mis. 2026-03-18T09:00:00+07:00' });
  const workingDays = Number(q.workingDays);
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > 365) errors.push({ field: 'workingDays', message: 'bilangan bulat 0–365' });
  const region = q.regionCode ? resolveRegion(q.regionCode) : undefined;
  if (!region) errors.push({ field: 'regionCode', message: 'kode wilayah Kemendagri, mis. 51.03' });
  if (errors.length || !start || !region) throw new HttpProblem(400, 'Parameter tidak valid.', errors);
  const r = calendar.addWorkingDays(start, workingDays, region.province.timeZone);
  return json(200, { date: r.date, deadline: r.deadline, timeZone: r.timeZone, ...(r.uncoveredYears.length ? { uncoveredYears: r.uncoveredYears } : {}) });
});
