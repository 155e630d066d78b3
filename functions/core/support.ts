/**
 * "Saya juga mengalami ini": people who share a problem say so on its public page, without an
 * account. One support per device token and complaint, a daily cap per device, and only a count
 * is ever shown — nothing that tells who supported.
 */
import { listedPublicly } from './access';
import type { Complaint } from './complaint';

/** Device tokens a browser makes for itself (random, base64url): what limits support to one per device. */
export const DEVICE_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
/** Supports one device may give in a day, across all complaints (ballot stuffing from one browser). */
export const SUPPORTS_PER_DEVICE_PER_DAY = 20;
/**
 * Supports one network address may give one complaint in a day, whatever device tokens it makes
 * up (a household or an office behind one address stays well under it; a script does not).
 */
export const SUPPORTS_PER_ADDRESS_PER_COMPLAINT_PER_DAY = 5;
/** How long a supporter's record (a device token's hash) is kept: then it is forgotten, the count stays. */
export const SUPPORTER_RECORD_DAYS = 180;

/** What a complaint's page shows: people who said they have the same problem, and reports merged into it. */
export interface SupportCount {
  supporters: number;
  duplicates: number;
}

/**
 * Only what the public can see can be supported, while it is open: HIDDEN for a complaint the
 * public must not learn exists (confidential, unverified, archived), ENDED once it is closed.
 */
export function supportRefusal(c: Complaint): 'HIDDEN' | 'ENDED' | undefined {
  if (!listedPublicly(c)) return 'HIDDEN';
  return c.status === 'CLOSED' ? 'ENDED' : undefined;
}
