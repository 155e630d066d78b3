/**
 * Staff accounts on the in-memory tier (issue 21): who may invite and change whose account, the
 * invitation mail, the audit trail, the last operator. The Cognito adapter itself is held to the
 * same behaviour against cognito-local in test/integration/staff-accounts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../functions/core/staff';
import { temporaryPassword } from '../../functions/core/staff-accounts';
import { actOnStaff, inviteStaff, listStaff, staffHistory } from '../../functions/use-cases/staff-accounts';
import { importStaff } from '../../functions/use-cases/staff-import';
import { memoryDeps } from '../support/in-memory';

const operator: StaffPrincipal = { kind: 'STAFF', username: 'operator', roles: ['OPERATOR'] };
const adminBadung: StaffPrincipal = { kind: 'STAFF', username: 'admin-badung', roles: ['SERVICE_ADMIN'], agencyId: 'pemda-51.03' };
const officerBadung: StaffPrincipal = { kind: 'STAFF', username: 'petugas-badung', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.03' };

const made = {
  name: 'Made Wirawan',
  email: 'made.wirawan@badungkab.contoh.go.id',
  group: 'petugas-instansi' as const,
  agencyId: 'pemda-51.03',
};

describe('inviting staff', () => {
  it('an operator invites an agency administrator: the account waits for its first sign-in, the mail carries the username and a temporary password', async () => {
    const m = memoryDeps();
    const invited = await inviteStaff(m.deps, operator, {
      name: 'Ni Luh Sari',
      email: 'niluh@badungkab.contoh.go.id',
      group: 'admin-instansi',
      agencyId: 'pemda-51.03',
      username: 'admin-badung-2',
    });
    expect(invited).toMatchObject({ username: 'admin-badung-2', status: 'INVITED', group: 'admin-instansi', agencyId: 'pemda-51.03', invitationMailed: true });
    const [mail] = m.mailer.sent;
    expect(mail?.to).toBe('niluh@badungkab.contoh.go.id');
    const password = mail?.email.text.match(/Kata sandi sementara: (\S+)/)?.[1];
    expect(password).toMatch(/^.{16}$/);
    expect(mail?.email.text).toContain('Nama pengguna: admin-badung-2');
    expect(mail?.email.text).toContain('https://aduan.example/#/petugas/masuk');
    expect(mail?.email.text).toMatch(/Berlaku sampai: 9 April 2026/);
    // What an agency administrator does first, in order.
    expect(mail?.email.text).toMatch(/1\. Masuk[\s\S]*2\. Periksa alamat email pengaduan[\s\S]*3\. Undang petugas[\s\S]*4\. Terbitkan standar pelayanan/);
    expect((await staffHistory(m.deps, operator, 'admin-badung-2')).items).toEqual([
      expect.objectContaining({ action: 'INVITE', by: 'operator', after: expect.objectContaining({ status: 'INVITED' }) }),
    ]);
  });

  it('writes a person’s mails in the language chosen at the invitation, which their profile keeps (issue 23)', async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, adminBadung, { ...made, language: 'en' });
    const invitation = m.mailer.sent[0]?.email;
    expect(invitation?.subject).toBe('[Aduan] Invitation to a staff account: Agency officer — Pemerintah Kabupaten Badung');
    expect(invitation?.text).toMatch(/^Dear Made Wirawan,/);
    expect(invitation?.text).toMatch(/Temporary password: \S{16}\n/);
    expect(invitation?.text).toMatch(/Valid until: 9 April 2026 at 09:00 WIB \(UTC\+7\)/);
    expect(invitation?.text).toMatch(/1\. Sign in at https:\/\/aduan\.example\/#\/petugas\/masuk[\s\S]*2\. Open your agency's inbox/);
    expect(invitation?.html).toContain('<html lang="en">');
    expect(invitation?.text).not.toMatch(/Yth\.|Kata sandi|Langkah/);
    // The profile keeps it: a later change is told in English too.
    expect((await m.deps.staffAccounts.get('made.wirawan'))?.language).toBe('en');
    await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'DISABLE' });
    const notice = m.mailer.sent[1]?.email;
    expect(notice?.subject).toMatch(/^\[Aduan\] Your staff account: /);
    expect(notice?.text).toContain('Your account can no longer be used to sign in.');
  });

  it("an agency's administrator invites for their own agency only, never an operator; officers invite nobody", async () => {
    const m = memoryDeps();
    expect((await inviteStaff(m.deps, adminBadung, made)).username).toBe('made.wirawan');
    await expect(inviteStaff(m.deps, adminBadung, { ...made, email: 'x@denpasarkota.contoh.go.id', agencyId: 'pemda-51.71' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(inviteStaff(m.deps, adminBadung, { name: 'Operator Baru', email: 'op@contoh.go.id', group: 'operator' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(inviteStaff(m.deps, officerBadung, { ...made, email: 'y@badungkab.contoh.go.id' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(inviteStaff(m.deps, adminBadung, made)).rejects.toMatchObject({ kind: 'CONFLICT' });
    // What a person typed is text in the mail, never markup.
    await inviteStaff(m.deps, adminBadung, { ...made, name: 'Made <script>x</script>', email: 'made2@badungkab.contoh.go.id' });
    const html = m.mailer.sent.at(-1)?.email.html ?? '';
    expect(html).toContain('Made &lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<code>[^<]{16}<\/code>/);
  });

  it('names each field a placement lacks: an officer without an agency, an Ombudsman officer without a province', async () => {
    const m = memoryDeps();
    await expect(inviteStaff(m.deps, operator, { ...made, agencyId: undefined } as never)).rejects.toMatchObject({
      kind: 'VALIDATION',
      fieldErrors: [expect.objectContaining({ field: 'agencyId' })],
    });
    await expect(
      inviteStaff(m.deps, operator, { name: 'Ombudsman', email: 'o@ombudsman.go.id', group: 'ombudsman', agencyId: 'pemda-51' }),
    ).rejects.toMatchObject({
      kind: 'VALIDATION',
      fieldErrors: [expect.objectContaining({ field: 'agencyId' }), expect.objectContaining({ field: 'provinceCode' })],
    });
  });

  it('makes temporary passwords the pool accepts: 16 characters with upper, lower, digit and symbol', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    };
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword((n) => Uint8Array.from({ length: n }, next));
      expect(p).toHaveLength(16);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[!#$%*+\-=?@]/);
    }
  });
});

describe('acting on an account', () => {
  it('disables and re-enables an officer, audits both and tells the officer each time', async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, adminBadung, made);
    m.setNow('2026-04-06T03:00:00Z');
    expect(await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'DISABLE' })).toMatchObject({ status: 'DISABLED', mailed: true });
    expect(m.mailer.sent.at(-1)?.email.subject).toBe('[Aduan] Akun petugas Anda: Dinonaktifkan');
    expect(m.mailer.sent.at(-1)?.email.text).toContain('Oleh: admin-badung');
    expect(await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'ENABLE' })).toMatchObject({ status: 'INVITED' });
    const history = (await staffHistory(m.deps, adminBadung, 'made.wirawan')).items.map((c) => c.action);
    expect(history).toEqual(['ENABLE', 'DISABLE', 'INVITE']);
    // The person themselves may read their trail; another agency's administrator may not.
    await expect(staffHistory(m.deps, { ...adminBadung, username: 'admin-denpasar', agencyId: 'pemda-51.71' }, 'made.wirawan')).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
  });

  it('lets each person, and only them, keep their language in their profile: no history, no mail (issue 23)', async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, adminBadung, made);
    const mailsBefore = m.mailer.sent.length;
    const self: StaffPrincipal = { kind: 'STAFF', username: 'made.wirawan', roles: ['AGENCY_OFFICER'], agencyId: 'pemda-51.03' };
    expect(await actOnStaff(m.deps, self, 'made.wirawan', { action: 'SET_LANGUAGE', language: 'en' })).toMatchObject({ language: 'en', mailed: false });
    expect((await m.deps.staffAccounts.get('made.wirawan'))?.language).toBe('en');
    // Their administrator manages the account, not its language.
    await expect(actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'SET_LANGUAGE', language: 'id' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    expect((await staffHistory(m.deps, adminBadung, 'made.wirawan')).items.map((c) => c.action)).toEqual(['INVITE']);
    expect(m.mailer.sent.length).toBe(mailsBefore);
  });

  it('sends an invitation again only while it is unused, and a new password mail with it', async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, adminBadung, made);
    const first = m.mailer.sent[0]?.email.text.match(/Kata sandi sementara: (\S+)/)?.[1];
    await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'RESEND_INVITATION' });
    const second = m.mailer.sent[1]?.email.text.match(/Kata sandi sementara: (\S+)/)?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const account = (m.deps.staffAccounts as unknown as { accounts: Map<string, { status: string }> }).accounts.get('made.wirawan');
    if (account) account.status = 'ACTIVE';
    await expect(actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'RESEND_INVITATION' })).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'RESET_PASSWORD' })).toMatchObject({ status: 'INVITED', mailed: true });
  });

  it("changes roles and agencies within the administrator's reach only; nobody changes their own", async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, operator, {
      name: 'Admin Badung',
      email: 'admin-badung@x.go.id',
      group: 'admin-instansi',
      agencyId: 'pemda-51.03',
      username: 'admin-badung',
    });
    await inviteStaff(m.deps, adminBadung, made);
    expect(await actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'CHANGE_GROUP', group: 'admin-instansi', agencyId: 'pemda-51.03' })).toMatchObject({
      group: 'admin-instansi',
    });
    await expect(actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'MOVE_AGENCY', agencyId: 'pemda-51.71' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(actOnStaff(m.deps, adminBadung, 'made.wirawan', { action: 'CHANGE_GROUP', group: 'operator' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(actOnStaff(m.deps, adminBadung, 'admin-badung', { action: 'DISABLE' })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    expect(await actOnStaff(m.deps, operator, 'made.wirawan', { action: 'MOVE_AGENCY', agencyId: 'pemda-51.71' })).toMatchObject({ agencyId: 'pemda-51.71' });
    expect(m.mailer.sent.at(-1)?.email.text).toMatch(/Sebelumnya: Admin instansi — .*Badung[\s\S]*Sekarang: Admin instansi — .*Denpasar/);
  });

  it('never leaves the pool without an active operator, even to an operator whose own account was just disabled', async () => {
    const m = memoryDeps();
    const root: StaffPrincipal = { kind: 'STAFF', username: 'root', roles: ['OPERATOR'] };
    await inviteStaff(m.deps, root, { name: 'Operator A', email: 'a@aduan.go.id', group: 'operator', username: 'operator-a' });
    await inviteStaff(m.deps, root, { name: 'Operator B', email: 'b@aduan.go.id', group: 'operator', username: 'operator-b' });
    const a: StaffPrincipal = { kind: 'STAFF', username: 'operator-a', roles: ['OPERATOR'] };
    const b: StaffPrincipal = { kind: 'STAFF', username: 'operator-b', roles: ['OPERATOR'] };
    await actOnStaff(m.deps, a, 'operator-b', { action: 'DISABLE' });
    // B's token still works for up to an hour: B cannot take the last active operator with them.
    await expect(actOnStaff(m.deps, b, 'operator-a', { action: 'DISABLE' })).rejects.toMatchObject({ kind: 'CONFLICT' });
    await expect(actOnStaff(m.deps, b, 'operator-a', { action: 'CHANGE_GROUP', group: 'verifikator' })).rejects.toMatchObject({ kind: 'CONFLICT' });
  });
});

describe('listing staff', () => {
  it("shows an administrator their own agency's officers and administrators, an operator anyone's, a page at a time", async () => {
    const m = memoryDeps();
    for (let i = 0; i < 30; i++) await inviteStaff(m.deps, operator, { ...made, email: `petugas${i}@badungkab.contoh.go.id` });
    await inviteStaff(m.deps, operator, { ...made, email: 'petugas@denpasarkota.contoh.go.id', agencyId: 'pemda-51.71' });
    await inviteStaff(m.deps, operator, { name: 'Verifikator', email: 'verif@aduan.go.id', group: 'verifikator' });
    const own = await listStaff(m.deps, adminBadung, { limit: 50 });
    expect(own.items).toHaveLength(30);
    expect(new Set(own.items.map((a) => a.agencyId))).toEqual(new Set(['pemda-51.03']));
    await expect(listStaff(m.deps, adminBadung, { agencyId: 'pemda-51.71', limit: 10 })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(listStaff(m.deps, officerBadung, { limit: 10 })).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    const first = await listStaff(m.deps, operator, { agencyId: 'pemda-51.03', limit: 10 });
    expect(first.items.length).toBeGreaterThanOrEqual(10);
    expect(first.nextCursor).toBeTruthy();
    const rest = await listStaff(m.deps, operator, { agencyId: 'pemda-51.03', limit: 50, cursor: first.nextCursor as string });
    expect(new Set([...first.items, ...rest.items].map((a) => a.username)).size).toBe(30);
    // A cursor is bound to its filters.
    await expect(listStaff(m.deps, operator, { limit: 10, cursor: first.nextCursor as string })).rejects.toMatchObject({ kind: 'VALIDATION' });
    expect((await listStaff(m.deps, operator, { group: 'verifikator', limit: 10 })).items.map((a) => a.username)).toEqual(['verif']);
  });
});

describe('importing staff from a spreadsheet', () => {
  it('invites every row or none, naming each bad row: a foreign agency, an unknown group, a username twice or already taken', async () => {
    const m = memoryDeps();
    await inviteStaff(m.deps, adminBadung, made);
    const bad = await importStaff(
      m.deps,
      adminBadung,
      [
        'name,email,group,agencyId,provinceCode',
        'Ketut Ayu,ketut@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,',
        'Orang Denpasar,orang@denpasarkota.contoh.go.id,petugas-instansi,pemda-51.71,',
        'Raja,raja@badungkab.contoh.go.id,raja,pemda-51.03,',
        'Ketut Lain,ketut@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,',
        'Made Lagi,made.wirawan@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,',
      ].join('\n'),
    ).catch((e) => e);
    expect(bad).toMatchObject({ kind: 'VALIDATION' });
    expect(bad.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['rows.2.group', 'rows.3.group', 'rows.4.username', 'rows.5.username']);
    expect([...(m.deps.staffAccounts as unknown as { accounts: Map<string, unknown> }).accounts.keys()]).toEqual(['made.wirawan']);
    const good = await importStaff(
      m.deps,
      adminBadung,
      'name,email,group,agencyId,provinceCode\nKetut Ayu,ketut@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,\nWayan Bagus,wayan@badungkab.contoh.go.id,admin-instansi,pemda-51.03,',
    );
    expect(good).toEqual({ imported: ['ketut', 'wayan'], notMailed: [] });
    expect(m.mailer.sent.map((s) => s.to)).toEqual(expect.arrayContaining(['ketut@badungkab.contoh.go.id', 'wayan@badungkab.contoh.go.id']));
    expect((await staffHistory(m.deps, adminBadung, 'ketut')).items[0]).toMatchObject({ action: 'IMPORT', by: 'admin-badung' });
  });
});
