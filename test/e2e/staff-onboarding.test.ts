/**
 * A complaint unit ready in a day (issue 21), through the local system on cognito-local, the SES
 * emulator and DynamoDB Local: an operator invites Badung's administrator, who signs in for the
 * first time with the mailed temporary password and sets their own; they invite an officer, who
 * answers a complaint; Badung's administrator cannot invite for Denpasar or make an operator; a
 * disabled officer's next sign-in fails; every change is on the account's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapturedEmail, get, mailbox, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
const bearer = (t: string | undefined) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  sys = await startLocalProcess();
});
afterAll(async () => sys?.stop());

const mailTo = (to: string, subject: string) =>
  waitFor(
    async () => (await mailbox(sys.mail)).filter((e) => e.destination.to.includes(to) && e.subject.includes(subject)).at(-1),
    20_000,
  ) as Promise<CapturedEmail>;
const temporaryPasswordIn = (mail: CapturedEmail) => mail.body.text?.match(/Kata sandi sementara: (\S+)/)?.[1] as string;

/** The portal's sign-in, as the API takes it: the password, then a new one when the password was temporary. */
async function firstSignIn(username: string, temporary: string, chosen: string) {
  const first = await post(`${sys.api}/v1/sessions`, { step: 'PASSWORD', username, password: temporary });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ next: 'NEW_PASSWORD', session: expect.any(String) });
  // A new password the policy refuses is named before the provider is asked.
  const weak = await post(`${sys.api}/v1/sessions`, { step: 'NEW_PASSWORD', username, session: first.body.session, newPassword: 'pendek' });
  expect(weak.status).toBe(400);
  expect(weak.body.errors.map((e: { field: string }) => e.field)).toContain('newPassword');
  const done = await post(`${sys.api}/v1/sessions`, { step: 'NEW_PASSWORD', username, session: first.body.session, newPassword: chosen });
  expect(done.status).toBe(201);
  return done.body as { idToken: string; staff: { username: string; roles: string[]; agencyId?: string } };
}

