/**
 * Compliance scores (issue 22, first part): the arithmetic on counters the real transitions write
 * (in-memory store), so Badung answering late and Denpasar on time move the scores the right way;
 * an illegal levy lowers a score; the zone always matches the score and the published bands.
 */

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../functions/core/access';
import { METHODOLOGIES, methodologyFor, ranked, scorecardOf, zoneOf } from '../../functions/core/compliance';
import { message } from '../../functions/core/languages';
import type { StaffPrincipal, StaffRole } from '../../functions/core/staff';
import { actOnComplaint } from '../../functions/use-cases/act-on-complaint';
import { agencyScorecard, complianceCsv, complianceTable, figureComplaints } from '../../functions/use-cases/compliance';
import { routeComplaint } from '../../functions/use-cases/route-complaint';
import { submitComplaint } from '../../functions/use-cases/submit-complaint';
import { sendZoneChanges } from '../../functions/use-cases/zone-changes';
import { potholeInput } from '../support/complaint-fixture';
import { memoryDeps } from '../support/in-memory';

const principal = (username: string, roles: StaffRole[], where: { agencyId?: string; provinceCode?: string } = {}): StaffPrincipal => ({
  kind: 'STAFF',
  username,
  roles,
  ...where,
});
const staff = (username: string, roles: StaffRole[], agencyId?: string): Caller => ({
  kind: 'STAFF',
  principal: principal(username, roles, agencyId ? { agencyId } : {}),
});
const verifier = staff('verifikator', ['VERIFIER']);
const officers: Record<string, Caller> = {
  'pemda-51.03': staff('petugas-badung', ['AGENCY_OFFICER'], 'pemda-51.03'),
  'pemda-51.71': staff('petugas-denpasar', ['AGENCY_OFFICER'], 'pemda-51.71'),
};
const m2026 = methodologyFor('2026-04');

/** Six complaints to an agency in a month; its officer answers them on the day, or weeks late. */
async function handled(m: ReturnType<typeof memoryDeps>, agencyId: string, late: boolean, month = '2026-04') {
  for (let i = 0; i < 6; i++) {
    m.setNow(`${month}-0${6 + (i % 3)}T02:00:00Z`);
    const regionCode = agencyId.slice('pemda-'.length);
    const r = await submitComplaint(m.deps, potholeInput({ title: `Jalan rusak ${agencyId} ${i}`, location: { regionCode } }));
    await routeComplaint(m.deps, r.trackingId);
    await actOnComplaint(m.deps, r.trackingId, verifier, { action: 'VERIFY', agencyId });
    if (late) m.setNow(`${month}-29T02:00:00Z`);
    await actOnComplaint(m.deps, r.trackingId, officers[agencyId] as Caller, { action: 'ACKNOWLEDGE' });
    await actOnComplaint(m.deps, r.trackingId, officers[agencyId] as Caller, { action: 'RESPOND', message: 'Sudah ditangani petugas.' });
  }
}

const countsOf = async (m: ReturnType<typeof memoryDeps>, agencyId: string) =>
  (await m.store.stats('2026-04')).find((f) => f.scope.kind === 'AGENCY' && f.scope.agencyId === agencyId)?.counts ?? {};

