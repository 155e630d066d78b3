import { type AgencyLevel, listAgencies } from '../../core/agencies';
import { resolveRegion } from '../../core/regions';
import { HttpProblem, httpHandler, json } from '../../shared/http';

const LEVELS: AgencyLevel[] = ['NATIONAL', 'PROVINCE', 'REGENCY', 'OMBUDSMAN'];
const MAX_LIMIT = 200;

export const handler = httpHandler(async (event) => {
  const q = event.queryStringParameters ?? {};
  const errors = [];
  const level = q.level?.toUpperCase() as AgencyLevel | undefined;
  if (level && !LEVELS.includes(level)) errors.push({ field: 'level', message: `salah satu dari ${LEVELS.join(', ')}` });
  if (q.regionCode && !resolveRegion(q.regionCode)) errors.push({ field: 'regionCode', message: 'kode wilayah tidak dikenal' });
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) errors.push({ field: 'limit', message: `bilangan bulat 1–${MAX_LIMIT}` });
  const offset = q.cursor === undefined ? 0 : Number.parseInt(Buffer.from(q.cursor, 'base64url').toString(), 10);
  if (!Number.isInteger(offset) || offset < 0) errors.push({ field: 'cursor', message: 'kursor tidak valid' });
  if (errors.length) throw new HttpProblem(400, 'Parameter pencarian tidak valid.', errors);

  const all = listAgencies({ ...(level ? { level } : {}), ...(q.regionCode ? { regionCode: q.regionCode } : {}) });
  const items = all.slice(offset, offset + limit).map((a) => ({
    id: a.id,
    name: a.name,
    level: a.level,
    regionCode: a.regionCode ?? null,
    parentId: a.parentId ?? null,
    timeZone: a.timeZone,
  }));
  const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
  return json(200, { items, total: all.length, nextCursor: next }, { 'cache-control': 'public, max-age=300' });
});
