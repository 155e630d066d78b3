/**
 * An agency's readiness on the in-memory tier (issue 21): computed from what exists, changing as
 * Badung's people, directory entry and catalogue do; who may read which checklist.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../functions/core/staff';
import { updateAgencyContact } from '../../functions/use-cases/agency-directory';
import { agencyReadiness, noteSignIn, readinessTable } from '../../functions/use-cases/readiness';
import { importServices, retireService } from '../../functions/use-cases/service-catalogue';
import { actOnStaff, inviteStaff } from '../../functions/use-cases/staff-accounts';
import { memoryDeps } from '../support/in-memory';

const operator: StaffPrincipal = { kind: 'STAFF', username: 'operator', roles: ['OPERATOR'] };
const admin: StaffPrincipal = { kind: 'STAFF', username: 'niluh', roles: ['SERVICE_ADMIN'], agencyId: 'pemda-51.03' };
const officer: StaffPrincipal = { kind: 'STAFF', username: 'made', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.03' };
const ombudsmanBali: StaffPrincipal = { kind: 'STAFF', username: 'ombudsman-bali', roles: ['OMBUDSMAN'], provinceCode: '51' };
const catalogue = readFileSync(new URL('../../data/services/pemda-51.03.csv', import.meta.url), 'utf8');

const done = async (m: ReturnType<typeof memoryDeps>) =>
  Object.fromEntries((await agencyReadiness(m.deps, operator, 'pemda-51.03')).steps.map((s) => [s.step, s.done]));

describe("Badung's readiness", () => {
  it('moves step by step as its administrator, address, officer, standards and liaison come to exist', async () => {
    const m = memoryDeps();
    const start = await agencyReadiness(m.deps, operator, 'pemda-51.03');
    expect(start).toMatchObject({ ready: false, nextStep: 'ADMINISTRATOR', name: expect.stringContaining('Badung'), provinceCode: '51' });
    expect(start.steps.every((s) => !s.done && s.next)).toBe(true);

    await inviteStaff(m.deps, operator, {
      name: 'Ni Luh',
      email: 'niluh@badungkab.contoh.go.id',
      group: 'admin-instansi',
      agencyId: 'pemda-51.03',
      username: 'niluh',
    });
    // Invited is not yet there: the step is done when the administrator has signed in.
    expect((await done(m)).ADMINISTRATOR).toBe(false);
    await noteSignIn(m.deps, admin);
    expect((await done(m)).ADMINISTRATOR).toBe(true);

    await updateAgencyContact(m.deps, operator, 'pemda-51.03', { email: 'pengaduan@badungkab.contoh.go.id', liaisons: [{ name: 'I Wayan Penghubung' }] });
    expect(await done(m)).toMatchObject({ DESK_ADDRESS: true, LIAISON: true, OFFICER: false });

    await inviteStaff(m.deps, admin, {
      name: 'Made',
      email: 'made@badungkab.contoh.go.id',
      group: 'petugas-instansi',
      agencyId: 'pemda-51.03',
      username: 'made',
    });
    await noteSignIn(m.deps, officer);
    await importServices(m.deps, admin, catalogue);
    const ready = await agencyReadiness(m.deps, admin, 'pemda-51.03');
    expect(ready).toMatchObject({ ready: true });
    expect(ready.nextStep).toBeUndefined();

    // A disabled officer, or a catalogue emptied, takes it back.
    await actOnStaff(m.deps, admin, 'made', { action: 'DISABLE' });
    expect(await agencyReadiness(m.deps, admin, 'pemda-51.03')).toMatchObject({ ready: false, nextStep: 'OFFICER' });
    await actOnStaff(m.deps, admin, 'made', { action: 'ENABLE' });
    await noteSignIn(m.deps, officer);
    expect((await agencyReadiness(m.deps, admin, 'pemda-51.03')).ready).toBe(true);
    const imported = (await m.deps.services.search({ agencyId: 'pemda-51.03' }, { limit: 100 })).items.map((s) => s.id);
    for (const id of imported) await retireService(m.deps, admin, id);
    expect(await agencyReadiness(m.deps, admin, 'pemda-51.03')).toMatchObject({ ready: false, nextStep: 'SERVICE_STANDARDS' });
  });

  it("shows operators every local government with how many of the 552 are ready, an Ombudsman office its province's, an agency its own", async () => {
    const m = memoryDeps();
    await m.deps.readiness.note('pemda-51.03', { administrators: 1, officers: 2, deskEmail: true, liaisons: 1, services: 3 }, '2026-04-06T02:00:00Z');
    const all = await readinessTable(m.deps, operator, {});
    expect(all.summary).toEqual({ localGovernments: 552, ready: 1, shown: 552, readyShown: 1 });
    const bali = await readinessTable(m.deps, ombudsmanBali, {});
    expect(new Set(bali.rows.map((r) => r.provinceCode))).toEqual(new Set(['51']));
    expect(bali.rows.length).toBe(10);
    expect(bali.rows.filter((r) => r.ready).map((r) => r.agencyId)).toEqual(['pemda-51.03']);
    expect((await readinessTable(m.deps, operator, { provinceCode: '51', level: 'REGENCY', ready: false })).rows).toHaveLength(8);
    await expect(readinessTable(m.deps, ombudsmanBali, { provinceCode: '52' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(readinessTable(m.deps, admin, {})).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    expect((await agencyReadiness(m.deps, ombudsmanBali, 'pemda-51.71')).agencyId).toBe('pemda-51.71');
    await expect(agencyReadiness(m.deps, admin, 'pemda-51.71')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(agencyReadiness(m.deps, ombudsmanBali, 'pemda-52')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(agencyReadiness(m.deps, operator, 'tidak-ada')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});