describe('compliance scores from what the agencies did', () => {
  it('ranks Denpasar, answering on time, above Badung, answering late; a published standard and an illegal levy move the score', async () => {
    const m = memoryDeps();
    await handled(m, 'pemda-51.03', true);
    await handled(m, 'pemda-51.71', false);
    const badung = scorecardOf(await countsOf(m, 'pemda-51.03'), 0, m2026);
    const denpasar = scorecardOf(await countsOf(m, 'pemda-51.71'), 0, m2026);
    expect(badung.parts.handling).toMatchObject({ assigned: 6, firstFollowUpLate: 6, firstFollowUpOnTime: 0 });
    expect(denpasar.parts.handling).toMatchObject({ assigned: 6, firstFollowUpOnTime: 6 });
    expect(denpasar.parts.handling.score).toBeGreaterThan(badung.parts.handling.score);
    const rows = ranked([
      { agencyId: 'pemda-51.03', score: badung.score },
      { agencyId: 'pemda-51.71', score: denpasar.score },
    ]);
    expect(rows.map((r) => [r.agencyId, r.rank])).toEqual([
      ['pemda-51.03', 2],
      ['pemda-51.71', 1],
    ]);
    // Badung publishes its standards: its standards part and total rise by the part's weight.
    const withStandards = scorecardOf(await countsOf(m, 'pemda-51.03'), 5, m2026);
    expect(withStandards.parts.standards.score).toBe(100);
    expect((withStandards.score ?? 0) - (badung.score ?? 0)).toBeCloseTo(100 * m2026.parts.standards, 2);
    // An illegal levy indicated against Badung takes its penalty off.
    const levied = scorecardOf({ ...(await countsOf(m, 'pemda-51.03')), illegalLevy: 1 }, 5, m2026);
    expect((withStandards.score ?? 0) - (levied.score ?? 0)).toBeCloseTo(m2026.indicatorPenalty.illegalLevy, 2);
  });

  it("computes the README's worked example exactly", () => {
    const card = scorecardOf(
      {
        assigned: 20,
        firstFollowUpOnTime: 15,
        firstFollowUpLate: 5,
        closedWithinStatute: 12,
        closedAfterStatute: 3,
        recommendationsFollowed: 1,
        recommendationsIgnored: 1,
        transfers: 2,
        escalations: 1,
        reopenings: 0,
        ratingCount: 8,
        ratingSum: 32,
        illegalLevy: 1,
      },
      5,
      m2026,
    );
    expect(card).toMatchObject({ score: 78.8, zone: 'KUNING', parts: { handling: { score: 81.34 }, standards: { score: 100 }, indicators: { penalty: 10 } } });
  });

  it('does not rank an agency on too few complaints, and says so', () => {
    const few = scorecardOf({ assigned: 2, firstFollowUpOnTime: 2 }, 3, m2026);
    expect(few).toMatchObject({ score: null, zone: 'BELUM_DINILAI' });
    expect(few.notScored).toContain(`paling sedikit ${m2026.minimumComplaints}`);
    expect(ranked([{ score: null }, { score: 70 }])).toEqual([
      { score: null, rank: null },
      { score: 70, rank: 1 },
    ]);
  });

  it('keeps the zone in step with the score and the published bands, whatever the figures', () => {
    const counts = fc.record({
      assigned: fc.integer({ min: 0, max: 500 }),
      firstFollowUpOnTime: fc.integer({ min: 0, max: 500 }),
      firstFollowUpLate: fc.integer({ min: 0, max: 500 }),
      transfers: fc.integer({ min: 0, max: 100 }),
      escalations: fc.integer({ min: 0, max: 100 }),
      reopenings: fc.integer({ min: 0, max: 100 }),
      ratingCount: fc.integer({ min: 0, max: 100 }),
      illegalLevy: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 5 }), (c, services, rating) => {
        const card = scorecardOf({ ...c, ratingSum: c.ratingCount * rating }, services, m2026);
        if (card.score === null) return card.zone === 'BELUM_DINILAI' && c.assigned < m2026.minimumComplaints;
        const band = card.score >= 81 ? 'HIJAU' : card.score >= 51 ? 'KUNING' : 'MERAH';
        return card.score >= 0 && card.score <= 100 && card.zone === band && card.zone === zoneOf(card.score, m2026);
      }),
    );
    // The published bands, as data with their source.
    expect(METHODOLOGIES[0]?.bands.map((b) => [b.zone, b.min])).toEqual([
      ['HIJAU', 81],
      ['KUNING', 51],
      ['MERAH', 0],
    ]);
    expect(METHODOLOGIES[0]?.source).toMatch(/Peraturan Ombudsman 17\/2015/);
  });
});

