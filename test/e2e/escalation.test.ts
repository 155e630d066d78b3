/**
 * Issue 4's walk-through with the local clock: an assigned complaint left unanswered gets
 * reminders, escalates from Kabupaten Badung to the Bali province, then past its limits reaches
 * Ombudsman Bali's queue and daily digest; the Ombudsman returns it with a recommendation.
 * Every sweep runs more than once and changes nothing the second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, mailbox, post, submission } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['petugas-badung', 'petugas-bali', 'ombudsman-bali', 'verifikator']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

const setClock = (iso: string) => post(`${sys.api}/_local/clock`, { set: iso });
const runSchedule = async (name: string) => (await post(`${sys.api}/_local/schedules/${name}/run`, {})).body.result;
const mails = async (to: string, id: string, part: string) =>
  (await mailbox(sys.mail)).filter((e) => e.destination.to.includes(to) && e.subject.includes(id) && e.subject.includes(part));

describe('no complaint silently dies', () => {
  it('reminds, escalates Badung → Bali → Kemendagri, flags Ombudsman Bali, digests once, and the Ombudsman returns it', async () => {
    expect((await setClock('2026-04-06T09:00:00+08:00')).status).toBe(200); // Monday
    const created = (await post(`${sys.api}/v1/complaints`, submission({ title: 'Sampah menggunung di Jimbaran' }))).body;
    const id = created.trackingId as string;
    const reporter = created.accessToken as string;
    const view = await waitFor(async () => {
      const r = await get(`${sys.api}/v1/complaints/${id}`, bearer(reporter));
      return r.body.status === 'ASSIGNED' ? r.body : undefined;
    });
    expect(view.deadline).toMatchObject({ stage: 'FOLLOW_UP', date: '2026-04-13' });

    // Friday 10 April: one working day before Monday's deadline.
    await setClock('2026-04-10T10:00:00+08:00');
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ reminded: 1 });
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ reminded: 0, escalated: 0 });
    await waitFor(async () => ((await mails('pemda-51.03@instansi.example', id, 'Pengingat')).length === 1 ? true : undefined));

    // Wednesday 15 April: missed; escalated to the province, both told, reporter sees the level.
    await setClock('2026-04-15T10:00:00+08:00');
    const [a, b] = await Promise.all([runSchedule('sweep-deadlines'), runSchedule('sweep-deadlines')]);
    expect(a.escalated + b.escalated).toBe(1);
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ escalated: 0, reminded: 0 });
    await waitFor(async () => ((await mails('pemda-51@instansi.example', id, 'Eskalasi laporan')).length ? true : undefined));
    await waitFor(async () => ((await mails('pemda-51.03@instansi.example', id, 'Batas waktu terlewati')).length ? true : undefined));
    const escalated = await get(`${sys.api}/v1/complaints/${id}`, bearer(reporter));
    expect(escalated.body.escalationLevel).toBe(1);
    expect(escalated.body.timeline.map((e: { type: string }) => e.type)).toContain('ESCALATED');
    const baliInbox = await get(`${sys.api}/v1/inbox?view=escalated`, bearer(tokens['petugas-bali'] as string));
    expect(baliInbox.body.items.map((i: { trackingId: string }) => i.trackingId)).toContain(id);
    const baliView = await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens['petugas-bali'] as string));
    expect(baliView.body.allowedActions).toEqual(['RESPOND', 'COMMENT']);
    expect(baliView.body.misses).toEqual([expect.objectContaining({ stage: 'FOLLOW_UP', agencyId: 'pemda-51.03', workingDaysLate: 2 })]);

    // Left alone: Kemendagri next, then the chain is exhausted and Ombudsman Bali reviews it.
    await setClock('2026-04-23T10:00:00+08:00');
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ escalated: 1 });
    await setClock('2026-05-04T10:00:00+08:00');
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ flagged: 1 });
    expect(await runSchedule('sweep-deadlines')).toMatchObject({ flagged: 0, escalated: 0 });
    const queue = await get(`${sys.api}/v1/inbox`, bearer(tokens['ombudsman-bali'] as string));
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ trackingId: id, ombudsmanReview: expect.objectContaining({ status: 'OPEN', reasons: ['ESCALATION_EXHAUSTED'] }) }),
    );

    // The case bundle: deadlines missed and escalations, but no identity without consent.
    const bundle = await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens['ombudsman-bali'] as string));
    expect(bundle.body.misses).toHaveLength(3);
    expect(bundle.body.escalatedTo.map((x: { id: string }) => x.id)).toEqual(['pemda-51', 'kemendagri']);
    expect(bundle.body.reporter).toEqual({ withheld: true });
    expect(bundle.body.allowedActions).toEqual(expect.arrayContaining(['TAKE_OVER', 'RETURN_TO_AGENCY', 'DISMISS']));

    // One digest a working day (Monday 4 May, after 08:00 WITA), however often the schedule runs.
    const [d1, d2] = await Promise.all([runSchedule('ombudsman-digest'), runSchedule('ombudsman-digest')]);
    expect(d1.sent + d2.sent).toBe(1);
    expect((await runSchedule('ombudsman-digest')).sent).toBe(0);
    const digests = (await mailbox(sys.mail)).filter(
      (e) => e.destination.to.includes('ombudsman-51@instansi.example') && e.subject.includes('Ringkasan harian'),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.body.text).toContain(id);
    expect(digests[0]?.body.text).not.toContain('Ni Luh Putu Ayu');

    // The Ombudsman returns it with a recommendation; the agency is told and sees the new deadline.
    const returned = await post(
      `${sys.api}/v1/complaints/${id}/actions`,
      { action: 'RETURN_TO_AGENCY', recommendation: 'Angkut sampah dan laporkan foto hasilnya.', workingDays: 3 },
      bearer(tokens['ombudsman-bali'] as string),
    );
    expect(returned.status).toBe(200);
    expect(returned.body.ombudsmanReview).toMatchObject({ status: 'RETURNED' });
    await waitFor(async () => ((await mails('pemda-51.03@instansi.example', id, 'Tindakan Ombudsman')).length ? true : undefined));
    const badung = await get(`${sys.api}/v1/complaints/${id}`, bearer(tokens['petugas-badung'] as string));
    expect(badung.body).toMatchObject({ status: 'IN_PROGRESS', deadline: { stage: 'FOLLOW_UP', workingDays: 3 } });
    expect(badung.body.timeline.map((e: { type: string }) => e.type)).toContain('OMBUDSMAN_ACTION');
    const again = await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'DISMISS', reason: 'x' }, bearer(tokens['ombudsman-bali'] as string));
    expect(again.status).toBe(409);

    // Monitoring: Badung's misses and escalations, publicly; Ombudsman Bali sees its agencies ranked.
    const stats = await get(`${sys.api}/v1/stats?month=2026-04&regionCode=51`);
    const badungStats = stats.body.items.find((i: { agency: { id: string } }) => i.agency.id === 'pemda-51.03');
    expect(badungStats).toMatchObject({ misses: 1, escalations: 1, openOverdue: 1 });
    expect(JSON.stringify(stats.body)).not.toContain(id);
    const ranked = await get(`${sys.api}/v1/stats?month=2026-04`, bearer(tokens['ombudsman-bali'] as string));
    expect(ranked.body).toMatchObject({ ranked: true, province: '51' });
    expect(ranked.body.items[0]).toMatchObject({ rank: 1 });
    expect(ranked.body.items.every((i: { agency: { regionCode: string } }) => i.agency.regionCode?.startsWith('51'))).toBe(true);
  });
});
