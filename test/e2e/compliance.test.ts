/**
 * Compliance scores through the local system (issue 22, first part): counters written by real
 * transitions in DynamoDB Local, read back as the public ranking, its CSV and Badung's scorecard;
 * the period is validated and nothing public carries an identity or a complaint's text.
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
    await answeredByBadung(sys.api, await sys.token('petugas-badung'), 5, { name: 'Komang Pelapor', email: 'komang@example.com' });
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
  });

  it('names a bad period, an unknown agency, and a range over twelve months', async () => {
    const bad = await get(`${sys.api}/v1/compliance?period=2026-13`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['period']);
    expect((await get(`${sys.api}/v1/compliance?period=2025-01..2026-04`)).status).toBe(400);
    expect((await get(`${sys.api}/v1/compliance/tidak-ada?period=2026-04`)).status).toBe(404);
  });
});
