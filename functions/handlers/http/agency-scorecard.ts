import { scorecardInput as input } from '../../contract/inputs/compliance';
import type { ScorecardOutput } from '../../contract/outputs/compliance';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { csv, httpRoute, json } from '../../shared/http';
import { agencyScorecard, complianceCsv } from '../../use-cases/compliance';
import { cachedMonthlyStats } from '../../use-cases/stats';

const ports = portsFor(NEEDS.AgencyScorecard, {});
const deps = { ...ports, store: cachedMonthlyStats(ports.store, ports.clock) };

/** GET /v1/compliance/{agencyId}: the scorecard of a period, month by month (CSV: its row of the table). */
export const handler = httpRoute(input, async ({ path, query }) => {
  const card = (await agencyScorecard(deps, path.agencyId, query.period)) satisfies ScorecardOutput;
  const cache = { 'cache-control': 'public, max-age=60' };
  if (query.format === 'CSV')
    return csv(
      complianceCsv({ rows: [{ ...card, rank: null, rankInProvince: null }] }),
      `kepatuhan-${card.agencyId}-${query.period.from}-${query.period.to}.csv`,
      cache,
    );
  return json(200, card, cache);
});
