import { hmacCursors } from '../../adapters/hmac-cursors';
import { input } from '../../contract/inputs/list-agencies';
import type { AgenciesOutput } from '../../contract/outputs/agencies';
import { type AgencyLevel, listAgencies } from '../../core/agencies';
import { HttpProblem, httpRoute, json } from '../../shared/http';
import { hmacKeys } from '../../shared/secrets';

const { cursor } = await hmacKeys();
if (!cursor) throw new Error('this function pages: its configuration names no cursor key');
const cursors = hmacCursors(cursor);

export const handler = httpRoute(input, async ({ query }) => {
  const level = query.level as AgencyLevel | undefined;
  // A cursor pages one listing: the same filters it was made for.
  const scope = `agencies|${level ?? ''}|${query.regionCode ?? ''}`;
  let offset = 0;
  if (query.cursor) {
    const opened = cursors.open(scope, query.cursor);
    if (typeof opened !== 'number' || !Number.isInteger(opened) || opened < 0)
      throw new HttpProblem(400, 'Parameter pencarian tidak valid.', [{ field: 'cursor', message: 'kursor tidak valid' }]);
    offset = opened;
  }
  const all = listAgencies({ ...(level ? { level } : {}), ...(query.regionCode ? { regionCode: query.regionCode } : {}) });
  const items = all.slice(offset, offset + query.limit).map((a) => ({
    id: a.id,
    name: a.name,
    level: a.level,
    regionCode: a.regionCode ?? null,
    parentId: a.parentId ?? null,
    timeZone: a.timeZone,
  }));
  const next = offset + query.limit < all.length ? cursors.seal(scope, offset + query.limit) : null;
  return json(200, { items, total: all.length, nextCursor: next } satisfies AgenciesOutput, { 'cache-control': 'public, max-age=300' });
});
