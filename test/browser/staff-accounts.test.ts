/// <reference lib="dom" />
/**
 * Staff accounts in a real Chromium (issue 21): an operator invites Badung's administrator from
 * the portal; the administrator signs in for the first time with the mailed temporary password
 * and sets their own; they see their agency's accounts only, invite an officer by spreadsheet and
 * disable another, who can then
 * no longer sign in. Each page passes axe, 360 px and 44 px checks and is photographed.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP } from '../support/browser';
import { type CapturedEmail, mailbox } from '../support/fixtures';
import { waitFor } from '../support/network';
import { checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

const { env, person, signIn } = portalOnLocalSystem();

describe('staff accounts in the portal', { timeout: 90_000 }, () => {
  it('an operator invites an administrator, who sets their own password at first sign-in and disables an officer', async () => {
    const operator = await signIn('operator');
    await operator.page.getByRole('link', { name: 'Akun petugas' }).click();
    await heading(operator.page, 'Akun petugas').waitFor();
    const form = operator.page.getByRole('region', { name: 'Undang petugas' });
    await form.getByLabel('Nama lengkap').fill('Ni Luh Sari');
    await form.getByLabel('Email').fill('niluh.sari@badungkab.contoh.go.id');
    await form.getByLabel('Peran').selectOption('admin-instansi');
    await form.getByLabel('Kode instansi').fill('pemda-51.03');
    await form.getByLabel('Nama pengguna (opsional)').fill('admin-badung-baru');
    await form.getByRole('button', { name: 'Kirim undangan' }).click();
    await visible(operator.page.getByText('Undangan dikirim ke niluh.sari@badungkab.contoh.go.id'));
    await visible(operator.page.getByTestId('account-admin-badung-baru').getByText('Diundang, belum masuk'));
    await checkPage(operator, 'operator-akun-petugas');

    const mail = (await waitFor(
      async () => (await mailbox(env.sys.mail)).find((e) => e.destination.to.includes('niluh.sari@badungkab.contoh.go.id')),
      20_000,
    )) as CapturedEmail;
    const temporary = mail.body.text?.match(/Kata sandi sementara: (\S+)/)?.[1] as string;

    const admin = await person(DESKTOP);
    await admin.page.goto(`${env.sys.api}/#/petugas/masuk`);
    await admin.page.getByLabel('Nama pengguna').fill('admin-badung-baru');
    await admin.page.getByLabel('Kata sandi', { exact: true }).fill(temporary);
    await admin.page.getByRole('button', { name: 'Masuk' }).click();
    await visible(admin.page.getByText('Ini masuk pertama Anda'));
    await admin.page.getByLabel('Kata sandi baru', { exact: true }).fill('Badung-Admin-2026!');
    await admin.page.getByLabel('Ulangi kata sandi baru').fill('Badung-Admin-2026?');
    await admin.page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    // Two different passwords are caught before anything is sent.
    await visible(admin.page.getByText('tidak sama dengan kata sandi baru'));
    await checkPage(admin, 'petugas-kata-sandi-baru');
    await admin.page.getByLabel('Ulangi kata sandi baru').fill('Badung-Admin-2026!');
    await admin.page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await heading(admin.page, 'Kotak masuk').waitFor();

    await admin.page.getByRole('link', { name: 'Akun petugas' }).click();
    await heading(admin.page, /Akun petugas/).waitFor();
    await visible(admin.page.getByTestId('account-petugas-badung'));
    // Their own agency's people only; no operator role to give.
    expect(await admin.page.getByTestId('account-petugas-denpasar').count()).toBe(0);
    expect(await admin.page.getByRole('region', { name: 'Undang petugas' }).getByLabel('Peran').locator('option[value="operator"]').count()).toBe(0);
    // Officers by spreadsheet: a bad row refuses the whole file, naming the row.
    const upload = (csv: string) => admin.page.getByLabel('Berkas CSV').setInputFiles({ name: 'petugas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload(
      'name,email,group,agencyId,provinceCode\nKetut Ayu,ketut.ayu@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,\nX,bukan-email,petugas-instansi,pemda-51.03,',
    );
    await visible(admin.page.getByText('Baris 2 — email: alamat email tidak valid'));
    await upload('name,email,group,agencyId,provinceCode\nKetut Ayu,ketut.ayu@badungkab.contoh.go.id,petugas-instansi,pemda-51.03,');
    await visible(admin.page.getByText('1 akun diundang: ketut.ayu.'));
    await visible(admin.page.getByTestId('account-ketut.ayu'));
    admin.page.once('dialog', (d) => d.accept());
    await admin.page.getByTestId('account-petugas-badung').getByRole('button', { name: 'Nonaktifkan' }).click();
    await visible(admin.page.getByText('petugas-badung dinonaktifkan.'));
    await visible(admin.page.getByTestId('account-petugas-badung').getByText('Dinonaktifkan'));
    await checkPage(admin, 'admin-instansi-akun-petugas');
    // Their own checklist: what Badung still has to do, in order.
    await admin.page.goto(`${env.sys.api}/#/petugas/kesiapan`);
    await heading(admin.page, 'Kesiapan unit pengaduan').waitFor();
    await visible(admin.page.getByText('belum siap. Langkah berikutnya: Alamat email meja pengaduan ditetapkan.'));
    await checkPage(admin, 'admin-instansi-kesiapan');
    // The operator's table of the 552 local governments, narrowed to Bali's regencies.
    await operator.page.goto(`${env.sys.api}/#/petugas/kesiapan`);
    await visible(operator.page.getByTestId('readiness-summary'));
    expect(await operator.page.getByTestId('readiness-summary').textContent()).toMatch(/^0 dari 552 pemerintah daerah siap/);
    await operator.page.getByLabel('Kode provinsi').fill('51');
    await operator.page.getByLabel('Kode provinsi').press('Tab');
    await visible(operator.page.getByTestId('readiness-pemda-51.03').getByText('berikutnya: Alamat email meja pengaduan ditetapkan'));
    await checkPage(operator, 'operator-kesiapan');

    const officer = await person(DESKTOP);
    await officer.page.goto(`${env.sys.api}/#/petugas/masuk`);
    await officer.page.getByLabel('Nama pengguna').fill('petugas-badung');
    await officer.page.getByLabel('Kata sandi', { exact: true }).fill('Aduan-Lokal-2026!');
    await officer.page.getByRole('button', { name: 'Masuk' }).click();
    await visible(officer.page.getByText('Nama pengguna atau kata sandi salah.'));
    expect(await officer.page.evaluate(() => sessionStorage.getItem('aduan.staff'))).toBeNull();

    // "Lupa kata sandi?": a code by mail, then a new password signs in.
    const bali = await person(DESKTOP);
    await bali.page.goto(`${env.sys.api}/#/petugas/masuk`);
    await bali.page.getByRole('button', { name: 'Lupa kata sandi?' }).click();
    await bali.page.getByLabel('Nama pengguna').fill('petugas-bali');
    await bali.page.getByRole('button', { name: 'Kirim kode ke email saya' }).click();
    await visible(bali.page.getByText('kode 6 angka telah dikirim'));
    await checkPage(bali, 'petugas-lupa-kata-sandi');
    const codeMail = (await waitFor(
      async () =>
        (await mailbox(env.sys.mail)).find((e) => e.destination.to.includes('petugas-bali@instansi.example') && e.subject.includes('Kode atur ulang')),
      20_000,
    )) as CapturedEmail;
    await bali.page.getByLabel('Kode dari email').fill(codeMail.body.text?.match(/^Kode \/ Code: (\d{6})$/m)?.[1] as string);
    await bali.page.getByLabel('Kata sandi baru', { exact: true }).fill('Bali-Baru-2026!x');
    await bali.page.getByLabel('Ulangi kata sandi baru').fill('Bali-Baru-2026!x');
    await bali.page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await heading(bali.page, 'Kotak masuk').waitFor();
  });
});
