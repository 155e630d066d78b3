/**
 * An agency's readiness (issue 21): its facts kept as staff, directory and catalogue change —
 * each change notes the facts it touches — and read per agency or for every agency at once. Who
 * sees what: operators every agency; an Ombudsman office its province's; an agency's own people
 * their agency's checklist with what to do next.
 */
import { type Agency, findAgency } from '../core/agencies';
import { DomainError, notFound } from '../core/errors';
import type { PagePosition } from '../core/ports';
import { LOCAL_GOVERNMENTS, provinceOf, type Readiness, readinessOf } from '../core/readiness';
import { STAFF_GROUPS, type StaffPrincipal } from '../core/staff';
import type { StaffGroup } from '../core/staff-accounts';
import type { RosterEntry } from '../core/staff-ports';
import type { Deps } from './deps';

type NoteDeps = Pick<Deps, 'readiness' | 'clock'>;

/** The roster's active administrators and officers, as the agency's facts. */
export async function noteStaffFacts(deps: NoteDeps & Pick<Deps, 'staffRecords'>, agencyId: string) {
  const roster = await deps.staffRecords.roster(agencyId);
  const active = (group: StaffGroup) => roster.filter((e) => e.group === group && e.status === 'ACTIVE').length;
  await deps.readiness.note(
    agencyId,
    { administrators: active(STAFF_GROUPS.SERVICE_ADMIN), officers: active(STAFF_GROUPS.AGENCY_OFFICER) },
    deps.clock.now().toISOString(),
  );
}

/** Keeps an account on its agency's roster (and off the one it left), then both agencies' facts. */
export async function syncRoster(
  deps: NoteDeps & Pick<Deps, 'staffRecords'>,
  leftAgencyId: string | undefined,
  account: RosterEntry & { agencyId?: string | undefined },
) {
  if (leftAgencyId && leftAgencyId !== account.agencyId) {
    await deps.staffRecords.leave(leftAgencyId, account.username);
    await noteStaffFacts(deps, leftAgencyId);
  }
  if (account.agencyId) {
    await deps.staffRecords.enrol(account.agencyId, { username: account.username, group: account.group, status: account.status });
    await noteStaffFacts(deps, account.agencyId);
  }
}

/**
 * A successful sign-in: noted (the account list shows it), and an officer or administrator is
 * ACTIVE on their agency's roster from now
 * (the first sign-in after an invitation, or an account created before the roster existed).
 */
export async function noteSignIn(deps: NoteDeps & Pick<Deps, 'staffRecords'>, who: StaffPrincipal) {
  await deps.staffRecords.noteSignIn(who.username, deps.clock.now().toISOString());
  if (!who.agencyId) return;
  const group = who.roles.includes('SERVICE_ADMIN')
    ? STAFF_GROUPS.SERVICE_ADMIN
    : who.roles.includes('AGENCY_OFFICER')
      ? STAFF_GROUPS.AGENCY_OFFICER
      : undefined;
  if (!group) return;
  const entry = (await deps.staffRecords.roster(who.agencyId)).find((e) => e.username === who.username);
  if (entry?.status === 'ACTIVE' && entry.group === group) return;
  await syncRoster(deps, undefined, { username: who.username, group, status: 'ACTIVE', agencyId: who.agencyId });
}

/** The directory's part: an address of its own, and liaisons. */
export async function noteDeskFacts(deps: NoteDeps, agencyId: string, contact: { emailIsDefault: boolean; liaisons: unknown[] }) {
  await deps.readiness.note(agencyId, { deskEmail: !contact.emailIsDefault, liaisons: contact.liaisons.length }, deps.clock.now().toISOString());
}

/** The catalogue's part: the agency's active services (pages of its own services only). */
export async function noteServiceFacts(deps: NoteDeps & Pick<Deps, 'services'>, agencyId: string) {
  let count = 0;
  let after: PagePosition | undefined;
  for (let page = 0; page < 10; page++) {
    const r = await deps.services.search({ agencyId }, { limit: 100, ...(after ? { after } : {}) });
    count += r.items.filter((s) => s.status === 'ACTIVE' && s.agencyId === agencyId).length;
    after = r.next;
    if (!after) break;
  }
  await deps.readiness.note(agencyId, { services: count }, deps.clock.now().toISOString());
}

/** Whether `who` may read this agency's readiness. */
function mayRead(who: StaffPrincipal, agency: Agency): boolean {
  if (who.roles.includes('OPERATOR')) return true;
  if (who.agencyId === agency.id) return true;
  return who.roles.includes('OMBUDSMAN') && !!who.provinceCode && provinceOf(agency) === who.provinceCode;
}

/** GET /v1/agencies/{agencyId}/readiness */
export async function agencyReadiness(deps: Pick<Deps, 'readiness'>, who: StaffPrincipal, agencyId: string): Promise<Readiness> {
  const agency = findAgency(agencyId);
  if (!agency) throw notFound(`Instansi ${agencyId} tidak ada dalam direktori.`);
  if (!mayRead(who, agency)) throw new DomainError('FORBIDDEN', 'Kesiapan instansi ini hanya untuk operator, instansi itu sendiri dan Ombudsman provinsinya.');
  return readinessOf(agency, await deps.readiness.of(agency.id));
}

/**
 * GET /v1/readiness: every local government's checklist (operators; an Ombudsman office, its
 * province's), filterable by province and level, with how many of the 552 are ready.
 */
export async function readinessTable(
  deps: Pick<Deps, 'readiness'>,
  who: StaffPrincipal,
  q: { provinceCode?: string | undefined; level?: 'PROVINCE' | 'REGENCY' | undefined; ready?: boolean | undefined },
) {
  let provinceCode = q.provinceCode;
  if (!who.roles.includes('OPERATOR')) {
    if (!who.roles.includes('OMBUDSMAN') || !who.provinceCode)
      throw new DomainError('FORBIDDEN', 'Tabel kesiapan untuk operator dan Ombudsman; instansi melihat kesiapannya sendiri.');
    if (provinceCode && provinceCode !== who.provinceCode) throw new DomainError('FORBIDDEN', 'Ombudsman melihat kesiapan instansi provinsinya.');
    provinceCode = who.provinceCode;
  }
  const facts = await deps.readiness.all();
  const all = LOCAL_GOVERNMENTS.map((a) => readinessOf(a, facts.get(a.id)));
  const rows = all.filter(
    (r) => (!provinceCode || r.provinceCode === provinceCode) && (!q.level || r.level === q.level) && (q.ready === undefined || r.ready === q.ready),
  );
  return {
    summary: {
      localGovernments: LOCAL_GOVERNMENTS.length,
      ready: all.filter((r) => r.ready).length,
      shown: rows.length,
      readyShown: rows.filter((r) => r.ready).length,
    },
    rows,
  };
}
