/**
 * Once a month, each Ombudsman office gets the agencies of its province whose compliance zone
 * moved between the two months before (issue 22). Run by the hourly Ombudsman function: a month is
 * claimed per office before it is mailed, so repeated runs send it once; a month with no change
 * sends nothing.
 */
import { type Agency, listAgencies } from '../core/agencies';
import { mailboxOf } from '../core/agency-contacts';
import { renderZoneChanges, type ZoneChange } from '../core/emails/zone-changes';
import { monthOf, previousMonth } from '../core/monitoring';
import type { ComplaintQueries } from '../core/ports';
import { complianceTable } from './compliance';
import type { Deps } from './deps';

type ZoneDeps = Pick<Deps, 'digests' | 'directory' | 'mailer' | 'portalUrl' | 'agencyEmailDomain' | 'readiness' | 'clock' | 'logger'> & {
  store: Pick<ComplaintQueries, 'stats'>;
};

/** The ledger key of an office's monthly zone mail (apart from its daily digest's). */
const ledgerKey = (office: Agency) => `zones#${office.id}`;

export async function sendZoneChanges(deps: ZoneDeps) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const month = previousMonth(monthOf(at));
  const result = { sent: 0, unchanged: 0, alreadySent: 0, failed: 0 };
  let moved: Promise<Map<string, ZoneChange[]>> | undefined;
  for (const office of listAgencies({ level: 'OMBUDSMAN' })) {
    const key = ledgerKey(office);
    // The month's mail is already out (or found empty): one read, no claim, on every later run.
    if ((await deps.digests.lastWatermark(key)) === month) {
      result.alreadySent++;
      continue;
    }
    if (!(await deps.digests.claim(key, month, at))) {
      result.alreadySent++;
      continue;
    }
    try {
      // Both months' rankings, read once for every office of this run.
      moved ??= zoneChanges(deps, previousMonth(month), month);
      const changes = (await moved).get(office.regionCode ?? '') ?? [];
      if (changes.length) {
        const desk = await mailboxOf(office.id, deps.agencyEmailDomain, (id) => deps.directory.contact(id));
        await deps.mailer.send(desk.address, renderZoneChanges(office, month, changes, deps.portalUrl, desk.language));
      }
      await deps.digests.complete(key, month, { at, watermark: month, count: changes.length });
      if (changes.length) result.sent++;
      else result.unchanged++;
    } catch (error) {
      await deps.digests.release(key, month);
      result.failed++;
      deps.logger.error('zone-change mail failed; the next run retries it', { office: office.id, error: String(error) });
    }
  }
  return result;
}

/** The agencies whose zone differs between two months, by province. */
async function zoneChanges(deps: ZoneDeps, before: string, month: string): Promise<Map<string, ZoneChange[]>> {
  const [then, now] = await Promise.all([
    complianceTable(deps, { period: { from: before, to: before } }),
    complianceTable(deps, { period: { from: month, to: month } }),
  ]);
  const zoneThen = new Map(then.rows.map((r) => [r.agencyId, r.zone]));
  const byProvince = new Map<string, ZoneChange[]>();
  for (const r of now.rows) {
    const from = zoneThen.get(r.agencyId) ?? 'BELUM_DINILAI';
    if (from === r.zone || !r.provinceCode) continue;
    byProvince.set(r.provinceCode, [...(byProvince.get(r.provinceCode) ?? []), { agencyId: r.agencyId, name: r.name, from, to: r.zone, score: r.score }]);
  }
  return byProvince;
}
