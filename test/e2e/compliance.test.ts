/**
 * Compliance scores through the local system (issue 22, first part): counters written by real
 * transitions in DynamoDB Local, read back as the public ranking, its CSV and Badung's scorecard;
 * the period is validated and nothing public carries an identity or a complaint's text; the
 * complaints behind a figure reach the province's Ombudsman office and the agency's own staff only.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredByBadung, get } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
beforeAll(async () => {
  sys = await startLocalProcess();
});
afterAll(async () => sys?.stop());

/** The reporting month (WIB) of now. */
const month = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

describe('compliance through the API', () => {
  it("scores Badung from what its officer did, ranks it, and serves the same figures as CSV; never a name or a complaint's words", async () => {
    const answered = await answeredByBadung(sys.api, await sys.token('petugas-badung'), 5, { name: 'Komang Pelapor', email: 'komang@example.com' });
    const period = month();
    const table = await get(`${sys.api}/v1/compliance?period=${period}&level=regency&provinceCode=51`);
    expect(table.status).toBe(200);
    const badung = table.body.rows.find((r: { agencyId: string }) => r.agencyId === 'pemda-51.03');
    expect(badung.parts.handling).toMatchObject({ assigned: 5, firstFollowUpOnTime: 5, firstFollowUpLate: 0 });
    // The seeded catalogue counts as published standards.
    expect(badung.parts.standards.services).toBeGreaterThan(0);
    expect(badung).toMatchObject({ rank: 1, rankInProvince: 1 });
    const bands = table.body.methodology.bands as { zone: string; min: number }[];
    expect(badung.zone).toBe(bands.find((b) => badung.score >= b.min)?.zone);
    expect(JSON.stringify(table.body)).not.toMatch(/Komang|komang@example|Banjar/);

    const asCsv = await fetch(`${sys.api}/v1/compliance?period=${period}&level=regency&provinceCode=51&format=csv`);
    expect(asCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await asCsv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.agencyId === 'pemda-51.03')).toMatchObject({ score: String(badung.score), zone: badung.zone, assigned: '5' });
    expect(rows).toHaveLength(table.body.rows.length);

    const card = await get(`${sys.api}/v1/compliance/pemda-51.03?period=${period}`);
    expect(card.body).toMatchObject({ agencyId: 'pemda-51.03', score: badung.score, trend: [{ month: period, score: badung.score }] });
    expect((await get(`${sys.api}/v1/compliance/methodology`)).body.bands.map((b: { zone: string }) => b.zone)).toEqual(['HIJAU', 'KUNING', 'MERAH']);

    // Behind the figure: Ombudsman Bali and Badung's own officer see which complaints make it;
    // nobody else does, and the public never.
    const behind = `${sys.api}/v1/compliance/pemda-51.03/complaints?period=${period}&figure=firstFollowUpOnTime`;
    const asOmbudsman = await get(behind, { authorization: `Bearer ${await sys.token('ombudsman-bali')}` });
    expect(asOmbudsman.status).toBe(200);
    expect(asOmbudsman.body.complaints.map((c: { trackingId: string }) => c.trackingId).sort()).toEqual([...answered].sort());
    expect(asOmbudsman.body).toMatchObject({ figure: 'firstFollowUpOnTime', truncated: false });
    expect(JSON.stringify(asOmbudsman.body)).not.toMatch(/Komang|komang@example|Banjar/);
    expect((await get(behind, { authorization: `Bearer ${await sys.token('petugas-badung')}` })).body.complaints).toHaveLength(5);
    expect((await get(behind, { authorization: `Bearer ${await sys.token('petugas-denpasar')}` })).status).toBe(403);
    expect((await get(behind)).status).toBe(401);
    const late = await get(behind.replace('firstFollowUpOnTime', 'firstFollowUpLate'), { authorization: `Bearer ${await sys.token('ombudsman-bali')}` });
    expect(late.body.complaints).toEqual([]);
    const unknownFigure = await get(behind.replace('firstFollowUpOnTime', 'jumlah'), { authorization: `Bearer ${await sys.token('ombudsman-bali')}` });
    expect(unknownFigure.status).toBe(400);
    expect(unknownFigure.body.errors.map((e: { field: string }) => e.field)).toEqual(['figure']);
  });

  it('names a bad period, an unknown agency, and a range over twelve months', async () => {
    const bad = await get(`${sys.api}/v1/compliance?period=2026-13`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['period']);
    expect((await get(`${sys.api}/v1/compliance?period=2025-01..2026-04`)).status).toBe(400);
    expect((await get(`${sys.api}/v1/compliance/tidak-ada?period=2026-04`)).status).toBe(404);
  });
});