describe('the ranking and the scorecard, as the routes answer them', () => {
  it("ranks Bali's regencies by the period's figures, matches its CSV to its JSON, and gives Badung a trend and what to fix first", async () => {
    const m = memoryDeps();
    await handled(m, 'pemda-51.03', true);
    await handled(m, 'pemda-51.71', false);
    const table = await complianceTable(m.deps, { period: { from: '2026-03', to: '2026-04' }, level: 'REGENCY', provinceCode: '51' });
    expect(table.rows).toHaveLength(9);
    const [first, second] = table.rows;
    expect([first?.agencyId, first?.rankInProvince, second?.agencyId, second?.rankInProvince]).toEqual(['pemda-51.71', 1, 'pemda-51.03', 2]);
    // Too few complaints to judge: unranked, and said so.
    expect(table.rows.slice(2).every((r) => r.score === null && r.rank === null && r.zone === 'BELUM_DINILAI')).toBe(true);
    const rows = parse(complianceCsv(table), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.agencyId, r.score, r.zone, r.rank])).toEqual(
      table.rows.map((r) => [r.agencyId, r.score === null ? '' : String(r.score), r.zone, r.rank === null ? '' : String(r.rank)]),
    );
    // Nothing of a complaint or a person in what is public.
    expect(JSON.stringify(table)).not.toMatch(/made@example|Made Uji|Jalan rusak/);

    const card = await agencyScorecard(m.deps, 'pemda-51.03', { from: '2026-03', to: '2026-04' });
    expect(card.trend.map((t) => t.month)).toEqual(['2026-03', '2026-04']);
    expect(card.trend[0]).toMatchObject({ score: null, zone: 'BELUM_DINILAI' });
    expect(card.score).toBe(table.rows[1]?.score);
    expect(card.advice[0]?.message).toMatch(/standar pelayanan/);
    expect(message('en', 'record', card.advice[0]?.text.key ?? 'advice.noStandards')).toMatch(/service standard/);
    expect(card.advice.map((a) => a.message).join(' ')).toMatch(/sebelum tenggatnya/);
  });
});

