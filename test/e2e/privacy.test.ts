/**
 * Issue 7's privacy part over HTTP: a reporter erases their identity with their token; an
 * operator exports and erases one person's data; the retention schedule erases identities a
 * year after closure. Statistics and the non-personal case record survive every erasure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, mailbox, post, submission } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const tokens: Record<string, string> = {};
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const act = (id: string, token: string, body: unknown) => post(`${sys.api}/v1/complaints/${id}/actions`, body, bearer(token));

beforeAll(async () => {
  sys = await startLocalProcess();
  for (const u of ['verifikator', 'petugas-badung', 'operator']) tokens[u] = await sys.token(u);
});
afterAll(async () => sys?.stop());

async function closedComplaint(email: string) {
  const created = await post(`${sys.api}/v1/complaints`, submission({ reporter: { name: 'Komang Privasi', email, phone: '081299990000' } }));
  const { trackingId, accessToken } = created.body as { trackingId: string; accessToken: string };
  await act(trackingId, tokens.verifikator as string, { action: 'VERIFY', agencyId: 'pemda-51.03' });
  await act(trackingId, tokens['petugas-badung'] as string, { action: 'RESPOND', message: 'Sampah sudah diangkut.' });
  expect((await act(trackingId, accessToken, { action: 'CONFIRM_RESOLVED' })).body.status).toBe('CLOSED');
  return { trackingId, accessToken };
}

describe('personal data has an owner and an end', () => {
  it('mails an address nobody confirmed once, with nothing of the complaint, and never again', async () => {
    const { trackingId } = await closedComplaint('orang.lain@example.com');
    // Verified, answered and closed: each would mail a confirmed reporter.
    await new Promise((r) => setTimeout(r, 2_000));
    const mails = (await mailbox(sys.mail)).filter((e) => e.destination.to.includes('orang.lain@example.com'));
    expect(mails.map((m) => m.subject)).toEqual([`[Aduan ${trackingId}] Konfirmasi alamat email Anda`]);
    expect(mails[0]?.body.text).not.toContain('Sampah');
  });

  it('lets the reporter erase their identity with the access token; the case stays, the identity is gone for everyone', async () => {
    const created = await post(`${sys.api}/v1/complaints`, submission({ reporter: { name: 'Ketut Hapus', email: 'ketut.hapus@example.com' } }));
    const { trackingId, accessToken } = created.body;
    const before = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(accessToken));
    expect(before.body.reporter).toMatchObject({ name: 'Ketut Hapus' });
    expect(before.body.allowedActions).toContain('ERASE_IDENTITY');
    const erased = await act(trackingId, accessToken, { action: 'ERASE_IDENTITY' });
    expect(erased.status).toBe(200);
    expect(erased.body.reporter).toBeNull();
    expect(erased.body.timeline.map((e: { type: string }) => e.type)).toContain('IDENTITY_ERASED');
    const staff = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(tokens.verifikator as string));
    expect(staff.body.reporter).toBeNull();
    expect(staff.body.title).toBe(before.body.title);
    expect((await act(trackingId, accessToken, { action: 'ERASE_IDENTITY' })).status).toBe(409);
  });

  it('lets an operator export one person’s data (audited) and erase it, and nobody else', async () => {
    const first = await closedComplaint('wayan.export@example.com');
    const second = await post(`${sys.api}/v1/complaints`, submission({ reporter: { name: 'Komang Privasi', email: 'Wayan.Export@Example.com' } }));
    expect((await get(`${sys.api}/v1/personal-data?email=wayan.export@example.com`, bearer(tokens['petugas-badung'] as string))).status).toBe(403);
    const exported = await get(`${sys.api}/v1/personal-data?email=wayan.export@example.com`, bearer(tokens.operator as string));
    expect(exported.status).toBe(200);
    expect(exported.body.complaints.map((c: { trackingId: string }) => c.trackingId).sort()).toEqual([first.trackingId, second.body.trackingId].sort());
    expect(exported.body.complaints[0].identity).toMatchObject({ name: 'Komang Privasi' });
    const staffView = await get(`${sys.api}/v1/complaints/${first.trackingId}`, bearer(tokens.verifikator as string));
    expect(staffView.body.timeline).toContainEqual(
      expect.objectContaining({ type: 'IDENTITY_READ', message: expect.stringContaining('diekspor oleh operator') }),
    );

    const erased = await post(`${sys.api}/v1/personal-data/erasures`, { email: 'wayan.export@example.com' }, bearer(tokens.operator as string));
    expect(erased.body.count).toBe(2);
    const again = await get(`${sys.api}/v1/personal-data?email=wayan.export@example.com`, bearer(tokens.operator as string));
    expect(again.body.complaints).toEqual([]);
    expect((await get(`${sys.api}/v1/complaints/${first.trackingId}`, bearer(first.accessToken))).body.reporter).toBeNull();
  });

  it('erases an identity when its retention period after closure ends, and not before', async () => {
    const { trackingId, accessToken } = await closedComplaint('made.retensi@example.com');
    const run = async () => (await post(`${sys.api}/_local/schedules/erase-expired-identities/run`, {})).body.result;
    await run();
    expect((await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(accessToken))).body.reporter).toMatchObject({ email: 'made.retensi@example.com' });
    await post(`${sys.api}/_local/clock`, { advance: 'P366D' });
    try {
      expect((await run()).erased).toBeGreaterThanOrEqual(1);
      const view = await get(`${sys.api}/v1/complaints/${trackingId}`, bearer(accessToken));
      expect(view.body.reporter).toBeNull();
      expect(view.body.status).toBe('CLOSED');
      expect(view.body.timeline.at(-1)).toMatchObject({ type: 'IDENTITY_ERASED', message: expect.stringContaining('masa simpan') });
    } finally {
      await post(`${sys.api}/_local/clock`, { reset: true });
    }
  });
});
