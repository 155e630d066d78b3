/**
 * Issue 3's walk-through over HTTP with real staff tokens: a verifier, two agency officers and a
 * reporter take a complaint from submission through hold, disposition, a bukan-wewenang
 * transfer, follow-up, reply and closure, then a rating — every email in the local mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../functions/core/languages';
import { type CapturedEmail, get, mailbox, post, submission } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['verifikator', 'petugas-badung', 'petugas-bali', 'petugas-denpasar', 'operator']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

const act = (id: string, token: string, body: Record<string, unknown>) => post(`${sys.api}/v1/complaints/${id}/actions`, body, bearer(token));
const mailsTo = async (to: string, trackingId: string) =>
  (await mailbox(sys.mail)).filter((e) => e.destination.to.includes(to) && e.subject.includes(trackingId));
const waitMail = (to: string, trackingId: string, subjectPart: string) =>
  waitFor(async () => (await mailsTo(to, trackingId)).find((e: CapturedEmail) => e.subject.includes(subjectPart)), 15_000, `mail "${subjectPart}" to ${to}`);

describe('staff sign-in', () => {
  it('answers 401 without or with a bad token, 403 for a role without a queue', async () => {
    expect((await get(`${sys.api}/v1/inbox`)).status).toBe(401);
    expect((await get(`${sys.api}/v1/inbox`, bearer('eyJhbGciOiJub25lIn0.e30.x'))).status).toBe(401);
    expect((await get(`${sys.api}/v1/inbox`, bearer(tokens.operator as string))).status).toBe(403);
    const forged = (tokens.verifikator as string).replace(/\.[^.]+$/, '.AAAA');
    expect((await get(`${sys.api}/v1/inbox`, bearer(forged))).status).toBe(401);
  });
});

describe('a complaint through the whole LAPOR! flow', () => {
  it('hold → reply → verify → bukan wewenang → re-disposition → follow-up → reply → follow-up → closure → rating', async () => {
    const created = await post(
      `${sys.api}/v1/complaints`,
      submission({
        title: 'Jalan rusak parah di Mengwi',
        categoryId: 'jalan-kabupaten-kota',
        anonymous: true,
        reporter: { name: 'Kadek Rahasia', email: 'kadek@example.com' },
      }),
    );
    expect(created.status).toBe(201);
    const { trackingId: id, accessToken: reporterToken } = created.body;
    const V = tokens.verifikator as string;

    // Double opt-in: one mail with a code to the address typed; nothing else until the reporter confirms it.
    const confirmation = await waitMail('kadek@example.com', id, 'Konfirmasi alamat email');
    expect(confirmation.body.text).not.toMatch(/Jalan rusak parah|Mengwi/);
    const code = confirmation.body.text?.match(/kode ([0-9A-Z]{5}-[0-9A-Z]{5})/)?.[1] as string;
    expect((await act(id, reporterToken, { action: 'CONFIRM_EMAIL', code: 'AAAAA-AAAAA' })).status).toBe(422);
    expect((await act(id, reporterToken, { action: 'CONFIRM_EMAIL', code })).status).toBe(200);
    // A refusal's detail comes with its key, so a client says it in its reader's language (issue 23).
    const again = await act(id, reporterToken, { action: 'CONFIRM_EMAIL', code });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ detail: 'Tidak ada alamat email yang menunggu konfirmasi.', text: { key: 'noEmailToConfirm' } });
    expect(message('en', 'problem', again.body.text.key)).toBe('No email address is waiting to be confirmed.');
    const badung = tokens['petugas-badung'] as string;
    const bali = tokens['petugas-bali'] as string;
    const denpasar = tokens['petugas-denpasar'] as string;

    // The verifier's inbox shows it with the router's suggestion.
    const inbox = await waitFor(async () => {
      const r = await get(`${sys.api}/v1/inbox?limit=100`, bearer(V));
      return r.body.items?.find((i: { trackingId: string; suggestedAgency: unknown }) => i.trackingId === id && i.suggestedAgency);
    });
    expect(inbox.suggestedAgency).toEqual({ id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung' });

    // Hold: the reporter is asked, by mail, and answers with the access token.
    expect((await act(id, V, { action: 'HOLD', question: 'Di depan nomor rumah berapa?' })).body.status).toBe('ON_HOLD');
    await waitMail('kadek@example.com', id, 'Mohon lengkapi');
    expect((await act(id, reporterToken, { action: 'REPLY', message: 'Depan rumah nomor 12.' })).body.status).toBe('SUBMITTED');

    // Disposition to Badung; Denpasar cannot see or touch it.
    const verified = await act(id, V, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    expect(verified.body).toMatchObject({ status: 'ASSIGNED', assignedAgency: { id: 'pemda-51.03' } });
    await waitMail('pemda-51.03@instansi.example', id, 'Disposisi laporan baru');
    await waitMail('kadek@example.com', id, 'diverifikasi');
    expect((await get(`${sys.api}/v1/complaints/${id}`, bearer(denpasar))).status).toBe(404);
    expect((await act(id, denpasar, { action: 'ACKNOWLEDGE' })).status).toBe(404);

    // The officer's view and email never carry the anonymous reporter's identity.
    const officerView = await get(`${sys.api}/v1/complaints/${id}`, bearer(badung));
    expect(officerView.status).toBe(200);
    expect(officerView.body.allowedActions).toEqual(['ACKNOWLEDGE', 'RESPOND', 'TRANSFER', 'COMMENT']);
    expect(JSON.stringify(officerView.body)).not.toMatch(/Kadek|kadek@example\.com/);

    // Bukan wewenang: back to the verifiers, visible as a transfer, then to the province.
    const transferred = await act(id, badung, { action: 'TRANSFER', reason: 'Ruas ini jalan provinsi', suggestedAgencyId: 'pemda-51' });
    expect(transferred.body.status).toBe('SUBMITTED');
    const afterTransfer = await get(`${sys.api}/v1/complaints/${id}`, bearer(reporterToken));
    expect(afterTransfer.body.transfers).toEqual([
      expect.objectContaining({ from: { id: 'pemda-51.03', name: 'Pemerintah Kabupaten Badung' }, reason: 'Ruas ini jalan provinsi' }),
    ]);
    expect((await act(id, V, { action: 'VERIFY', agencyId: 'pemda-51', categoryId: 'jalan-provinsi' })).body.status).toBe('ASSIGNED');
    await waitMail('pemda-51@instansi.example', id, 'Pelimpahan laporan');
    // Rights follow the current assignment (issue 7): the agency that transferred it away no longer sees it.
    expect((await act(id, badung, { action: 'RESPOND', message: 'x' })).status).toBe(404);

    // Province follows up; the reporter replies; the province answers again; the reporter closes and rates.
    expect((await act(id, bali, { action: 'ACKNOWLEDGE' })).body.status).toBe('IN_PROGRESS');
    expect((await act(id, bali, { action: 'COMMENT', message: 'Koordinasi dengan UPT jalan', internal: true })).status).toBe(200);
    expect((await act(id, bali, { action: 'RESPOND', message: 'Tim UPT menambal jalan Kamis.' })).body.status).toBe('RESPONDED');
    await waitMail('kadek@example.com', id, 'menindaklanjuti');
    expect((await act(id, reporterToken, { action: 'REPLY', message: 'Baru separuh yang ditambal.' })).body.status).toBe('IN_PROGRESS');
    const replyMail = await waitMail('pemda-51@instansi.example', id, 'Tanggapan pelapor');
    expect(replyMail.body.text).toContain('Baru separuh yang ditambal.');
    expect(replyMail.body.text).not.toMatch(/Kadek|kadek@example\.com/);
    expect((await act(id, bali, { action: 'RESPOND', message: 'Sudah ditambal seluruhnya.' })).body.status).toBe('RESPONDED');
    const closed = await act(id, reporterToken, { action: 'CONFIRM_RESOLVED' });
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      statusLabel: 'Selesai',
      allowedActions: ['REOPEN', 'RATE', 'REQUEST_OMBUDSMAN_REVIEW', 'ERASE_IDENTITY'],
    });
    const rated = await act(id, reporterToken, { action: 'RATE', score: 4, comment: 'Cepat setelah dilimpahkan' });
    expect(rated.body.rating).toMatchObject({ score: 4 });
    expect((await act(id, reporterToken, { action: 'RATE', score: 1 })).status).toBe(409);

    // The reporter's timeline has every public step but no internal note; staff see the note and the audit.
    const mine = await get(`${sys.api}/v1/complaints/${id}`, bearer(reporterToken));
    const types = mine.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'SUBMITTED',
      'EMAIL_CONFIRMED',
      'HELD',
      'REPLIED',
      'VERIFIED',
      'TRANSFERRED',
      'VERIFIED',
      'ACKNOWLEDGED',
      'RESPONDED',
      'REPLIED',
      'RESPONDED',
      'CLOSED',
      'RATED',
    ]);
    const staffView = await get(`${sys.api}/v1/complaints/${id}`, bearer(V));
    expect(staffView.body.timeline.map((e: { type: string }) => e.type)).toContain('COMMENTED');
    await waitMail('kadek@example.com', id, 'Selesai');
  });

  it('discloses a (non-anonymous) reporter identity to staff only on request, and records every disclosure', async () => {
    const created = await post(`${sys.api}/v1/complaints`, submission({ title: 'Pungli di kantor kecamatan', categoryId: 'perizinan' }));
    const id = created.body.trackingId;
    const V = tokens.verifikator as string;
    await waitFor(async () => ((await get(`${sys.api}/v1/complaints/${id}`, bearer(V))).body.suggestedAgency ? true : undefined));
    const opened = await get(`${sys.api}/v1/complaints/${id}`, bearer(V));
    expect(opened.body.reporter).toEqual({ withheld: true, revealable: true });
    expect(opened.body.timeline.map((e: { type: string }) => e.type)).not.toContain('IDENTITY_READ');
    const first = await get(`${sys.api}/v1/complaints/${id}?identity=show`, bearer(V));
    expect(first.body.reporter).toMatchObject({ name: 'Ni Luh Putu Ayu' });
    await get(`${sys.api}/v1/complaints/${id}?identity=show`, bearer(V));
    const after = await get(`${sys.api}/v1/complaints/${id}`, bearer(V));
    expect(after.body.timeline.filter((e: { type: string }) => e.type === 'IDENTITY_READ')).toHaveLength(2);
    const reporterView = await get(`${sys.api}/v1/complaints/${id}`, bearer(created.body.accessToken));
    expect(reporterView.body.timeline.map((e: { type: string }) => e.type)).not.toContain('IDENTITY_READ');
  });

  it('never loses an update when two officers act at once', async () => {
    const created = await post(`${sys.api}/v1/complaints`, submission({ title: 'Lampu jalan mati sebulan', categoryId: 'jalan-kabupaten-kota' }));
    const id = created.body.trackingId;
    const V = tokens.verifikator as string;
    const badung = tokens['petugas-badung'] as string;
    await waitFor(async () => ((await get(`${sys.api}/v1/complaints/${id}`, bearer(V))).body.suggestedAgency ? true : undefined));
    await act(id, V, { action: 'VERIFY', agencyId: 'pemda-51.03' });
    const comments = await Promise.all([1, 2, 3, 4].map((n) => act(id, n % 2 ? badung : V, { action: 'COMMENT', message: `catatan ${n}` })));
    expect(comments.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    const both = await Promise.all([act(id, badung, { action: 'ACKNOWLEDGE' }), act(id, badung, { action: 'ACKNOWLEDGE' })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const view = await get(`${sys.api}/v1/complaints/${id}`, bearer(V));
    expect(view.body.timeline.filter((e: { type: string }) => e.type === 'COMMENTED')).toHaveLength(4);
    expect(view.body.timeline.filter((e: { type: string }) => e.type === 'ACKNOWLEDGED')).toHaveLength(1);
  });

  it('lets operators amend the calendar in one call, and shows a year without official data', async () => {
    const op = tokens.operator as string;
    const uncovered = await get(`${sys.api}/v1/calendar?year=2027`);
    expect(uncovered.body).toMatchObject({ year: 2027, covered: false, warning: expect.stringContaining('2027') });
    const health = await get(`${sys.api}/v1/health`);
    expect(health.body.calendar.missingYears).toContain(2027);
    const refused = await post(
      `${sys.api}/v1/calendar`,
      { action: 'DECLARE_YEAR', year: 2027, source: 'SKB 2027' },
      bearer(tokens['petugas-badung'] as string),
    );
    expect(refused.status).toBe(403);
    const added = await post(
      `${sys.api}/v1/calendar`,
      { action: 'ADD_DAY', date: '2026-04-06', name: 'Cuti bersama tambahan (uji)', kind: 'COLLECTIVE_LEAVE', source: 'SKB perubahan' },
      bearer(op),
    );
    expect(added.status).toBe(201);
    expect(added.body.daysOff).toContainEqual({ date: '2026-04-06', name: 'Cuti bersama tambahan (uji)', kind: 'COLLECTIVE_LEAVE' });
    const declared = await post(`${sys.api}/v1/calendar`, { action: 'DECLARE_YEAR', year: 2027, source: 'SKB 3 Menteri 2027 (uji)' }, bearer(op));
    expect(declared.body.covered).toBe(true);
    const bad = await post(`${sys.api}/v1/calendar`, { action: 'ADD_DAY', date: '6 April' }, bearer(op));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['date', 'name', 'kind', 'source']));
  });

  it('computes deadlines by the 2026 calendar', async () => {
    const r = await get(`${sys.api}/v1/calendar/deadline?start=2026-03-18T09:00:00%2B07:00&workingDays=5&regionCode=31`);
    expect(r.body).toMatchObject({ date: '2026-03-31', deadline: '2026-03-31T23:59:59+07:00' });
    const bad = await get(`${sys.api}/v1/calendar/deadline?start=yesterday&workingDays=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['regionCode', 'start', 'workingDays']);
  });

  it('closes a follow-up the reporter left unanswered for 10 working days, and archives an unanswered hold — once, however often the sweep runs', async () => {
    const V = tokens.verifikator as string;
    const badung = tokens['petugas-badung'] as string;
    const silent = (await post(`${sys.api}/v1/complaints`, submission({ title: 'Sampah di Pantai Kuta' }))).body;
    await waitFor(async () =>
      (await get(`${sys.api}/v1/complaints/${silent.trackingId}`, bearer(silent.accessToken))).body.status === 'ASSIGNED' ? true : undefined,
    );
    await act(silent.trackingId, badung, { action: 'RESPOND', message: 'Sudah diangkut.' });
    const asked = (await post(`${sys.api}/v1/complaints`, submission({ title: 'Izin usaha tidak jelas', categoryId: 'perizinan' }))).body;
    await waitFor(async () => ((await get(`${sys.api}/v1/complaints/${asked.trackingId}`, bearer(V))).body.suggestedAgency ? true : undefined));
    await act(asked.trackingId, V, { action: 'HOLD', question: 'Izin apa yang dimaksud?' });

    const run = async () => (await post(`${sys.api}/_local/schedules/sweep-reporter-deadlines/run`, {})).body.result;
    expect(await run()).toMatchObject({ closed: 0, archived: 0 });
    const moved = await post(`${sys.api}/_local/clock`, { advance: 'P21D' });
    expect(moved.status).toBe(200);
    const [first, second] = await Promise.all([run(), run()]);
    const third = await run();
    expect(first.closed + second.closed + third.closed).toBeGreaterThanOrEqual(1);
    const closed = await get(`${sys.api}/v1/complaints/${silent.trackingId}`, bearer(silent.accessToken));
    expect(closed.body).toMatchObject({ status: 'CLOSED', closure: { how: 'NO_REPLY_FROM_REPORTER' } });
    expect(closed.body.timeline.filter((e: { type: string }) => e.type === 'CLOSED')).toHaveLength(1);
    const archived = await get(`${sys.api}/v1/complaints/${asked.trackingId}`, bearer(asked.accessToken));
    expect(archived.body).toMatchObject({ status: 'ARCHIVED', archive: { reason: 'NO_ANSWER_FROM_REPORTER' } });
    expect(archived.body.timeline.filter((e: { type: string }) => e.type === 'ARCHIVED')).toHaveLength(1);
    expect((await post(`${sys.api}/_local/clock`, { advance: 'five days' })).status).toBe(400);
    await post(`${sys.api}/_local/clock`, { reset: true });
  });
});
