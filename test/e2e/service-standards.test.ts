/**
 * SIPP over HTTP on `npm start`'s system (issue 11): the seeded catalogue, an agency service
 * administrator's all-or-nothing import and a new version, and the "KTP-el selesai 14 hari,
 * dikenakan biaya Rp50.000" complaint judged against "1 hari, tanpa biaya".
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['admin-badung', 'petugas-badung', 'verifikator', 'ombudsman-bali']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

const seedCsv = readFileSync(new URL('../../data/services/pemda-51.03.csv', import.meta.url), 'utf8');
const [header, ktpRow] = seedCsv.split(/\r?\n/);
/** A new service in the import's own format: the seed's KTP-el row under another code and name. */
const row = (id: string, name: string) => (ktpRow as string).replace(/^badung-ktp-el,"[^"]*"/, `${id},"${name}"`);

describe('the SIPP catalogue', () => {
  it('is seeded and searchable by words and region; a service reads with its standard and versions', async () => {
    const found = await get(`${sys.api}/v1/services?q=ktp&regionCode=51.03`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toContain('badung-ktp-el');
    const national = await get(`${sys.api}/v1/services?regionCode=51.03&q=skck`);
    expect(national.body.items.map((s: { id: string }) => s.id)).toEqual(['polri-skck']);
    const ktp = await get(`${sys.api}/v1/services/badung-ktp-el`);
    expect(ktp.body).toMatchObject({
      agency: { id: 'pemda-51.03' },
      standard: { completionTime: { value: 1, unit: 'WORKING_DAYS' }, cost: { kind: 'FREE' }, decreeNumber: expect.stringContaining('470/1123') },
      versions: [{ version: 1 }],
    });
    expect((await get(`${sys.api}/v1/services/badung-ktp-el?version=9`)).status).toBe(404);
    expect((await get(`${sys.api}/v1/services/tidak-ada`)).status).toBe(404);
  });

  it('imports an agency’s CSV only when every row is right, and versions a standard; other roles are refused', async () => {
    const admin = bearer(tokens['admin-badung']);
    const bad = [header, row('badung-surat-pindah', 'Surat Keterangan Pindah'), row('badung-kia', '').replace(',1,WORKING_DAYS,', ',0,WORKING_DAYS,')].join(
      '\n',
    );
    const refused = await post(`${sys.api}/v1/services/imports`, { csv: bad }, admin);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.2.name', 'rows.2.standard.completionTime.value']);
    expect((await get(`${sys.api}/v1/services/badung-surat-pindah`)).status).toBe(404);

    const good = [header, row('badung-surat-pindah', 'Surat Keterangan Pindah'), row('badung-kia', 'Kartu Identitas Anak')].join('\n');
    const imported = await post(`${sys.api}/v1/services/imports`, { csv: good }, admin);
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toEqual(['badung-surat-pindah', 'badung-kia']);
    expect((await post(`${sys.api}/v1/services/imports`, { csv: good }, admin)).status).toBe(409);

    const current = (await get(`${sys.api}/v1/services/badung-kia`)).body.standard;
    const { version: _v, publishedAt: _a, publishedBy: _b, ...input } = current;
    // A new version takes effect today or later (a week from now here).
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const backdated = await post(
      `${sys.api}/v1/services/badung-kia/versions`,
      { ...input, decreeNumber: 'SK 470/2222/2026', effectiveFrom: current.effectiveFrom },
      admin,
    );
    expect(backdated.status).toBe(400);
    expect(backdated.body.errors[0].field).toBe('effectiveFrom');
    const v2 = await post(`${sys.api}/v1/services/badung-kia/versions`, { ...input, decreeNumber: 'SK 470/2222/2026', effectiveFrom: nextWeek }, admin);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ currentVersion: 2, standard: { version: 2, decreeNumber: 'SK 470/2222/2026' } });
    expect((await get(`${sys.api}/v1/services/badung-kia?version=1`)).body.standard.decreeNumber).toBe(current.decreeNumber);

    const officer = await post(`${sys.api}/v1/services/imports`, { csv: good }, bearer(tokens['petugas-badung']));
    expect(officer.status).toBe(403);
    expect((await post(`${sys.api}/v1/services/badung-kia/retirement`, {}, bearer(tokens.verifikator))).status).toBe(403);
    expect((await post(`${sys.api}/v1/services/imports`, { csv: good })).status).toBe(401);
  });
});

describe('a complaint about a service', () => {
  it('“KTP-el selesai 14 hari, dikenakan biaya Rp50.000” shows prolonged delay and an illegal levy with their evidence, reaches the Ombudsman and the per-service figures', async () => {
    const created = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'KTP-el selesai 14 hari dan dimintai biaya',
      description: 'KTP-el saya yang rusak baru jadi setelah 14 hari kerja, dan petugas meminta Rp50.000 agar cepat.',
      categoryId: 'administrasi-kependudukan',
      location: { regionCode: '51.03' },
      serviceId: 'badung-ktp-el',
      serviceAnswers: { appliedOn: '2026-11-02', completedOn: '2026-11-20', charged: 50_000 },
      anonymous: true,
      confidential: false,
      reporter: { name: 'Wayan Saksi', email: 'wayan.saksi@example.com' },
    });
    expect(created.status).toBe(201);
    const id = created.body.trackingId as string;

    const verifier = await waitFor(async () => {
      const r = await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens.verifikator));
      return r.body.suggestedAgency ? r.body : undefined;
    });
    expect(verifier.suggestedAgency.id).toBe('pemda-51.03');
    expect(verifier.service).toMatchObject({ id: 'badung-ktp-el', version: 1, clocks: { followUpWorkingDays: 3 } });
    expect(verifier.indicators).toEqual([
      expect.objectContaining({
        kind: 'PROLONGED_DELAY',
        standard: expect.stringContaining('1 hari kerja'),
        reported: expect.stringContaining('14 hari kerja'),
      }),
      expect.objectContaining({ kind: 'ILLEGAL_LEVY', standard: expect.stringContaining('tanpa biaya'), reported: 'Dikenakan biaya Rp50.000' }),
    ]);

    const queue = await get(`${sys.api}/v1/inbox`, bearer(tokens['ombudsman-bali']));
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ trackingId: id, ombudsmanReview: expect.objectContaining({ reasons: ['ILLEGAL_LEVY_INDICATED'] }) }),
    );
    const bundle = await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens['ombudsman-bali']));
    expect(bundle.body.indicators.map((i: { kind: string }) => i.kind)).toEqual(['PROLONGED_DELAY', 'ILLEGAL_LEVY']);
    expect(JSON.stringify(bundle.body)).not.toContain('Wayan Saksi');

    const month = (verifier.submittedAt as string).slice(0, 7);
    const stats = await waitFor(async () => {
      const r = await get(`${sys.api}/v1/stats?level=service&month=${month}`);
      return r.body.items.find((i: { service: { id: string } }) => i.service.id === 'badung-ktp-el');
    });
    expect(stats).toMatchObject({
      service: { id: 'badung-ktp-el', version: 1 },
      received: 1,
      ombudsmanFlags: 1,
      indicators: { prolongedDelay: 1, illegalLevy: 1 },
    });
  });
});
