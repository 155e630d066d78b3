import { input } from '../../contract/inputs/list-regions';
import type { RegionsOutput } from '../../contract/outputs/reference';
import { provinces, regencies } from '../../core/regions';
import { httpRoute, json } from '../../shared/http';

const provinceList = { items: provinces.map((p) => ({ code: p.code, name: p.name, timeZone: p.timeZone })) } satisfies RegionsOutput;

/** Kemendagri codes and names, for the portal's province → regency/city picker. */
export const handler = httpRoute(input, async ({ query }) => {
  const body = query.provinceCode
    ? {
        provinceCode: query.provinceCode,
        items: regencies.filter((r) => r.provinceCode === query.provinceCode).map((r) => ({ code: r.code, name: r.name, kind: r.kind })),
      }
    : provinceList;
  return json(200, body satisfies RegionsOutput, { 'cache-control': 'public, max-age=86400' });
});
