/**
 * The staff session: the ID token lives in sessionStorage (this tab only, gone when it closes),
 * never in localStorage or a cookie. Reporters' access tokens are kept the same way, per
 * complaint, only after they open their personal link or type the token.
 */
import type * as z from 'zod/mini';
import type { staffPrincipal } from '../../functions/contract/outputs/session';

/** The signed-in officer as the API describes them (POST /v1/sessions). */
export type StaffPrincipal = z.infer<typeof staffPrincipal>;

export interface StaffSession {
  idToken: string;
  expiresAt: number;
  staff: StaffPrincipal;
}

const STAFF_KEY = 'aduan.staff';
const reporterKey = (trackingId: string) => `aduan.reporter.${trackingId}`;

export function staffSession(): StaffSession | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(STAFF_KEY) ?? 'null') as StaffSession | null;
    if (!s || s.expiresAt <= Date.now()) {
      sessionStorage.removeItem(STAFF_KEY);
      return undefined;
    }
    return s;
  } catch {
    return undefined;
  }
}

export function startStaffSession(idToken: string, expiresIn: number, staff: StaffPrincipal): void {
  // A minute early, so a page never starts a request with a token about to expire.
  sessionStorage.setItem(STAFF_KEY, JSON.stringify({ idToken, expiresAt: Date.now() + (expiresIn - 60) * 1000, staff }));
}

export const endStaffSession = () => sessionStorage.removeItem(STAFF_KEY);

export const reporterToken = (trackingId: string) => sessionStorage.getItem(reporterKey(trackingId)) ?? undefined;
export const keepReporterToken = (trackingId: string, token: string) => sessionStorage.setItem(reporterKey(trackingId), token);
export const forgetReporterToken = (trackingId: string) => sessionStorage.removeItem(reporterKey(trackingId));
