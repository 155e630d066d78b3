/// <reference lib="dom" />
/**
 * The portal in a real Chromium against what `npm start` runs: a citizen submits anonymously
 * with the keyboard alone and tracks it; the verifier verifies; the officer acknowledges and
 * responds; the citizen replies, confirms and rates; the public feed shows it without identity;
 * an escalated complaint reaches the Ombudsman, who returns it. Every page is scanned with axe
 * (no serious or critical WCAG 2.1 AA violation), checked at 360×640 for sideways scrolling and
 * small touch targets, never requests another origin, and is photographed at phone and desktop
 * width.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, type PortalPage, tabTo, tabToControl } from '../support/browser';
import { get, post } from '../support/fixtures';
import { waitFor } from '../support/network';
import { act, checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

const { env, opened, person, signIn } = portalOnLocalSystem();

const TITLE = 'Jalan berlubang di depan SD Negeri 3 Kuta';
const REPORTER = 'Ni Luh Putu Ayu';
let trackingId = '';
let accessToken = '';
let citizen: PortalPage;

describe('the LAPOR! flow in a browser', { timeout: 90_000 }, () => {
  it('a citizen submits an anonymous complaint with the keyboard alone, keeps the token, and tracks it', async () => {
    citizen = await person(PHONE);
    const { page } = citizen;
    await page.goto(`${env.sys.api}/`);
    await heading(page, /Sampaikan laporan/).waitFor();
    await checkPage(citizen, 'beranda');

    await page.goto(`${env.sys.api}/#/kirim`);
    await heading(page, 'Buat laporan').waitFor();
    await page.getByLabel('Provinsi').locator('option', { hasText: 'Bali' }).waitFor({ state: 'attached' });
    await checkPage(citizen, 'kirim');
    await tabTo(page, 'Judul laporan');
    await page.keyboard.type(TITLE);
    await tabTo(page, 'Isi laporan');
    await page.keyboard.type('Lubang besar di depan sekolah sudah tiga minggu, dua murid jatuh dari sepeda motor.');
    await tabTo(page, 'Cari kategori');
    await page.keyboard.type('jalan');
    await tabTo(page, 'Kategori');
    await page.keyboard.type('Jalan dan Jembatan K');
    await expect.poll(() => page.getByLabel('Kategori', { exact: true }).inputValue()).toBe('jalan-kabupaten-kota');
    await tabTo(page, 'Provinsi');
    await page.keyboard.type('Bali');
    await page.getByLabel('Kabupaten/kota').locator('option', { hasText: 'Kabupaten Badung' }).waitFor({ state: 'attached' });
    await tabTo(page, 'Kabupaten/kota');
    await page.keyboard.type('Kabupaten Badung');
    await expect.poll(() => page.getByLabel('Kabupaten/kota').inputValue()).toBe('51.03');
    await tabTo(page, /^Anonim/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Nama');
    await page.keyboard.type(REPORTER);
    await tabTo(page, 'Email');
    await page.keyboard.type('putu.ayu@example.com');
    await tabToControl(page, 'button', 'Kirim laporan');
    await page.keyboard.press('Enter');

    await heading(page, 'Laporan terkirim').waitFor();
    trackingId = (await page.getByTestId('tracking-id').textContent()) ?? '';
    accessToken = (await page.getByTestId('access-token').textContent()) ?? '';
    expect(trackingId).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(accessToken.length).toBeGreaterThan(20);
    await checkPage(citizen, 'terkirim');
    // Kept as a small text file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh sebagai berkas teks' }).click();
    expect((await download).suggestedFilename()).toBe(`aduan-${trackingId}.txt`);

    // The personal link carries the token in the fragment, and the page drops it from the address bar.
    await tabToControl(page, 'link', 'Lihat laporan saya');
    await page.keyboard.press('Enter');
    await heading(page, TITLE).waitFor();
    await expect.poll(() => page.url()).toBe(`${env.sys.api}/#/lacak/${trackingId}`);
    await visible(page.getByText('Belum Terverifikasi').first());
    await visible(page.getByText(REPORTER)); // the reporter sees their own identity
    await checkPage(citizen, 'lacak');
  });

  it('the citizen attaches a photo from the tracking page; it is checked and listed, ready to download', async () => {
    const { page } = citizen;
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'AduanCam' } })
      .toBuffer();
    await page.getByLabel(/Tambah lampiran/).setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: photo });
    // The line of the upload follows the checker: never "being checked" beside a ready file.
    await expect.poll(() => page.getByTestId('upload-status').textContent(), { timeout: 20_000 }).toBe('lubang.jpg: siap.');
    await visible(page.getByTestId('attachments').getByText('siap'));
    await visible(page.getByRole('button', { name: 'Unduh lubang.jpg' }));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh lubang.jpg' }).click();
    expect((await download).suggestedFilename()).toBe('lubang.jpg');
    await page.goto(`${env.sys.api}/#/lacak/${trackingId}`);
    await heading(page, TITLE).waitFor();
    await checkPage(citizen, 'lampiran');
  });

  it('a double tap on "Kirim" creates one complaint', async () => {
    const { page } = await person(DESKTOP);
    const keys = new Set<string>();
    const answers: Promise<string>[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/v1/complaints') && keys.add(r.headers()['idempotency-key'] ?? ''));
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/v1/complaints')) answers.push(r.json().then((b) => b.trackingId));
    });
    await page.goto(`${env.sys.api}/#/kirim`);
    await page.getByLabel('Judul laporan').fill('Lampu jalan mati di Jalan Sunset Road');
    await page.getByLabel('Isi laporan').fill('Lampu jalan mati sepanjang 500 meter, rawan kecelakaan pada malam hari.');
    await page.getByLabel('Kategori', { exact: true }).selectOption('jalan-kabupaten-kota');
    await page.getByLabel('Provinsi').selectOption('51');
    await page.getByRole('button', { name: 'Kirim laporan' }).dblclick();
    await heading(page, 'Laporan terkirim').waitFor();
    expect(keys.size).toBe(1);
    expect(new Set(await Promise.all(answers)).size).toBe(1);
  });

  it('shows the API’s field errors next to their fields', async () => {
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/kirim`);
    await p.page.getByLabel('Judul laporan').fill('Abc');
    await p.page.getByRole('button', { name: 'Kirim laporan' }).click();
    const alert = p.page.getByRole('alert');
    await alert.waitFor();
    await expect.poll(() => p.page.getByLabel('Judul laporan').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => p.page.locator('#f-title-error').textContent()).toBe('Tulis paling sedikit 5 karakter.');
    await visible(p.page.locator('#f-category-error'));
    await checkPage(p, 'kirim-galat');
  });

  it('the verifier verifies it to the suggested agency', async () => {
    const v = await env.sys.token('verifikator');
    await waitFor(async () =>
      (await get(`${env.sys.api}/v1/complaints/${trackingId}`, { authorization: `Bearer ${v}` })).body.suggestedAgency ? true : undefined,
    );
    const p = await signIn('verifikator');
    await checkPage(p, 'petugas-kotak-masuk');
    await p.page.getByRole('link', { name: TITLE }).click();
    await heading(p.page, TITLE).waitFor();
    await visible(p.page.getByText('Usulan sistem: Pemerintah Kabupaten Badung'));
    await checkPage(p, 'petugas-kasus');
    await act(p.page, 'Verifikasi dan disposisikan', async (form) => {
      expect(await form.getByLabel('Instansi tujuan').inputValue()).toBe('Pemerintah Kabupaten Badung');
    });
    await visible(p.page.getByText('Laporan diverifikasi dan didisposisikan ke Pemerintah Kabupaten Badung.'));
    await visible(p.page.getByText('Terverifikasi/Didisposisikan').first());
  });

  it('the Badung officer sees no identity, acknowledges and responds', async () => {
    const p = await signIn('petugas-badung');
    await p.page.getByRole('link', { name: TITLE }).click();
    await heading(p.page, TITLE).waitFor();
    await visible(p.page.getByText('Anonim: identitas tidak pernah ditampilkan kepada instansi'));
    expect(await p.page.content()).not.toContain(REPORTER);
    await act(p.page, 'Terima (mulai diproses)');
    await act(p.page, 'Kirim tindak lanjut', (f) => f.getByLabel('Tindak lanjut untuk pelapor').fill('Lubang dijadwalkan ditambal Kamis ini oleh Dinas PUPR.'));
    await visible(p.page.getByText('Ditindaklanjuti').first());
  });

  it('the citizen replies; after the second answer confirms and rates', async () => {
    const { page } = citizen;
    await page.reload();
    await heading(page, TITLE).waitFor();
    await visible(page.getByText('Lubang dijadwalkan ditambal Kamis ini'));
    await act(page, 'Balas', (f) => f.getByLabel('Balasan Anda').fill('Terima kasih. Mohon dipasang rambu sementara sebelum ditambal.'));
    await visible(page.getByText('Diproses').first());

    const officer = await env.sys.token('petugas-badung');
    const answered = await post(
      `${env.sys.api}/v1/complaints/${trackingId}/actions`,
      { action: 'RESPOND', message: 'Rambu sudah dipasang; penambalan selesai Kamis.' },
      { authorization: `Bearer ${officer}` },
    );
    expect(answered.status).toBe(200);

    await page.reload();
    await heading(page, TITLE).waitFor();
    page.once('dialog', (d) => d.accept());
    await act(page, 'Masalah sudah selesai');
    await visible(page.getByText('Selesai').first());
    await act(page, 'Beri penilaian', (f) => f.getByLabel(/^Nilai/).selectOption('5'));
    await visible(page.getByText('5 dari 5'));
    await expect.poll(() => page.getByRole('button', { name: 'Beri penilaian' }).count()).toBe(0);
    await checkPage(citizen, 'lacak-selesai');
  });

  it('the public feed and page show it without identity; the figures are charts', async () => {
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/publik`);
    await p.page.getByRole('link', { name: TITLE }).waitFor();
    await checkPage(p, 'publik');
    await p.page.getByRole('link', { name: TITLE }).click();
    await heading(p.page, TITLE).waitFor();
    expect(await p.page.content()).not.toContain(REPORTER);
    expect(await p.page.content()).not.toContain('putu.ayu@example.com');
    await checkPage(p, 'laporan-publik');

    await p.page.goto(`${env.sys.api}/#/statistik`);
    await p.page.getByRole('figure', { name: 'Laporan diterima' }).waitFor();
    await checkPage(p, 'statistik');
  });

  it('a citizen reads a service standard, reports against it, and sees the maladministration it indicates', async () => {
    const p = await person(PHONE);
    const { page } = p;
    await page.goto(`${env.sys.api}/#/layanan`);
    await page.getByRole('link', { name: /Penerbitan KTP-el/ }).click();
    await heading(page, /Penerbitan KTP-el/).waitFor();
    await visible(page.getByText('Tanpa biaya'));
    await checkPage(p, 'layanan');

    await page.goto(`${env.sys.api}/#/kirim`);
    await page.getByLabel('Judul laporan').fill('KTP-el selesai 14 hari dan dimintai biaya');
    await page.getByLabel('Isi laporan').fill('KTP-el saya yang rusak baru jadi setelah 14 hari kerja, dan petugas meminta Rp50.000.');
    await page.getByLabel('Kategori', { exact: true }).selectOption('administrasi-kependudukan');
    await page.getByLabel('Provinsi').selectOption('51');
    await page.getByLabel('Kabupaten/kota').locator('option[value="51.03"]').waitFor({ state: 'attached' });
    await page.getByLabel('Kabupaten/kota').selectOption('51.03');
    await page.getByLabel('Cari layanan').fill('ktp');
    await page.getByLabel('Layanan', { exact: true }).locator('option[value="badung-ktp-el"]').waitFor({ state: 'attached' });
    await page.getByLabel('Layanan', { exact: true }).selectOption('badung-ktp-el');
    await page.getByTestId('service-standard').waitFor();
    await page.getByLabel('Kapan Anda mengajukan layanan ini?').fill('2026-11-02');
    await page.getByLabel(/Kapan selesai/).fill('2026-11-20');
    await page.getByLabel(/Berapa biaya/).fill('50.000');
    await checkPage(p, 'kirim-layanan');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await heading(page, 'Laporan terkirim').waitFor();
    await page.getByRole('link', { name: 'Lihat laporan saya' }).click();
    await heading(page, 'KTP-el selesai 14 hari dan dimintai biaya').waitFor();
    await visible(page.getByRole('heading', { name: 'Indikasi maladministrasi' }));
    await visible(page.getByText('Penundaan berlarut'));
    await visible(page.getByText('Permintaan imbalan/pungutan liar'));
    await visible(page.getByText('Dikenakan biaya Rp50.000'));
    await checkPage(p, 'lacak-indikasi');
  });

  it('an agency’s service administrator imports its catalogue from CSV, sees every bad row, and publishes a new version', async () => {
    const p = await signIn('admin-badung');
    const { page } = p;
    await page.getByRole('link', { name: 'Katalog layanan instansi' }).click();
    await heading(page, 'Katalog layanan instansi').waitFor();
    const seed = readFileSync(new URL('../../data/services/pemda-51.03.csv', import.meta.url), 'utf8').split(/\r?\n/);
    const row = (seed[1] as string).replace(/^badung-ktp-el,"[^"]*"/, 'badung-surat-pindah-portal,"Surat Keterangan Pindah"');
    const upload = (csv: string) =>
      page.getByLabel('Berkas CSV', { exact: true }).setInputFiles({ name: 'layanan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload([seed[0], row.replace(',1,WORKING_DAYS,', ',0,WORKING_DAYS,')].join('\n'));
    await visible(page.getByText('Baris 1 — standard.completionTime.value: minimal 1'));
    await checkPage(p, 'admin-katalog-galat');
    await upload([seed[0], row].join('\n'));
    await visible(page.getByText('1 layanan diimpor: badung-surat-pindah-portal.'));
    const item = page.locator('li', { has: page.getByRole('link', { name: 'Surat Keterangan Pindah' }) });
    await item.getByRole('button', { name: 'Versi baru' }).click();
    await item.getByLabel('Nomor SK versi baru').fill('SK 470/3000/2026');
    // A new version takes effect today or later (issue 18): a month from now.
    await item.getByLabel('Berlaku mulai').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await item.getByLabel(/Biaya/).fill('0');
    await item.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await visible(page.getByText('Versi baru badung-surat-pindah-portal diterbitkan.'));
    await visible(item.getByText('versi 2'));
    await checkPage(p, 'admin-katalog');
  });

  it('an escalated complaint reaches Ombudsman Bali, who returns it to the agency', async () => {
    const created = await post(`${env.sys.api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: 'Sampah tidak diangkut sebulan di Jimbaran',
      description: 'Tumpukan sampah di Jalan Uluwatu tidak diangkut sejak sebulan lalu dan menutup saluran air.',
      categoryId: 'kebersihan-sampah',
      location: { regionCode: '51.03' },
      anonymous: false,
      confidential: false,
    });
    const id = created.body.trackingId as string;
    const ombudsman = await env.sys.token('ombudsman-bali');
    await waitFor(async () =>
      (await get(`${env.sys.api}/v1/complaints/${id}`, { authorization: `Bearer ${created.body.accessToken}` })).body.status === 'ASSIGNED' ? true : undefined,
    );
    // Nobody answers: week after week the sweep escalates, until the chain is exhausted.
    await waitFor(async () => {
      await post(`${env.sys.api}/_local/clock`, { advance: 'P7D' });
      await post(`${env.sys.api}/_local/schedules/sweep-deadlines/run`, {});
      const queue = await get(`${env.sys.api}/v1/inbox`, { authorization: `Bearer ${ombudsman}` });
      return queue.body.items.some((i: { trackingId: string }) => i.trackingId === id) ? true : undefined;
    }, 60_000);

    const p = await signIn('ombudsman-bali');
    await p.page.getByRole('link', { name: 'Sampah tidak diangkut sebulan di Jimbaran' }).click();
    await heading(p.page, 'Sampah tidak diangkut sebulan di Jimbaran').waitFor();
    await visible(p.page.getByRole('heading', { name: 'Tenggat terlewati' }));
    await checkPage(p, 'ombudsman-kasus');
    await act(p.page, 'Kembalikan ke instansi dengan saran', async (f) => {
      await f.getByLabel('Saran tindakan korektif').fill('Angkut sampah dalam tiga hari kerja dan laporkan foto hasilnya.');
      await f.getByLabel('Batas waktu (hari kerja)').fill('3');
    });
    await visible(p.page.getByText(/dikembalikan dengan saran/));
    // Bali, escalated to on the way up, still has it under "Dieskalasi ke kami" while it is open (issue 23, point 7).
    const bali = await signIn('petugas-bali');
    await bali.page.getByRole('button', { name: 'Dieskalasi ke kami' }).click();
    await visible(bali.page.getByRole('link', { name: 'Sampah tidak diangkut sebulan di Jimbaran' }));
    await post(`${env.sys.api}/_local/clock`, { reset: true });
  });

  it('the verifier merges a likely duplicate; the public page counts it and takes one support per device', async () => {
    const submit = async (title: string, description: string) =>
      (
        await post(`${env.sys.api}/v1/complaints`, {
          type: 'COMPLAINT',
          title,
          description,
          categoryId: 'jalan-kabupaten-kota',
          location: { regionCode: '51.71', latitude: -8.67, longitude: 115.21 },
          anonymous: true,
          confidential: false,
        })
      ).body as { trackingId: string };
    const first = await submit('Trotoar Jalan Gajah Mada amblas', 'Trotoar di depan Pasar Badung amblas sedalam setengah meter, pejalan kaki terperosok.');
    const again = await submit('Trotoar amblas di Gajah Mada', 'Trotoar Jalan Gajah Mada depan Pasar Badung amblas, pejalan kaki bisa terperosok.');
    const verified = await post(
      `${env.sys.api}/v1/complaints/${first.trackingId}/actions`,
      { action: 'VERIFY', agencyId: 'pemda-51.71' },
      { authorization: `Bearer ${await env.sys.token('verifikator')}` },
    );
    expect(verified.status).toBe(200);

    const verifier = await signIn('verifikator');
    await verifier.page.goto(`${env.sys.api}/#/petugas/kasus/${again.trackingId}`);
    await heading(verifier.page, 'Trotoar amblas di Gajah Mada').waitFor();
    await visible(verifier.page.getByRole('heading', { name: 'Kemungkinan duplikat' }));
    await checkPage(verifier, 'duplikat');
    // The merge names both numbers before it happens; dismissed, nothing is archived.
    const asked: string[] = [];
    verifier.page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    const merge = verifier.page.getByRole('button', { name: `Arsipkan ${again.trackingId} sebagai duplikat ${first.trackingId}` });
    await merge.click();
    await expect
      .poll(() => asked)
      .toEqual([`Laporan ${again.trackingId} akan diarsipkan sebagai duplikat dan digabungkan ke ${first.trackingId}. Pelapornya diberi tahu. Lanjutkan?`]);
    await visible(verifier.page.getByRole('heading', { name: 'Kemungkinan duplikat' }));
    verifier.page.once('dialog', (d) => d.accept());
    await merge.click();
    // Its timeline says why in words, not the API's code.
    await visible(verifier.page.getByText('Laporan diarsipkan. Alasan: Sama dengan laporan lain (digabungkan).'));
    expect(await verifier.page.content()).not.toContain('(DUPLICATE');
    await visible(verifier.page.getByText('Diarsipkan'));

    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/laporan/${first.trackingId}`);
    await heading(p.page, 'Trotoar Jalan Gajah Mada amblas').waitFor();
    await expect.poll(() => p.page.getByTestId('support-count').textContent()).toContain('1 laporan serupa digabungkan');
    await checkPage(p, 'dukungan');
    await p.page.getByRole('button', { name: 'Saya juga mengalami ini' }).click();
    await visible(p.page.getByText('dukungan Anda tercatat'));
    await expect.poll(() => p.page.getByTestId('support-count').textContent()).toMatch(/^2 warga lain/);
    // The same device again: counted once.
    await p.page.reload();
    await p.page.getByRole('button', { name: 'Saya juga mengalami ini' }).click();
    await expect.poll(() => p.page.getByTestId('support-count').textContent()).toMatch(/^2 warga lain/);
  });

  it('an operator sees the holiday calendar', async () => {
    const p = await signIn('operator');
    await p.page.getByRole('link', { name: 'Kalender hari libur' }).click();
    await heading(p.page, 'Kalender hari libur dan cuti bersama').waitFor();
    await visible(p.page.getByText('Hari Raya Natal'));
    await checkPage(p, 'operator-kalender');
  });

  it('a refused or expired staff token ends the session and opens the sign-in', async () => {
    const p = await signIn('verifikator');
    await p.page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('aduan.staff') ?? '{}');
      sessionStorage.setItem('aduan.staff', JSON.stringify({ ...s, idToken: 'aaa.bbb.ccc' }));
    });
    await p.page.reload();
    await heading(p.page, 'Masuk petugas').waitFor();
    await visible(p.page.getByText('Sesi Anda berakhir'));
    expect(await p.page.evaluate(() => sessionStorage.getItem('aduan.staff'))).toBeNull();
    await checkPage(p, 'petugas-masuk');
  });

  it('keeps the staff token out of localStorage and the citizen token out of every request URL', async () => {
    // Only the random device token of "saya juga mengalami ini" (core/support.ts), never a credential.
    for (const p of opened) {
      expect((await p.page.evaluate(() => Object.keys(localStorage))).filter((k) => k !== 'aduan.device')).toEqual([]);
    }
  });
});
