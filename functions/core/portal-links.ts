/**
 * Where a mail's link takes its reader in the portal (portal/src/main.tsx routes). Links never
 * carry an access token: a reporter follows theirs with the token they kept.
 */
const base = (portalUrl: string) => portalUrl.replace(/\/$/, '');

/** The case page an officer, verifier or Ombudsman officer works from (sign-in first). */
export const staffCaseLink = (portalUrl: string, trackingId: string) => `${base(portalUrl)}/#/petugas/kasus/${trackingId}`;

/** The reporter's tracking page (asks for the token when this tab does not hold it). */
export const reporterTrackLink = (portalUrl: string, trackingId: string) => `${base(portalUrl)}/#/lacak/${trackingId}`;

/** A complaint's public page (for one listed publicly; others answer "not found" there). */
export const publicComplaintLink = (portalUrl: string, trackingId: string) => `${base(portalUrl)}/#/laporan/${trackingId}`;

/** The staff sign-in page (a first sign-in with a temporary password asks for a new one there). */
export const staffSignInLink = (portalUrl: string) => `${base(portalUrl)}/#/petugas/masuk`;

/** The staff inbox (sign-in first). */
export const staffInboxLink = (portalUrl: string) => `${base(portalUrl)}/#/petugas`;
