/**
 * Use cases that were only tested end to end, now also on the in-memory tier (issue 19): Open311
 * intake and key revocation, the agency directory, and personal data (export and erasure).
 * Seconds, no emulator: the same ports, their fakes held to the real stores by the contract suite.
 */
import { describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../functions/core/staff';
import { importAgencyContacts, readAgencyContact, updateAgencyContact } from '../../functions/use-cases/agency-directory';
import { issueClientKey, open311Submit, revokeClientKey } from '../../functions/use-cases/open311';
import { erasePersonalData, exportPersonalData } from '../../functions/use-cases/personal-data';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { potholeInput } from '../support/complaint-fixture';
import { memoryDeps } from '../support/in-memory';

const operator: StaffPrincipal = { kind: 'STAFF', username: 'operator', roles: ['OPERATOR'] };
const officer: StaffPrincipal = { kind: 'STAFF', username: 'petugas-badung', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.03' };

describe('Open311 on the in-memory tier', () => {
  it('takes a request with a live key, judges its attributes by the JSON schema, and refuses a revoked key', async () => {
    const m = memoryDeps();
    const { apiKey, keyId } = await issueClientKey(m.deps, 'Aplikasi Uji', 'operator');
    const request = {
      api_key: apiKey,
      service_code: 'kategori.listrik',
      jurisdiction_id: '51.03',
      description: 'Listrik padam sejak pagi di seluruh desa kami.',
      attributes: {},
    };
    const [created] = await open311Submit(m.deps, request);
    expect(created?.service_request_id).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    await expect(
      open311Submit(m.deps, { ...request, service_code: 'layanan.badung-ktp-el', attributes: { applied_on: '2026-03-02', charged: '1e300' } }),
    ).rejects.toMatchObject({
      kind: 'VALIDATION',
      fieldErrors: [expect.objectContaining({ field: 'attribute[charged]' })],
    });
    await revokeClientKey(m.deps, { keyId }, 'operator');
    await expect(open311Submit(m.deps, request)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});

describe('the agency directory on the in-memory tier', () => {
  it('lets only operators change an address, audits each change, and imports all rows or none', async () => {
    const m = memoryDeps();
    await expect(readAgencyContact(m.deps, officer, 'pemda-51.03')).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    expect((await readAgencyContact(m.deps, operator, 'pemda-51.03')).email).toBe('pemda-51.03@instansi.example');
    const changed = await updateAgencyContact(m.deps, operator, 'pemda-51.03', { email: 'pengaduan@badungkab.contoh.go.id' });
    expect(changed.email).toBe('pengaduan@badungkab.contoh.go.id');
    const read = await readAgencyContact(m.deps, operator, 'pemda-51.03');
    expect(read.history[0]).toMatchObject({ by: 'operator', via: 'API', after: expect.objectContaining({ email: 'pengaduan@badungkab.contoh.go.id' }) });
    const bad = await importAgencyContacts(
      m.deps,
      operator,
      'agencyId,email,active,liaisons\npemda-51.71,ok@contoh.go.id,true,\ntidak-ada,x@contoh.go.id,true,',
    ).catch((e) => e);
    expect(bad).toMatchObject({ kind: 'VALIDATION', fieldErrors: [expect.objectContaining({ field: 'rows.2.agencyId' })] });
    expect((await readAgencyContact(m.deps, operator, 'pemda-51.71')).email).toBe('pemda-51.71@instansi.example');
  });
});

describe('personal data on the in-memory tier', () => {
  it('exports one person’s complaints to operators only, on the record, and erases their identity everywhere', async () => {
    const m = memoryDeps();
    const submission = potholeInput({ reporter: { name: 'Made Data', email: 'made.data@example.com' } });
    const a = await submitComplaint(m.deps, submission);
    const b = await submitComplaint(m.deps, submission);
    await expect(exportPersonalData(m.deps, officer, { email: 'made.data@example.com' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    const exported = await exportPersonalData(m.deps, operator, { email: 'MADE.DATA@example.com ' });
    expect(exported.complaints.map((c) => c.trackingId).sort()).toEqual([a.trackingId, b.trackingId].sort());
    expect(exported.complaints[0]).toMatchObject({ identity: { name: 'Made Data' }, attachments: [] });
    expect((await m.store.timeline(a.trackingId)).some((e) => e.type === 'IDENTITY_READ')).toBe(true);
    const erased = await erasePersonalData(m.deps, operator, { email: 'made.data@example.com' });
    expect(erased.count).toBe(2);
    expect(await m.store.getReporter(a.trackingId)).toBeUndefined();
    expect((await exportPersonalData(m.deps, operator, { email: 'made.data@example.com' })).complaints).toEqual([]);
  });
});
