import { timingSafeEqual } from 'node:crypto';
import { notFound, validationError } from '../core/errors';
import { parseTrackingId } from '../core/tracking-id';
import { publicView, reporterView } from '../core/views';
import type { Deps } from './deps';
import { sha256 } from './submit-complaint';

const NOT_FOUND = 'Laporan tidak ditemukan. Periksa nomor pelacakan Anda.';

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The reporter (with the access token) sees everything; others see the public view or 404. */
export async function getComplaint(deps: Pick<Deps, 'store' | 'calendar' | 'clock'>, trackingIdInput: string, accessToken: string | undefined) {
  const parsed = parseTrackingId(trackingIdInput);
  if (!parsed.ok) throw validationError([{ field: 'trackingId', message: parsed.reason }], 'Nomor pelacakan tidak valid');
  const stored = await deps.store.get(parsed.trackingId);
  if (!stored) throw notFound(NOT_FOUND);
  const now = deps.clock.now();
  const tokenHash = accessToken ? sha256(accessToken) : undefined;
  const isReporter = tokenHash !== undefined && stored.accessTokenHashes.some((h) => sameHash(h, tokenHash));
  const c = stored.complaint;
  if (isReporter) {
    const [reporter, events] = await Promise.all([
      c.hasReporterIdentity ? deps.store.getReporter(c.trackingId) : Promise.resolve(undefined),
      deps.store.timeline(c.trackingId),
    ]);
    return reporterView(c, reporter, events, deps.calendar, now);
  }
  // A confidential complaint does not exist for anyone without its token.
  if (c.confidential) throw notFound(NOT_FOUND);
  return publicView(c, await deps.store.timeline(c.trackingId), deps.calendar, now);
}
