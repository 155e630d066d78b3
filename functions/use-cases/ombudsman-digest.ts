import { type Agency, listAgencies } from '../core/agencies';
import { mailboxOf } from '../core/agency-contacts';
import type { Complaint } from '../core/complaint';
import { renderOmbudsmanDigest } from '../core/emails/ombudsman-digest';
import type { ComplaintQueries } from '../core/ports';
import { localDate, localHour } from '../core/working-days';
import type { Deps } from './deps';

const DIGEST_HOUR_LOCAL = 8;

/**
 * One digest a working day per Ombudsman office, listing the flags raised since its last digest.
 * Runs hourly; the first run after 08:00 local on a working day sends it. A day's digest is
 * claimed before sending, so repeated or overlapping runs send it once.
 */
export async function sendOmbudsmanDigests(
  deps: Pick<Deps, 'digests' | 'directory' | 'mailer' | 'portalUrl' | 'agencyEmailDomain' | 'calendar' | 'clock' | 'logger'> & { store: ComplaintQueries },
) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const calendar = await deps.calendar.current();
  const result = { sent: 0, empty: 0, alreadySent: 0, notYet: 0, failed: 0 };
  for (const office of listAgencies({ level: 'OMBUDSMAN' })) {
    try {
      await digestFor(office);
    } catch (error) {
      // One office's failure (its mail bounced, a timeout) must not cost the other offices their digest.
      result.failed++;
      deps.logger.error('ombudsman digest failed; the next run retries it', { office: office.id, error: String(error) });
    }
  }
  return result;

  async function digestFor(office: Agency) {
    const date = localDate(now, office.timeZone);
    if (!calendar.isWorkingDay(date) || localHour(now, office.timeZone) < DIGEST_HOUR_LOCAL) {
      result.notYet++;
      return;
    }
    const since = (await deps.digests.lastWatermark(office.id)) ?? '0000';
    // Every flag since the last digest (paged by the store), never only the first few hundred.
    const flagged = await deps.store.reviewsFlaggedSince(office.id, since, MAX_FLAGS_PER_DIGEST);
    if (!flagged.length) {
      result.empty++;
      return;
    }
    if (!(await deps.digests.claim(office.id, date, at))) {
      result.alreadySent++;
      return;
    }
    // The watermark moves to the newest flag listed, not to "now": a flag raised while this
    // digest was being written, or beyond the cap, comes in the next one.
    // The store lists flags oldest first.
    const watermark = watermarkOf(flagged.at(-1) as Complaint);
    try {
      const desk = await mailboxOf(office.id, deps.agencyEmailDomain, (id) => deps.directory.contact(id));
      await deps.mailer.send(desk.address, renderOmbudsmanDigest(office, date, flagged, deps.portalUrl, desk.language));
      await deps.digests.complete(office.id, date, { at, watermark, count: flagged.length });
      result.sent++;
    } catch (error) {
      await deps.digests.release(office.id, date);
      throw error;
    }
  }
}

/** More flags than this in one office and day are listed in the next digest. */
const MAX_FLAGS_PER_DIGEST = 2_000;

/** The position of a review flag in its office's queue (what `reviewsFlaggedSince` compares with). */
const watermarkOf = (c: Complaint) => `${c.ombudsmanReview?.flaggedAt}#${c.trackingId}`;
