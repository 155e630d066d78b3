/** Staff roles, as Cognito groups. Citizens never have accounts: they hold an access token. */
export const STAFF_GROUPS = {
  VERIFIER: 'verifikator',
  AGENCY_OFFICER: 'petugas-instansi',
  OMBUDSMAN: 'ombudsman',
  OPERATOR: 'operator',
  /** An agency's service administrator: manages that agency's SIPP catalogue only. */
  SERVICE_ADMIN: 'admin-instansi',
} as const;

export type StaffRole = keyof typeof STAFF_GROUPS;

export interface StaffPrincipal {
  kind: 'STAFF';
  username: string;
  roles: StaffRole[];
  /** For agency officers and service administrators: the one agency they act for. */
  agencyId?: string;
  /** For Ombudsman officers: the province they watch. */
  provinceCode?: string;
}

export function rolesFromGroups(groups: string[]): StaffRole[] {
  const byGroup = new Map(Object.entries(STAFF_GROUPS).map(([role, group]) => [group as string, role as StaffRole]));
  return groups.flatMap((g) => {
    const role = byGroup.get(g);
    return role ? [role] : [];
  });
}
