/**
 * "Saya juga mengalami ini" (core/support.ts): one support per device and complaint, capped per
 * device and day and per network address, complaint and day, stored as a random token's hash and
 * the address's keyed hash of the day — never who — and shown only as a count.
 */

import type { SupportOutput } from '../contract/outputs/support';
import { refusal } from '../core/errors';
import type { Complaints, Supports } from '../core/ports';
import { SUPPORTER_RECORD_DAYS, SUPPORTS_PER_ADDRESS_PER_COMPLAINT_PER_DAY, SUPPORTS_PER_DEVICE_PER_DAY, supportRefusal } from '../core/support';
import { complaintNotFound, parseTracking } from './actors';
import type { Deps } from './deps';
import { sha256 } from './hashing';

export async function supportComplaint(
  deps: Pick<Deps, 'clock' | 'contacts'> & { store: Pick<Complaints, 'get'> & Supports },
  trackingIdInput: string,
  deviceToken: string,
  address: string,
) {
  const trackingId = parseTracking(trackingIdInput);
  const stored = await deps.store.get(trackingId);
  const barred = stored ? supportRefusal(stored.complaint) : 'HIDDEN';
  // A confidential or unverified complaint does not exist for the public.
  if (barred === 'HIDDEN') throw complaintNotFound();
  if (barred === 'ENDED') throw refusal('CONFLICT', 'complaintEnded');
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const seconds = Math.floor(now.getTime() / 1000);
  const outcome = await deps.store.addSupport(trackingId, sha256(`device:${deviceToken}`), {
    day,
    perDay: SUPPORTS_PER_DEVICE_PER_DAY,
    // The day's counters are kept two days (TTL), then forgotten; the address only ever as that day's keyed hash.
    expiresAt: seconds + 2 * 86_400,
    source: { hash: deps.contacts.addressOfDay(address, day), perComplaintPerDay: SUPPORTS_PER_ADDRESS_PER_COMPLAINT_PER_DAY },
    supporterExpiresAt: seconds + SUPPORTER_RECORD_DAYS * 86_400,
  });
  if (outcome === 'LIMITED') throw refusal('TOO_MANY_REQUESTS', 'supportLimit');
  return { trackingId, added: outcome === 'ADDED', ...(await deps.store.supportOf(trackingId)) } satisfies SupportOutput;
}
