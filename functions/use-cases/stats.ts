import type { StatsItem, StatsOutput } from '../contract/outputs/stats';
import { findAgency } from '../core/agencies';
import { type Counter, medianFromBuckets, monthOf } from '../core/monitoring';
import type { ComplaintQueries, MonthlyFigures } from '../core/ports';
import { resolveRegion } from '../core/regions';
import type { StaffPrincipal } from '../core/staff';
import type { Deps } from './deps';

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
const n = (item: MonthlyFigures['counts'], k: Counter) => Number(item[k] ?? 0);

function figures(item: MonthlyFigures['counts']) {
  const verified = n(item, 'verifiedOnTime') + n(item, 'verifiedLate');
  const followed = n(item, 'firstFollowUpOnTime') + n(item, 'firstFollowUpLate');
  return {
    received: n(item, 'received'),
    assigned: n(item, 'assigned'),
    verifiedOnTimePct: pct(n(item, 'verifiedOnTime'), verified),
    firstFollowUpOnTimePct: pct(n(item, 'firstFollowUpOnTime'), followed),
    firstFollowUps: followed,
    medianWorkingDaysToFirstFollowUp: medianFromBuckets(item),
    openOverdue: n(item, 'openOverdue'),
    misses: n(item, 'misses'),
    escalations: n(item, 'escalations'),
    transfers: n(item, 'transfers'),
    reopenings: n(item, 'reopenings'),
    ombudsmanFlags: n(item, 'ombudsmanFlags'),
    indicators: { prolongedDelay: n(item, 'prolongedDelay'), illegalLevy: n(item, 'illegalLevy'), proceduralDeviation: n(item, 'proceduralDeviation') },
    averageRating: n(item, 'ratingCount') ? Math.round((n(item, 'ratingSum') / n(item, 'ratingCount')) * 100) / 100 : null,
    ratings: n(item, 'ratingCount'),
  };
}

/**
 * A month's counters read at most once per `ttlMs` per function instance: the public figures are
 * cheap to serve however often they are asked for (they are a minute old at most).
 */
export function cachedMonthlyStats(store: Pick<ComplaintQueries, 'stats'>, clock: Deps['clock'], ttlMs = 60_000): Pick<ComplaintQueries, 'stats'> {
  const cache = new Map<string, { at: number; items: Promise<MonthlyFigures[]> }>();
  return {
    stats(month) {
      const now = clock.now().getTime();
      const hit = cache.get(month);
      if (hit && now - hit.at < ttlMs) return hit.items;
      const items = store.stats(month);
      // A failed read is not cached.
      items.catch(() => cache.delete(month));
      if (cache.size > 64) cache.clear();
      cache.set(month, { at: now, items });
      return items;
    },
  };
}

/**
 * Public monitoring figures (aggregates only: no complaint, no identity). An Ombudsman officer
 * gets their province's agencies ranked, most missed deadlines first.
 */
export async function monitoringStats(
  deps: { store: Pick<ComplaintQueries, 'stats'>; clock: Deps['clock'] },
  q: { month?: string | undefined; level: 'AGENCY' | 'REGION' | 'SERVICE'; regionCode?: string | undefined },
  ombudsman?: StaffPrincipal,
) {
  const month = q.month ?? monthOf(deps.clock.now().toISOString());
  const level = q.level.toLowerCase();
  const regionCode = ombudsman?.provinceCode ?? q.regionCode;
  const inRegion = (code: string | undefined) => !regionCode || code === regionCode || Boolean(code?.startsWith(`${regionCode}.`));
  const items = (await deps.store.stats(month))
    .filter(({ scope }) => scope.kind === q.level)
    .flatMap(({ scope, counts: item }): StatsItem[] => {
      if (scope.kind === 'SERVICE') {
        // Per service and standard version: the signal to fix a standard itself.
        const agency = findAgency(scope.agencyId);
        if (regionCode && !inRegion(agency?.regionCode)) return [];
        return [
          {
            service: { id: scope.serviceId, name: scope.name, version: scope.version },
            agency: { id: scope.agencyId, name: agency?.name ?? scope.agencyId },
            ...figures(item),
          },
        ];
      }
      if (scope.kind === 'AGENCY') {
        const agency = findAgency(scope.agencyId);
        if (!agency || !inRegion(agency.regionCode)) return [];
        return [{ agency: { id: agency.id, name: agency.name, level: agency.level, regionCode: agency.regionCode ?? null }, ...figures(item) }];
      }
      const region = resolveRegion(scope.regionCode);
      if (!region || !inRegion(region.code)) return [];
      return [{ region: { code: region.code, name: region.name }, ...figures(item) }];
    });
  if (ombudsman) {
    items.sort((a, b) => b.misses - a.misses || (a.firstFollowUpOnTimePct ?? 101) - (b.firstFollowUpOnTimePct ?? 101));
    return {
      month,
      level,
      ...(ombudsman.provinceCode ? { province: ombudsman.provinceCode } : {}),
      ranked: true,
      items: items.map((x, i) => ({ rank: i + 1, ...x })),
    } satisfies StatsOutput;
  }
  return { month, level, ...(regionCode ? { regionCode } : {}), items } satisfies StatsOutput;
}