describe('onboarding an agency', () => {
  it('operator → Badung administrator → officer, each signing in for the first time, and the officer answers a complaint', async () => {
    const operator = await sys.token('operator');
    const readiness = async () => {
      const r = await get(`${sys.api}/v1/agencies/pemda-51.03/readiness`, bearer(operator));
      expect(r.status).toBe(200);
      return Object.fromEntries((r.body.steps as { step: string; done: boolean }[]).map((s) => [s.step, s.done]));
    };
    // The seeded catalogue already counts; nobody of Badung has signed in through Aduan yet.
    expect(await readiness()).toEqual({ ADMINISTRATOR: false, DESK_ADDRESS: false, OFFICER: false, SERVICE_STANDARDS: true, LIAISON: false });
    const invited = await post(
      `${sys.api}/v1/staff`,
      { name: 'Ni Luh Sari', email: 'niluh.sari@badungkab.contoh.go.id', group: 'admin-instansi', agencyId: 'pemda-51.03', username: 'admin-badung-baru' },
      bearer(operator),
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ username: 'admin-badung-baru', status: 'INVITED', group: 'admin-instansi', invitationMailed: true });
    expect(JSON.stringify(invited.body)).not.toMatch(/password|sandi/i);

    const invitation = await mailTo('niluh.sari@badungkab.contoh.go.id', 'Undangan akun petugas');
    expect(invitation.body.text).toContain('Nama pengguna: admin-badung-baru');
    expect(invitation.body.text).toContain('/#/petugas/masuk');
    // The temporary password opens nothing but the step that replaces it.
    const admin = await firstSignIn('admin-badung-baru', temporaryPasswordIn(invitation), 'Badung-Admin-2026!');
    expect(admin.staff).toMatchObject({ username: 'admin-badung-baru', roles: ['SERVICE_ADMIN'], agencyId: 'pemda-51.03' });
    expect((await post(`${sys.api}/v1/sessions`, { step: 'PASSWORD', username: 'admin-badung-baru', password: 'Badung-Admin-2026!' })).status).toBe(201);
    expect(await readiness()).toMatchObject({ ADMINISTRATOR: true, OFFICER: false });

    // The administrator invites officers of their own agency by spreadsheet, all rows or none, and no further.
    const sheet = (...rows: string[]) => ['name,email,group,agencyId,provinceCode,language', ...rows].join('\n');
    const refused = await post(
      `${sys.api}/v1/staff/imports`,
      {
        csv: sheet(
          'Made Wirawan,made.wirawan@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,,',
          'Luar,luar@denpasarkota.contoh.go.id,petugas-instansi,pemda-51.71,,',
        ),
      },
      bearer(admin.idToken),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'rows.2.group' })]);
    const imported = await post(
      `${sys.api}/v1/staff/imports`,
      {
        csv: sheet(
          'Made Wirawan,made.wirawan@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,,',
          'Ketut Ayu,ketut.ayu@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,,en',
        ),
      },
      bearer(admin.idToken),
    );
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: ['made.wirawan', 'ketut.ayu'], notMailed: [] });
    const forDenpasar = await post(
      `${sys.api}/v1/staff`,
      { name: 'Orang Denpasar', email: 'orang@denpasarkota.contoh.go.id', group: 'petugas-instansi', agencyId: 'pemda-51.71' },
      bearer(admin.idToken),
    );
    expect(forDenpasar.status).toBe(403);
    expect(forDenpasar.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const anOperator = await post(
      `${sys.api}/v1/staff`,
      { name: 'Operator Palsu', email: 'op@badungkab.contoh.go.id', group: 'operator' },
      bearer(admin.idToken),
    );
    expect(anOperator.status).toBe(403);
    const listed = await get(`${sys.api}/v1/staff?limit=50`, bearer(admin.idToken));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { username: string }) => a.username)).toEqual(
      expect.arrayContaining(['admin-badung-baru', 'made.wirawan', 'ketut.ayu', 'petugas-badung']),
    );
    expect(new Set(listed.body.items.map((a: { agencyId: string }) => a.agencyId))).toEqual(new Set(['pemda-51.03']));
    // Who has signed in, and when: the administrator has, the officers not yet.
    const byName = new Map(listed.body.items.map((a: { username: string }) => [a.username, a]));
    expect(byName.get('admin-badung-baru')).toMatchObject({ status: 'ACTIVE', lastSignInAt: expect.any(String) });
    expect(byName.get('made.wirawan')).toMatchObject({ status: 'INVITED' });
    // Ketut chose English at the invitation (issue 23): the user pool keeps it, and the mail speaks it.
    expect(byName.get('ketut.ayu')).toMatchObject({ status: 'INVITED', language: 'en' });
    const english = await mailTo('ketut.ayu@badungkab.contoh.go.id', 'Invitation to a staff account');
    expect(english.body.text).toMatch(/^Dear Ketut Ayu,[\s\S]*Temporary password: \S{16}\n/);
    expect(english.body.html).toContain('<html lang="en">');
    expect((byName.get('made.wirawan') as { lastSignInAt?: string }).lastSignInAt).toBeUndefined();

    const officer = await firstSignIn(
      'made.wirawan',
      temporaryPasswordIn(await mailTo('made.wirawan@badungkab.contoh.go.id', 'Undangan akun petugas')),
      'Wirawan-Badung-2026!',
    );
    expect(await readiness()).toMatchObject({ ADMINISTRATOR: true, OFFICER: true });
    // The administrator reads their own checklist; the operator sees Badung among the 552.
    const own = await get(`${sys.api}/v1/agencies/pemda-51.03/readiness`, bearer(admin.idToken));
    expect(own.body).toMatchObject({ ready: false, nextStep: 'DESK_ADDRESS' });
    const table = await get(`${sys.api}/v1/readiness?provinceCode=51&level=REGENCY`, bearer(operator));
    expect(table.body.summary.localGovernments).toBe(552);
    expect(table.body.rows.find((r: { agencyId: string }) => r.agencyId === 'pemda-51.03')).toMatchObject({ nextStep: 'DESK_ADDRESS' });
    expect((await get(`${sys.api}/v1/readiness`, bearer(admin.idToken))).status).toBe(403);
    // Waste collection is routed without verification here: straight to Badung's inbox.
    const complaint = await post(`${sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Sampah tidak diangkut di Kerobokan',
      description: 'Sampah rumah tangga di Jalan Raya Kerobokan tidak diangkut selama seminggu.',
      categoryId: 'kebersihan-sampah',
      location: { regionCode: '51.03' },
      anonymous: true,
      confidential: false,
    });
    expect(complaint.status).toBe(201);
    const id = complaint.body.trackingId as string;
    await waitFor(async () => (await get(`${sys.api}/v1/complaints/${id}`, bearer(officer.idToken))).body.status === 'ASSIGNED', 20_000);
    const acknowledged = await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'ACKNOWLEDGE' }, bearer(officer.idToken));
    expect(acknowledged.status).toBe(200);
    const answered = await post(
      `${sys.api}/v1/complaints/${id}/actions`,
      { action: 'RESPOND', message: 'Petugas kebersihan dijadwalkan mengangkut sampah besok pagi.' },
      bearer(officer.idToken),
    );
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('RESPONDED');

    // Disabled: the next sign-in fails, the officer is told, and the history says who did it.
    const disabled = await post(`${sys.api}/v1/staff/made.wirawan/actions`, { action: 'DISABLE' }, bearer(admin.idToken));
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'DISABLED', mailed: true });
    // made.wirawan was Badung's only officer who had signed in (ketut.ayu has not yet).
    expect(await readiness()).toMatchObject({ OFFICER: false });
    expect((await post(`${sys.api}/v1/sessions`, { step: 'PASSWORD', username: 'made.wirawan', password: 'Wirawan-Badung-2026!' })).status).toBe(401);
    expect((await mailTo('made.wirawan@badungkab.contoh.go.id', 'Dinonaktifkan')).body.text).toContain('Oleh: admin-badung-baru');
    const history = await get(`${sys.api}/v1/staff/made.wirawan/history`, bearer(operator));
    expect(history.body.items.map((c: { action: string; by: string }) => `${c.action} ${c.by}`)).toEqual([
      'DISABLE admin-badung-baru',
      'IMPORT admin-badung-baru',
    ]);
    // Nobody changes their own account.
    expect((await post(`${sys.api}/v1/staff/admin-badung-baru/actions`, { action: 'DISABLE' }, bearer(admin.idToken))).status).toBe(403);
  });

  it('refuses what is not allowed with problem+json naming the field, and an officer manages nobody', async () => {
    const operator = await sys.token('operator');
    const bad = await post(`${sys.api}/v1/staff`, { name: 'X', email: 'bukan-email', group: 'raja', extra: 1 }, bearer(operator));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'email', 'group']));
    const noAgency = await post(`${sys.api}/v1/staff`, { name: 'Petugas', email: 'p@contoh.go.id', group: 'petugas-instansi' }, bearer(operator));
    expect(noAgency.status).toBe(400);
    expect(noAgency.body.errors).toEqual([expect.objectContaining({ field: 'agencyId' })]);
    const officer = await sys.token('petugas-badung');
    expect((await get(`${sys.api}/v1/staff`, bearer(officer))).status).toBe(403);
    expect((await post(`${sys.api}/v1/staff/petugas-denpasar/actions`, { action: 'DISABLE' }, bearer(officer))).status).toBe(403);
    expect((await post(`${sys.api}/v1/staff/tidak-ada/actions`, { action: 'DISABLE' }, bearer(operator))).status).toBe(404);
  });

  it('a forgotten password: the same answer for any username, a code by mail, then a new password signs in', async () => {
    const ask = (username: string) => post(`${sys.api}/v1/sessions`, { step: 'FORGOT_PASSWORD', username });
    const known = await ask('petugas-denpasar');
    const unknown = await ask('tidak-ada-orangnya');
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.body).toEqual({ next: 'RESET_PASSWORD' });
    expect(unknown.body).toEqual(known.body);
    const mail = await mailTo('petugas-denpasar@instansi.example', 'Kode atur ulang kata sandi');
    const code = mail.body.text?.match(/^Kode \/ Code: (\d{6})$/m)?.[1] as string;
    // One template for the whole pool: every language the system speaks.
    expect(mail.body.text).toContain('That is the code to reset the password');
    expect(code).toMatch(/^\d{6}$/);
    const reset = (c: string) =>
      post(`${sys.api}/v1/sessions`, { step: 'RESET_PASSWORD', username: 'petugas-denpasar', code: c, newPassword: 'Denpasar-Baru-2026!' });
    expect((await reset(code === '000000' ? '111111' : '000000')).status).toBe(401);
    const signedIn = await reset(code);
    expect(signedIn.status).toBe(201);
    expect(signedIn.body.staff).toMatchObject({ username: 'petugas-denpasar', agencyId: 'pemda-51.71' });
    expect((await post(`${sys.api}/v1/sessions`, { step: 'PASSWORD', username: 'petugas-denpasar', password: 'Aduan-Lokal-2026!' })).status).toBe(401);
  });
});
