/**
 * "Saya juga mengalami ini" (core/support.ts): one support per device and complaint, capped per
 * device and day, stored as a random token's hash — never who — and shown only as a count.
 */
import { DomainError, notFound } from '../core/errors';
import { SUPPORTS_PER_DEVICE_PER_DAY, supportRefusal } from '../core/support';
import type { Deps } from './deps';
import { parseTracking } from './get-complaint';
import { sha256 } from './submit-complaint';

export async function supportComplaint(deps: Pick<Deps, 'store' | 'clock'>, trackingIdInput: string, deviceToken: string) {
  const trackingId = parseTracking(trackingIdInput);
  const stored = await deps.store.get(trackingId);
  const refusal = stored ? supportRefusal(stored.complaint) : 'HIDDEN';
  // A confidential or unverified complaint does not exist for the public.
  if (refusal === 'HIDDEN') throw notFound('Laporan tidak ditemukan.');
  if (refusal === 'ENDED') throw new DomainError('CONFLICT', 'Laporan ini sudah selesai.');
  const now = deps.clock.now();
  const outcome = await deps.store.addSupport(trackingId, sha256(`device:${deviceToken}`), {
    day: now.toISOString().slice(0, 10),
    perDay: SUPPORTS_PER_DEVICE_PER_DAY,
    // The day's counter is kept two days (TTL), then forgotten.
    expiresAt: Math.floor(now.getTime() / 1000) + 2 * 86_400,
  });
  if (outcome === 'LIMITED')
    throw new DomainError('TOO_MANY_REQUESTS', `Perangkat ini sudah memberi ${SUPPORTS_PER_DEVICE_PER_DAY} dukungan hari ini. Coba lagi besok.`);
  return { trackingId, added: outcome === 'ADDED', ...(await deps.store.supportOf(trackingId)) };
}
