import { staffOf } from '../../shared/auth';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, httpHandler, json } from '../../shared/http';
import { inbox } from '../../use-cases/inbox';

const deps = buildDeps([ENV.tableName]);

export const handler = httpHandler(async (event) => {
  await deps.refreshCalendar();
  const who = staffOf(event);
  const q = event.queryStringParameters ?? {};
  const limit = q.limit === undefined ? 25 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new HttpProblem(400, 'Parameter tidak valid.', [{ field: 'limit', message: 'bilangan bulat 1–100' }]);
  return json(
    200,
    await inbox(deps, who, {
      limit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      ...(q.view ? { view: q.view } : {}),
    }),
  );
});
