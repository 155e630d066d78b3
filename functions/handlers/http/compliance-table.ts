import { tableInput as input } from '../../contract/inputs/compliance';
import type { ComplianceTableOutput } from '../../contract/outputs/compliance';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { csv, httpRoute, json } from '../../shared/http';
import { complianceCsv, complianceTable } from '../../use-cases/compliance';
import { cachedMonthlyStats } from '../../use-cases/stats';

const ports = portsFor(NEEDS.ComplianceTable, {});
// Each month's figures are read at most once a minute per instance, however often the ranking is asked for.
const deps = { ...ports, store: cachedMonthlyStats(ports.store, ports.clock) };

/** GET /v1/compliance: every agency scored, zoned and ranked (JSON, or CSV for a spreadsheet). */
export const handler = httpRoute(input, async ({ query }) => {
  const table = (await complianceTable(deps, query)) satisfies ComplianceTableOutput;
  const cache = { 'cache-control': 'public, max-age=60' };
  if (query.format === 'CSV') return csv(complianceCsv(table), `kepatuhan-${query.period.from}-${query.period.to}.csv`, cache);
  return json(200, table, cache);
});
