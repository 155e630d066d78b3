import { agencyEmail, listAgencies } from '../core/agencies';
import { renderOmbudsmanDigest } from '../core/emails/ombudsman-digest';
import { localDate, localHour } from '../core/working-days';
import type { Deps } from './deps';

const DIGEST_HOUR_LOCAL = 8;

/**
 * One digest a working day per Ombudsman office, listing the flags raised since its last digest.
 * Runs hourly; the first run after 08:00 local on a working day sends it. A day's digest is
 * claimed before sending, so repeated or overlapping runs send it once.
 */
export async function sendOmbudsmanDigests(deps: Deps) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const result = { sent: 0, empty: 0, alreadySent: 0, notYet: 0 };
  for (const office of listAgencies({ level: 'OMBUDSMAN' })) {
    const date = localDate(now, office.timeZone);
    if (!deps.calendar.isWorkingDay(date) || localHour(now, office.timeZone) < DIGEST_HOUR_LOCAL) {
      result.notYet++;
      continue;
    }
    const since = (await deps.store.lastDigestAt(office.id)) ?? '0000';
    const flagged = await deps.store.reviewsFlaggedSince(office.id, since, 200);
    if (!flagged.length) {
      result.empty++;
      continue;
    }
    if (!(await deps.store.claimDigest(office.id, date, at))) {
      result.alreadySent++;
      continue;
    }
    try {
      await deps.mailer.send(agencyEmail(office.id, deps.agencyEmail), renderOmbudsmanDigest(office, date, flagged, deps.portalUrl));
      await deps.store.completeDigest(office.id, date, at, flagged.length);
      result.sent++;
    } catch (error) {
      await deps.store.releaseDigest(office.id, date);
      throw error;
    }
  }
  return result;
}