describe('resolution within the statute, the Ombudsman’s recommendations, and the complaints behind each figure', () => {
  /** A complaint to Badung its officer answers at once; the reporter's caller comes back with it. */
  async function answered(m: ReturnType<typeof memoryDeps>, title: string) {
    const r = await submitComplaint(m.deps, potholeInput({ title, location: { regionCode: '51.03' } }));
    await routeComplaint(m.deps, r.trackingId);
    await actOnComplaint(m.deps, r.trackingId, verifier, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    await actOnComplaint(m.deps, r.trackingId, officers['pemda-51.03'] as Caller, { action: 'RESPOND', message: 'Sudah ditangani petugas.' });
    return { trackingId: r.trackingId, reporter: { kind: 'TOKEN', token: r.accessToken } as Caller };
  }
  const ombudsmanBali = principal('ombudsman-bali', ['OMBUDSMAN'], { provinceCode: '51' });
  const asOmbudsman: Caller = { kind: 'STAFF', principal: ombudsmanBali };
  const badung = officers['pemda-51.03'] as Caller;

  it('counts each against Badung, scores it, and shows which complaints make each figure to Ombudsman Bali and Badung only', async () => {
    const m = memoryDeps();
    m.setNow('2026-04-06T02:00:00Z');
    const onTime = await answered(m, 'Jalan rusak diselesaikan');
    await actOnComplaint(m.deps, onTime.trackingId, onTime.reporter, { action: 'CONFIRM_RESOLVED' });
    const slow = await answered(m, 'Jalan rusak berlarut');
    const followed = await answered(m, 'Rekomendasi dijalankan');
    const ignored = await answered(m, 'Rekomendasi diabaikan');
    for (const c of [followed, ignored]) {
      await actOnComplaint(m.deps, c.trackingId, c.reporter, { action: 'CONFIRM_RESOLVED' });
      await actOnComplaint(m.deps, c.trackingId, c.reporter, { action: 'REQUEST_OMBUDSMAN_REVIEW', consentToShareIdentity: false });
      await actOnComplaint(m.deps, c.trackingId, asOmbudsman, { action: 'RETURN_TO_AGENCY', recommendation: 'Perbaiki jalan dan laporkan.', workingDays: 5 });
    }
    // Badung answers one recommendation the next day, the other weeks after its deadline.
    m.setNow('2026-04-07T02:00:00Z');
    await actOnComplaint(m.deps, followed.trackingId, badung, { action: 'RESPOND', message: 'Jalan sudah diaspal ulang.' });
    m.setNow('2026-04-28T02:00:00Z');
    await actOnComplaint(m.deps, ignored.trackingId, badung, { action: 'RESPOND', message: 'Jalan akhirnya diaspal.' });
    // The slow one is confirmed 70 days after it was submitted: past the 60-day limit.
    m.setNow('2026-06-15T02:00:00Z');
    await actOnComplaint(m.deps, slow.trackingId, slow.reporter, { action: 'CONFIRM_RESOLVED' });

    const card = await agencyScorecard(m.deps, 'pemda-51.03', { from: '2026-04', to: '2026-06' });
    expect(card.parts.handling).toMatchObject({ closedWithinStatute: 3, closedAfterStatute: 1, recommendationsFollowed: 1, recommendationsIgnored: 1 });
    expect(card.advice.map((a) => a.message).join(' ')).toMatch(/rekomendasi Ombudsman/);
    // Each figure moves the handling score by its weight: one late closure of four, one recommendation of two ignored.
    const h = m2026.handling;
    const perfect = scorecardOf({ ...(await countsOf(m, 'pemda-51.03')), closedAfterStatute: 0, recommendationsIgnored: 0, assigned: 5 }, 0, m2026);
    const actual = scorecardOf({ ...(await countsOf(m, 'pemda-51.03')), closedAfterStatute: 1, assigned: 5 }, 0, m2026);
    expect(perfect.parts.handling.score - actual.parts.handling.score).toBeCloseTo(100 * (h.closedWithinStatute / 4 + h.recommendationsFollowed / 2), 1);

    const behind = (figure: Parameters<typeof figureComplaints>[2]['figure'], who = ombudsmanBali) =>
      figureComplaints(m.deps, who, { agencyId: 'pemda-51.03', period: { from: '2026-04', to: '2026-06' }, figure });
    const ids = async (figure: Parameters<typeof figureComplaints>[2]['figure']) => (await behind(figure)).complaints.map((c) => c.trackingId).sort();
    expect(await ids('closedAfterStatute')).toEqual([slow.trackingId]);
    expect(await ids('closedWithinStatute')).toEqual([onTime.trackingId, followed.trackingId, ignored.trackingId].sort());
    expect(await ids('recommendationsFollowed')).toEqual([followed.trackingId]);
    expect(await ids('recommendationsIgnored')).toEqual([ignored.trackingId]);
    expect((await behind('closedAfterStatute')).complaints[0]).toEqual({ trackingId: slow.trackingId, month: '2026-06', times: 1 });
    // Badung's own administrator sees them; Denpasar's officer and another province's Ombudsman do not.
    expect((await behind('closedAfterStatute', principal('admin-badung', ['SERVICE_ADMIN'], { agencyId: 'pemda-51.03' }))).complaints).toHaveLength(1);
    await expect(behind('closedAfterStatute', principal('petugas-denpasar', ['AGENCY_OFFICER'], { agencyId: 'pemda-51.71' }))).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(behind('closedAfterStatute', principal('ombudsman-ntb', ['OMBUDSMAN'], { provinceCode: '52' }))).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});

describe('the monthly mail of zone changes', () => {
  it('tells Ombudsman Bali once that Badung moved zone, and no office of a province where nothing moved', async () => {
    const m = memoryDeps();
    await handled(m, 'pemda-51.03', true, '2026-03');
    await handled(m, 'pemda-51.03', false, '2026-04');
    const march = (await complianceTable(m.deps, { period: { from: '2026-03', to: '2026-03' } })).rows.find((r) => r.agencyId === 'pemda-51.03');
    const april = (await complianceTable(m.deps, { period: { from: '2026-04', to: '2026-04' } })).rows.find((r) => r.agencyId === 'pemda-51.03');
    expect(march?.zone).not.toBe(april?.zone);
    m.setNow('2026-05-01T03:00:00Z');
    expect(await sendZoneChanges(m.deps)).toMatchObject({ sent: 1, failed: 0 });
    const mails = m.mailer.sent.filter((s) => s.email.subject.includes('Perubahan zona'));
    expect(mails.map((s) => s.to)).toEqual(['ombudsman-51@instansi.example']);
    expect(mails[0]?.email.text).toContain(`Pemerintah Kabupaten Badung: zona ${march?.zone.toLowerCase()} → zona ${april?.zone.toLowerCase()}`);
    expect(mails[0]?.email.text).toContain('https://aduan.example/#/kepatuhan/pemda-51.03');
    // Every later run of the month sends nothing more.
    m.setNow('2026-05-01T04:00:00Z');
    expect(await sendZoneChanges(m.deps)).toMatchObject({ sent: 0, unchanged: 0 });
    expect(m.mailer.sent.filter((s) => s.email.subject.includes('Perubahan zona'))).toHaveLength(1);
  });
});
