import type { Actor } from '../../functions/core/access';
import { NATIONAL_POLICY, policyResolver } from '../../functions/core/clocks';
import { officialCalendar } from '../../functions/core/official-calendar';
import type { StaffRole } from '../../functions/core/staff';

/** The people of the core's tests: a verifier, officers of Badung, Bali and Denpasar, the reporter. */
export const staff = (username: string, roles: StaffRole[], extra: { agencyId?: string; provinceCode?: string } = {}): Actor => ({
  kind: 'STAFF',
  principal: { kind: 'STAFF', username, roles, ...extra },
});
export const verifier = staff('verifikator', ['VERIFIER']);
export const badung = staff('petugas-badung', ['AGENCY_OFFICER'], { agencyId: 'pemda-51.03' });
export const bali = staff('petugas-bali', ['AGENCY_OFFICER'], { agencyId: 'pemda-51' });
export const denpasar = staff('petugas-denpasar', ['AGENCY_OFFICER'], { agencyId: 'pemda-51.71' });
export const reporter: Actor = { kind: 'REPORTER' };

export const calendar = officialCalendar();
export const policyFor = policyResolver(NATIONAL_POLICY);
/** The state machine's context at an instant, with the official calendar and the national clocks. */
export const ctx = (iso: string) => ({ now: new Date(iso), calendar, policyFor });
