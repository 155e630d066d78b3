import { input } from '../../contract/inputs/stats';
import { NEEDS } from '../../needs';
import { callerOf, staffTokenVerifier } from '../../shared/auth';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { cachedMonthlyStats, monitoringStats } from '../../use-cases/stats';

const deps = portsFor(NEEDS.Stats, {});
const verifyStaff = staffTokenVerifier();
const stats = { store: cachedMonthlyStats(deps.store, deps.clock), clock: deps.clock };

/** GET /v1/stats?month=YYYY-MM&level=agency|region&regionCode=51 — public aggregates; Ombudsman officers get a ranking. */
export const handler = httpRoute(input, async ({ query }, event) => {
  const caller = await callerOf(event, verifyStaff);
  const ombudsman = caller.kind === 'STAFF' && caller.principal.roles.includes('OMBUDSMAN') ? caller.principal : undefined;
  const body = await monitoringStats(stats, query, ombudsman);
  return json(200, body, { 'cache-control': ombudsman ? 'private, no-store' : 'public, max-age=60', vary: 'Authorization' });
});
