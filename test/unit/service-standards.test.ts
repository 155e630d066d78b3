/**
 * SIPP (issue 11): the catalogue's rules on in-memory ports, and complaints judged against the
 * standard in force — the indicators, the clocks, the routing, the Ombudsman flag, the figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../functions/contract/problem';
import { type NewServiceInput, publishStandardSchema } from '../../functions/contract/service-standard';
import { message, type RecordText } from '../../functions/core/languages';
import { officialCalendar } from '../../functions/core/official-calendar';
import { maladministrationIndicators, type ServiceStandard, standardInForce } from '../../functions/core/services';
import type { StaffPrincipal } from '../../functions/core/staff';
import { getComplaint } from '../../functions/use-cases/get-complaint';
import { open311ServiceDefinition } from '../../functions/use-cases/open311';
import { routeComplaint } from '../../functions/use-cases/route-complaint';
import { createServices, importServices, publishStandard, readService, retireService, searchServices } from '../../functions/use-cases/service-catalogue';
import { monitoringStats } from '../../functions/use-cases/stats';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { memoryDeps } from '../support/in-memory';

const calendar = officialCalendar();
const admin: StaffPrincipal = { kind: 'STAFF', username: 'admin-badung', roles: ['SERVICE_ADMIN'], agencyId: 'pemda-51.03' };
const otherAdmin: StaffPrincipal = { kind: 'STAFF', username: 'admin-denpasar', roles: ['SERVICE_ADMIN'], agencyId: 'pemda-51.71' };
const officer: StaffPrincipal = { kind: 'STAFF', username: 'petugas-badung', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.03' };
const ombudsman = {
  kind: 'STAFF' as const,
  principal: { kind: 'STAFF' as const, username: 'ombudsman-bali', roles: ['OMBUDSMAN' as const], provinceCode: '51' },
};

const ktp = (over: Partial<ServiceStandard> = {}): ServiceStandard => ({
  version: 1,
  decreeNumber: '470/1123/2025',
  effectiveFrom: '2025-07-01',
  publishedAt: '2025-06-20T00:00:00Z',
  publishedBy: 'admin-badung',
  legalBasis: 'UU 24/2013',
  requirements: ['Fotokopi Kartu Keluarga'],
  procedure: ['Rekam', 'Cetak'],
  completionTime: { value: 1, unit: 'WORKING_DAYS' },
  cost: { kind: 'FREE' },
  product: 'KTP-el',
  facilities: 'Ruang tunggu',
  staffCompetence: 'Terlatih',
  internalSupervision: 'Kepala bidang',
  complaintHandling: { channels: 'LAPOR!', followUpWorkingDays: 3 },
  staffCount: '12',
  serviceGuarantee: 'Tepat waktu',
  securityGuarantee: 'Gratis',
  performanceEvaluation: 'SKM',
  ...over,
});

describe('maladministration indicators', () => {
  it('finds prolonged delay and an illegal levy in “KTP-el selesai 14 hari, dikenakan biaya Rp50.000” against “1 hari, tanpa biaya”', () => {
    // Applied Monday 2 November 2026; ready Friday 20 November: 14 working days later.
    const found = maladministrationIndicators(ktp(), { appliedOn: '2026-11-02', completedOn: '2026-11-20', charged: 50_000 }, '2026-11-23', calendar);
    expect(found.map((i) => i.kind)).toEqual(['PROLONGED_DELAY', 'ILLEGAL_LEVY']);
    expect(found[0]).toMatchObject({ standard: 'Waktu penyelesaian 1 hari kerja (SK 470/1123/2025)', reported: expect.stringContaining('14 hari kerja') });
    expect(found[1]).toMatchObject({ standard: expect.stringContaining('tanpa biaya'), reported: 'Dikenakan biaya Rp50.000' });
    // The same sentences read in English from their keys (issue 23).
    const english = (r?: RecordText) => message('en', 'record', r?.key ?? 'indicator.charged', r?.params);
    expect(english(found[0]?.text?.standard)).toBe('Completion time 1 working day(s) (decree 470/1123/2025)');
    expect(english(found[0]?.text?.reported)).toBe('Completed after 14 working days (applied on 2026-11-02)');
    expect(english(found[1]?.text?.standard)).toBe('Cost: free of charge (decree 470/1123/2025)');
  });

  it('judges a tariff, hours, extra requirements and a service still awaited', () => {
    const pbg = ktp({ completionTime: { value: 28, unit: 'WORKING_DAYS' }, cost: { kind: 'TARIFF', amount: 2_500_000, legalBasis: 'Perda 1/2024' } });
    expect(maladministrationIndicators(pbg, { appliedOn: '2026-10-01', charged: 2_500_000 }, '2026-10-20', calendar)).toEqual([]);
    expect(maladministrationIndicators(pbg, { appliedOn: '2026-10-01', charged: 3_000_000 }, '2026-10-20', calendar).map((i) => i.kind)).toEqual([
      'ILLEGAL_LEVY',
    ]);
    // Still waiting 40 working days later: counted up to the submission day.
    expect(maladministrationIndicators(pbg, { appliedOn: '2026-08-03' }, '2026-10-01', calendar).map((i) => i.kind)).toEqual(['PROLONGED_DELAY']);
    const clinic = ktp({ completionTime: { value: 60, unit: 'MINUTES' } });
    expect(maladministrationIndicators(clinic, { appliedOn: '2026-10-01', completedOn: '2026-10-01' }, '2026-10-02', calendar)).toEqual([]);
    expect(maladministrationIndicators(clinic, { appliedOn: '2026-10-01', completedOn: '2026-10-03' }, '2026-10-05', calendar).map((i) => i.kind)).toEqual([
      'PROLONGED_DELAY',
    ]);
    const extra = maladministrationIndicators(
      ktp(),
      { appliedOn: '2026-10-01', completedOn: '2026-10-02', extraRequirements: ['fotokopi kartu keluarga', 'Surat pengantar RT'] },
      '2026-10-05',
      calendar,
    );
    expect(extra).toEqual([expect.objectContaining({ kind: 'PROCEDURAL_DEVIATION', reported: 'Diminta persyaratan tambahan: Surat pengantar RT' })]);
  });

  it('uses the standard in force the day the service was applied for', () => {
    const versions = [ktp(), ktp({ version: 2, effectiveFrom: '2026-09-01', completionTime: { value: 3, unit: 'WORKING_DAYS' } })];
    expect(standardInForce(versions, '2026-08-31')?.version).toBe(1);
    expect(standardInForce(versions, '2026-09-01')?.version).toBe(2);
    expect(standardInForce(versions, '2025-06-30')).toBeUndefined();
  });
});

const newKtp = (over: Partial<NewServiceInput> = {}): NewServiceInput => {
  const { version: _v, publishedAt: _p, publishedBy: _b, ...standard } = ktp();
  return { id: 'badung-ktp-el', agencyId: 'pemda-51.03', name: 'Penerbitan KTP-el', regionCodes: ['51.03'], standard, ...over };
};

describe('the catalogue', () => {
  it('lets an agency’s service administrator create, version and retire only its own services', async () => {
    const { deps } = memoryDeps();
    await expect(createServices(deps, otherAdmin, [newKtp()])).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(createServices(deps, officer, [newKtp()])).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await createServices(deps, admin, [newKtp()]);
    await expect(createServices(deps, admin, [newKtp()])).rejects.toMatchObject({ kind: 'CONFLICT' });
    // Open311 defines a SIPP service by the answers its standard makes checkable.
    const definition = await open311ServiceDefinition(deps, 'layanan.badung-ktp-el');
    expect(definition.attributes.map((a) => a.code)).toEqual(expect.arrayContaining(['applied_on', 'charged']));
    const { standard } = newKtp();
    await expect(publishStandard(deps, otherAdmin, 'badung-ktp-el', standard)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(publishStandard(deps, admin, 'badung-ktp-el', { ...standard, effectiveFrom: '2025-01-01' })).rejects.toMatchObject({ kind: 'VALIDATION' });
    const v2 = await publishStandard(deps, admin, 'badung-ktp-el', { ...standard, effectiveFrom: '2026-09-01', decreeNumber: '470/2000/2026' });
    expect(v2).toMatchObject({ currentVersion: 2, standard: { version: 2, decreeNumber: '470/2000/2026' } });
    expect((await readService(deps, 'badung-ktp-el', 1)).standard.decreeNumber).toBe('470/1123/2025');
    expect((await readService(deps, 'badung-ktp-el')).versions.map((v) => v.version)).toEqual([1, 2]);
    await retireService(deps, admin, 'badung-ktp-el');
    expect((await searchServices(deps, { q: 'ktp' }, { limit: 10 })).items).toEqual([]);
    expect((await readService(deps, 'badung-ktp-el')).status).toBe('RETIRED');
    await expect(open311ServiceDefinition(deps, 'layanan.badung-ktp-el')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('never backdates a standard: a new version takes effect today or later; a fix of the version in force is a correction with its reason, shown (issue 18)', async () => {
    // Today is 2026-04-06 (WITA for Badung); version 1 has been in force since 2025-07-01.
    const { deps } = memoryDeps();
    await createServices(deps, admin, [newKtp()]);
    const { standard } = newKtp();
    const levied = { ...standard, cost: { kind: 'TARIFF' as const, amount: 50_000, legalBasis: 'Perda 1/2026' } };
    // The same past date as the version in force would win over it for complaints already filed.
    const backdated = await publishStandard(deps, admin, 'badung-ktp-el', { ...levied, effectiveFrom: '2025-07-01' }).catch((e) => e);
    expect(backdated).toMatchObject({ kind: 'VALIDATION', fieldErrors: [{ field: 'effectiveFrom', message: expect.stringContaining('2026-04-06') }] });
    await expect(publishStandard(deps, admin, 'badung-ktp-el', { ...levied, effectiveFrom: '2026-04-05' })).rejects.toMatchObject({ kind: 'VALIDATION' });
    expect(await publishStandard(deps, admin, 'badung-ktp-el', { ...levied, effectiveFrom: '2026-04-06' })).toMatchObject({ currentVersion: 2 });
    // Version 2 is in force today; a correction of version 1 (no longer in force) is refused, and so is one without its date.
    const correction = { of: 2, reason: 'Salah ketik dasar hukum tarif: Perda 1/2026 seharusnya Perda 2/2026.' };
    await expect(
      publishStandard(deps, admin, 'badung-ktp-el', { ...levied, effectiveFrom: '2026-04-06', correction: { ...correction, of: 1 } }),
    ).rejects.toMatchObject({ kind: 'VALIDATION', fieldErrors: [{ field: 'correction.of' }] });
    await expect(publishStandard(deps, admin, 'badung-ktp-el', { ...levied, effectiveFrom: '2026-04-07', correction })).rejects.toMatchObject({
      fieldErrors: [{ field: 'effectiveFrom' }],
    });
    const fixed = { ...levied, cost: { kind: 'TARIFF' as const, amount: 50_000, legalBasis: 'Perda 2/2026' } };
    const corrected = await publishStandard(deps, admin, 'badung-ktp-el', { ...fixed, effectiveFrom: '2026-04-06', correction });
    expect(corrected.versions.at(-1)).toEqual({
      version: 3,
      decreeNumber: standard.decreeNumber,
      effectiveFrom: '2026-04-06',
      publishedAt: '2026-04-06T02:00:00.000Z',
      correction: { ...correction, by: admin.username },
    });
    // Complaints about a service applied for before today are still judged by version 1.
    const entry = await deps.services.get('badung-ktp-el');
    expect(standardInForce(entry?.versions ?? [], '2026-04-05')?.version).toBe(1);
    expect(standardInForce(entry?.versions ?? [], '2026-04-06')?.version).toBe(3);
  });

  it('imports a CSV all or nothing, naming every bad row and field', async () => {
    const { deps } = memoryDeps();
    const csv = readFileSync(new URL('../../data/services/pemda-51.03.csv', import.meta.url), 'utf8');
    const lines = csv.trimEnd().split('\n');
    // Row 2 loses its name, row 3 gets an unknown completion unit.
    const broken = [
      lines[0],
      lines[1],
      (lines[2] as string).replace('"Penerbitan Kartu Keluarga (perubahan data, pisah KK)"', ''),
      (lines[3] as string).replace(',WORKING_DAYS,', ',WEEKS,'),
    ].join('\n');
    const failure = await importServices(deps, admin, broken).catch((e) => e);
    expect(failure).toMatchObject({ kind: 'VALIDATION' });
    expect(failure.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['rows.2.name', 'rows.3.standard.completionTime.unit']);
    expect((await searchServices(deps, {}, { limit: 50 })).items).toEqual([]);
    const ok = await importServices(deps, admin, csv);
    expect(ok.imported).toHaveLength(5);
    expect((await searchServices(deps, { q: 'akta' }, { limit: 10 })).items.map((s) => s.id)).toEqual(['badung-akta-kelahiran']);
    // Rows carry no agency: an import is always the importer's own agency's, and only an administrator imports.
    await expect(importServices(deps, officer, csv)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });

  it('keeps the English an agency gives beside the Indonesian, part by part, and none where it gives none (issue 23)', async () => {
    const { deps } = memoryDeps();
    await importServices(deps, admin, readFileSync(new URL('../../data/services/pemda-51.03.csv', import.meta.url), 'utf8'));
    const ktp = await readService(deps, 'badung-ktp-el');
    expect(ktp.nameEn).toBe('Issuing the electronic identity card (KTP-el: new, lost, damaged)');
    expect(ktp.standard.english?.requirements).toEqual([
      'A copy of the family card (Kartu Keluarga)',
      'A police report of the loss (if lost)',
      'The damaged KTP-el (if damaged)',
    ]);
    expect(Object.keys(ktp.standard.english ?? {})).toHaveLength(12);
    expect(ktp.standard.requirements[0]).toBe('Fotokopi Kartu Keluarga');
    const kk = await readService(deps, 'badung-kartu-keluarga');
    expect(kk.nameEn).toBeUndefined();
    expect(kk.standard.english).toBeUndefined();
    expect((await searchServices(deps, { q: 'KTP' }, { limit: 10 })).items[0]?.nameEn).toBe(ktp.nameEn);
    // A new version carries its English like any other part; the schema holds an English part to the Indonesian one's rules.
    const { version: _v, publishedAt: _at, publishedBy: _by, ...content } = ktp.standard;
    const next = await publishStandard(deps, admin, 'badung-ktp-el', { ...content, effectiveFrom: '2026-09-01', english: { product: 'KTP-el card' } });
    expect(next.standard.english).toEqual({ product: 'KTP-el card' });
    const bad = publishStandardSchema.safeParse({ ...content, english: { product: 'x', requirements: [], nonsense: 'y' } });
    expect(bad.success).toBe(false);
    expect(
      fieldErrorsOf(bad.error as NonNullable<typeof bad.error>)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['english', 'english.product', 'english.requirements']);
  });
});

describe('a complaint about a service', () => {
  const submission = {
    type: 'COMPLAINT' as const,
    title: 'KTP-el baru jadi setelah 14 hari dan dimintai biaya',
    description: 'Saya mengurus KTP-el yang rusak; baru jadi setelah 14 hari kerja dan petugas meminta Rp50.000.',
    categoryId: 'administrasi-kependudukan',
    location: { regionCode: '51.03' },
    anonymous: true,
    confidential: false,
    serviceId: 'badung-ktp-el',
    serviceAnswers: { appliedOn: '2026-11-02', completedOn: '2026-11-20', charged: 50_000 },
  };

  it('is judged by the standard in force, routed to its agency with its clocks, flagged for the Ombudsman and counted per service', async () => {
    const { deps } = memoryDeps({ now: '2026-11-23T02:00:00Z' });
    await createServices(deps, admin, [newKtp()]);
    const { trackingId } = await submitComplaint(deps, submission);
    const stored = await deps.store.get(trackingId);
    expect(stored?.complaint).toMatchObject({
      service: { id: 'badung-ktp-el', agencyId: 'pemda-51.03', version: 1, decreeNumber: '470/1123/2025', clocks: { followUpWorkingDays: 3 } },
      ombudsmanReview: { status: 'OPEN', reasons: ['ILLEGAL_LEVY_INDICATED'], office: 'ombudsman-51' },
    });
    expect(stored?.complaint.indicators?.map((i) => i.kind)).toEqual(['PROLONGED_DELAY', 'ILLEGAL_LEVY']);
    await routeComplaint(deps, trackingId);
    const routed = (await deps.store.get(trackingId))?.complaint;
    expect(routed).toMatchObject({ suggestedAgencyId: 'pemda-51.03', routing: { state: 'AWAITING_VERIFICATION' } });
    const view = (await getComplaint(deps, trackingId, ombudsman)) as { indicators: { kind: string; label: string; standard: string; reported: string }[] };
    expect(view.indicators[1]).toMatchObject({
      kind: 'ILLEGAL_LEVY',
      label: 'Permintaan imbalan/pungutan liar',
      standard: expect.stringContaining('tanpa biaya'),
    });
    const stats = await monitoringStats(deps, { month: '2026-11', level: 'SERVICE' });
    expect(stats.items).toEqual([
      expect.objectContaining({
        service: { id: 'badung-ktp-el', name: 'Penerbitan KTP-el', version: 1 },
        received: 1,
        ombudsmanFlags: 1,
        indicators: { prolongedDelay: 1, illegalLevy: 1, proceduralDeviation: 0 },
      }),
    ]);
    // The same indicators in the agency's and the region's figures.
    const badung = (await monitoringStats(deps, { month: '2026-11', level: 'AGENCY' })).items.find((i) => (i.agency as { id: string }).id === 'pemda-51.03');
    expect(badung?.indicators).toEqual({ prolongedDelay: 1, illegalLevy: 1, proceduralDeviation: 0 });
    const region = (await monitoringStats(deps, { month: '2026-11', level: 'REGION', regionCode: '51' })).items;
    expect(region.map((i) => i.indicators.illegalLevy)).toEqual([1, 1]);
  });

  it('refuses an unknown service and answers about a service without one, and stays out of the Ombudsman queue when the stage says so', async () => {
    const { deps } = memoryDeps({ now: '2026-11-23T02:00:00Z', illegalLevyToOmbudsman: false });
    await expect(submitComplaint(deps, submission)).rejects.toMatchObject({ kind: 'VALIDATION' });
    await createServices(deps, admin, [newKtp()]);
    await expect(submitComplaint(deps, { ...submission, serviceAnswers: { appliedOn: '2026-12-01' } })).rejects.toMatchObject({ kind: 'VALIDATION' });
    const { trackingId } = await submitComplaint(deps, submission);
    expect((await deps.store.get(trackingId))?.complaint.ombudsmanReview).toBeUndefined();
  });
});
