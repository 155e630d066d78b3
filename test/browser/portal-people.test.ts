/// <reference lib="dom" />
/**
 * A portal that speaks to people (issue 23), in a real Chromium against `npm start`'s system (one
 * system for both parts: each file starts its own, so they share one).
 *
 * What a new user ran into, point by point: plain messages that name their field and move focus
 * to it; the API's own words where they are meant for the person; a word after each action;
 * agencies by name; links from mails that land where they point; a rating's comment; statistics
 * that keep every counted month and name an agency's figure as it is counted; a feed that ends in
 * words; a refused sign-in said as such.
 *
 * And in English: a citizen chooses English, is told what to fix in English, reports, keeps the
 * receipt, tracks the report and gets their mail in English; a verifier and an agency officer work
 * the case in English, its timeline written in English; a refusal of the API is said in English;
 * the staff and public pages follow, a service standard in its agency's English. Every page is checked at 360 px and desktop width (axe, 44 px targets,
 * nothing from another origin) and photographed (`en-*` in English).
 */

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newTrackingId } from '../../functions/core/tracking-id';
import { DESKTOP, PHONE, type PortalPage } from '../support/browser';
import { get, mailbox, post } from '../support/fixtures';
import { waitFor } from '../support/network';
import { act, checkPage, heading, portalOnLocalSystem, signInOn, visible } from '../support/portal-session';

const { env, person, signIn } = portalOnLocalSystem();

/** A complaint to Badung, verified by the system's routing: its number and token. */
async function submitted(title: string, extra: Record<string, unknown> = {}) {
  const created = await post(`${env.sys.api}/v1/complaints`, {
    type: 'COMPLAINT',
    title,
    description: 'Lampu penerangan jalan di depan balai banjar mati sejak dua minggu, jalan gelap dan rawan.',
    categoryId: 'jalan-kabupaten-kota',
    location: { regionCode: '51.03' },
    anonymous: true,
    confidential: false,
    ...extra,
  });
  expect(created.status).toBe(201);
  return { trackingId: created.body.trackingId as string, token: created.body.accessToken as string };
}

/** Waits until the router has suggested an agency (the complaint is in the verifiers' queue). */
const routed = async (trackingId: string) => {
  const verifier = { authorization: `Bearer ${await env.sys.token('verifikator')}` };
  await waitFor(async () => ((await get(`${env.sys.api}/v1/complaints/${trackingId}`, verifier)).body.suggestedAgency ? true : undefined));
};

/** Takes a complaint through actions over the API, each by its actor (`reporter`: the complaint's token). */
async function actOver(trackingId: string, token: string, steps: readonly (readonly [Record<string, unknown>, string])[]) {
  for (const [body, who] of steps) {
    const bearer = who === 'reporter' ? token : await env.sys.token(who);
    expect((await post(`${env.sys.api}/v1/complaints/${trackingId}/actions`, body, { authorization: `Bearer ${bearer}` })).status).toBe(200);
  }
}

describe('a portal that speaks to people (issue 23)', { timeout: 120_000 }, () => {
  it('1. names each missing field as its label does, says what to do, and moves focus to it', async () => {
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/kirim`);
    await heading(p.page, 'Buat laporan').waitFor();
    await p.page.getByLabel('Provinsi').locator('option', { hasText: 'Bali' }).waitFor({ state: 'attached' });
    await p.page.getByRole('button', { name: 'Kirim laporan' }).click();
    const summary = p.page.getByRole('alert');
    await visible(summary.getByRole('heading', { name: 'Ada isian yang perlu diperbaiki' }));
    const items = await summary.getByRole('listitem').allTextContents();
    expect(items).toContain('Judul laporan: Tulis paling sedikit 5 karakter.');
    expect(items).toContain('Kategori: Pilih kategori yang paling sesuai dengan laporan Anda.');
    expect(items.find((i) => i.includes('Pilih provinsi, lalu kabupaten/kota'))).toMatch(/^Provinsi: /);
    // No codes, no API wording.
    expect(await summary.textContent()).not.toMatch(/Permintaan tidak valid|pengenal|kode wilayah|categoryId|regionCode|"51"/);
    await checkPage(p, 'kirim-kosong');
    // A summary link moves focus to its field; the route stays the form's.
    await summary.getByRole('link', { name: /^Kategori:/ }).click();
    expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('f-category');
    expect(new URL(p.page.url()).hash).toBe('#/kirim');
  });

  it('2, 6. keeps the number a mail links to, and says a mistyped one in the API’s own words beside it', async () => {
    const { trackingId, token } = await submitted('Lampu jalan mati di Banjar Tegal');
    const p = await person(PHONE);
    // The reporter's mail links to #/lacak/<number>: only the token is asked.
    await p.page.goto(`${env.sys.api}/#/lacak/${trackingId}`);
    await heading(p.page, 'Lacak laporan').waitFor();
    expect(await p.page.getByLabel('Nomor pelacakan').inputValue()).toBe(trackingId);
    // One wrong letter: the API's words reach the person, beside the field, the number kept to correct.
    const typo = `${trackingId.slice(0, -1)}${trackingId.endsWith('A') ? 'B' : 'A'}`;
    await p.page.getByLabel('Nomor pelacakan').fill(typo);
    await p.page.getByLabel('Token akses').fill(token);
    await p.page.getByRole('button', { name: 'Lihat laporan' }).click();
    await expect.poll(() => p.page.locator('#t-id-error').textContent()).toMatch(/^Nomor pelacakan salah ketik/);
    expect(await p.page.getByLabel('Nomor pelacakan').inputValue()).toBe(typo);
    expect(await p.page.getByRole('alert').textContent()).not.toContain('Permintaan tidak valid');
    await checkPage(p, 'lacak-salah-ketik');
  });

  it('3, 4, 6. takes an agency by its name, names agencies and regions in the inbox, says each action worked, and returns an officer to the case a mail links to', async () => {
    const { trackingId } = await submitted('Lampu jalan mati di Jalan Raya Kerobokan');
    await routed(trackingId);
    const verifier = await signIn('verifikator');
    const row = verifier.page.getByRole('listitem').filter({ has: verifier.page.getByRole('link', { name: 'Lampu jalan mati di Jalan Raya Kerobokan' }) });
    expect(await row.textContent()).toContain('Kabupaten Badung, Bali');
    expect(await row.textContent()).not.toMatch(/\b51\.03\b|pemda-/);
    await row.getByRole('link').click();
    await heading(verifier.page, 'Lampu jalan mati di Jalan Raya Kerobokan').waitFor();
    // A name not on the list is refused in words before anything is sent; a name on it is taken.
    await verifier.page.getByRole('button', { name: 'Verifikasi dan disposisikan', exact: true }).click();
    const form = verifier.page.getByRole('form', { name: 'Verifikasi dan disposisikan' });
    await form.getByLabel('Instansi tujuan').fill('Pemerintah Kota Entah');
    await form.getByRole('button', { name: 'Verifikasi dan disposisikan' }).click();
    await expect.poll(() => verifier.page.locator('#a-VERIFY-agencyId-error').textContent()).toBe('Ketik sebagian nama instansi, lalu pilih dari daftar.');
    await form.getByLabel('Instansi tujuan').fill('Pemerintah Kota Denpasar');
    await form.getByRole('button', { name: 'Verifikasi dan disposisikan' }).click();
    await visible(verifier.page.getByText('Laporan diverifikasi dan didisposisikan ke Pemerintah Kota Denpasar.'));
    await checkPage(verifier, 'petugas-terverifikasi');

    // Denpasar's officer follows the mail's link while signed out: after signing in, the case itself.
    const officer = await person();
    await officer.page.goto(`${env.sys.api}/#/petugas/kasus/${trackingId}`);
    await heading(officer.page, 'Masuk petugas').waitFor();
    await officer.page.getByLabel('Nama pengguna').fill('petugas-denpasar');
    await officer.page.getByLabel('Kata sandi').fill('Aduan-Lokal-2026!');
    await officer.page.getByRole('button', { name: 'Masuk' }).click();
    await heading(officer.page, 'Lampu jalan mati di Jalan Raya Kerobokan').waitFor();
    await act(officer.page, 'Terima (mulai diproses)');
    await visible(officer.page.getByText('Laporan diterima dan kini sedang diproses.'));
    await act(officer.page, 'Kirim tindak lanjut', (f) => f.getByLabel('Tindak lanjut untuk pelapor').fill('Lampu diganti petugas besok pagi.'));
    await visible(officer.page.getByText('Tindak lanjut terkirim ke pelapor.'));
    await officer.page.getByRole('link', { name: '← Kotak masuk' }).click();
    await heading(officer.page, 'Kotak masuk').waitFor();
    expect(await officer.page.getByText(/^petugas-denpasar · /).textContent()).toContain('Pemerintah Kota Denpasar');
  });

  it('7. shows the reporter their own rating’s comment', async () => {
    const { trackingId, token } = await submitted('Lampu jalan mati di Gang Mawar');
    await routed(trackingId);
    await actOver(trackingId, token, [
      [{ action: 'VERIFY', agencyId: 'pemda-51.03' }, 'verifikator'],
      [{ action: 'RESPOND', message: 'Lampu sudah diganti.' }, 'petugas-badung'],
      [{ action: 'CONFIRM_RESOLVED' }, 'reporter'],
      [{ action: 'RATE', score: 4, comment: 'Cepat, tapi kabelnya masih menjuntai.' }, 'reporter'],
    ]);
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/lacak/${trackingId}/${token}`);
    await heading(p.page, 'Lampu jalan mati di Gang Mawar').waitFor();
    await visible(p.page.getByText('Cepat, tapi kabelnya masih menjuntai.'));
    await checkPage(p, 'lacak-nilai-komentar');
    // The public sees the score, not the comment.
    const anyone = await person(PHONE);
    await anyone.page.goto(`${env.sys.api}/#/laporan/${trackingId}`);
    await heading(anyone.page, 'Lampu jalan mati di Gang Mawar').waitFor();
    await visible(anyone.page.getByText('4 dari 5'));
    expect(await anyone.page.content()).not.toContain('kabelnya masih menjuntai');
  });

  it('8. counts an agency by what it was assigned, and ends the public feed in words', async () => {
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/statistik`);
    await heading(p.page, 'Statistik penanganan').waitFor();
    await p.page.getByLabel('Menurut').selectOption('AGENCY');
    const table = p.page.getByRole('table');
    await visible(table.getByRole('columnheader', { name: 'Didisposisikan' }));
    const badung = table.getByRole('row').filter({ has: p.page.getByRole('rowheader', { name: 'Pemerintah Kabupaten Badung' }) });
    expect(Number(await badung.getByRole('cell').first().textContent())).toBeGreaterThan(0);
    await checkPage(p, 'statistik-instansi');

    await p.page.goto(`${env.sys.api}/#/publik`);
    await heading(p.page, 'Laporan publik').waitFor();
    const more = p.page.getByRole('button', { name: 'Muat lebih banyak' });
    // Every page either brings reports or ends the feed: never an empty page to click again.
    for (let i = 0; i < 10 && (await more.count()); i++) {
      const before = await p.page.locator('ul.list > li').count();
      await more.click();
      await expect.poll(async () => (await p.page.locator('ul.list > li').count()) > before || (await more.count()) === 0).toBe(true);
    }
    await visible(p.page.getByText('Semua laporan publik yang cocok sudah ditampilkan.'));
  });

  it('9. says a refused sign-in as such, not "sign in first"', async () => {
    const p = await person(PHONE);
    await signInOn(p.page, env.sys.api, 'petugas-badung', 'bukan-kata-sandinya');
    const alert = p.page.getByRole('alert');
    await visible(alert.getByRole('heading', { name: 'Tidak dapat masuk' }));
    expect(await alert.textContent()).toContain('Nama pengguna atau kata sandi salah.');
    expect(await alert.textContent()).not.toContain('Perlu masuk');
    await checkPage(p, 'masuk-ditolak');
  });
});

const TITLE = 'Street light out by the Kuta primary school';
let trackingId = '';

/** A person whose portal speaks English: chosen once from the header, kept by the browser. */
async function inEnglish(viewport = PHONE): Promise<PortalPage> {
  const p = await person(viewport);
  await p.page.goto(`${env.sys.api}/`);
  await heading(p.page, /Sampaikan laporan/).waitFor();
  await p.page.getByRole('button', { name: 'English' }).click();
  await heading(p.page, 'Report a problem with a public service').waitFor();
  return p;
}

describe('the portal in English', { timeout: 120_000 }, () => {
  it('a citizen chooses English, is told what to fix in English, reports, and keeps the receipt', async () => {
    const p = await inEnglish();
    const { page } = p;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Indonesian is offered in its own words.
    await visible(page.getByRole('button', { name: 'Bahasa Indonesia' }));
    await checkPage(p, 'en-home');

    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await heading(page, 'Make a report').waitFor();
    await page.getByLabel('Province').locator('option', { hasText: 'Bali' }).waitFor({ state: 'attached' });
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Send the report' }).click();
    const summary = page.getByRole('alert');
    await visible(summary.getByRole('heading', { name: 'Some answers need fixing' }));
    const items = await summary.getByRole('listitem').allTextContents();
    expect(items).toContain('Title of the report: Write at least 5 characters.');
    expect(items).toContain('Category: Choose the category that fits your report best.');
    expect(items).toContain('Mobile number: Write an Indonesian mobile number, for example 081234567890.');
    expect(await summary.textContent()).not.toMatch(/Permintaan|Pilih|Tulis|wajib/);
    await checkPage(p, 'en-report-errors');

    await page.getByLabel('Mobile number').fill('');
    await page.getByLabel('Title of the report').fill(TITLE);
    await page.getByLabel('What happened').fill('The street light in front of the school has been out for two weeks; children walk home in the dark.');
    await page.getByLabel('Category', { exact: true }).selectOption('jalan-kabupaten-kota');
    await page.getByLabel('Province').selectOption('51');
    await page.getByLabel('Regency/city').locator('option[value="51.03"]').waitFor({ state: 'attached' });
    await page.getByLabel('Regency/city').selectOption('51.03');
    await page.getByLabel('Name', { exact: true }).fill('Kadek Wira');
    await page.getByLabel('Email').fill('kadek.wira@example.com');
    await checkPage(p, 'en-report');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await heading(page, 'Report sent').waitFor();
    trackingId = (await page.getByTestId('tracking-id').textContent()) ?? '';
    await visible(page.getByText('Keep these now: they are shown only once'));
    await checkPage(p, 'en-sent');

    await page.getByRole('link', { name: 'See my report' }).click();
    await heading(page, TITLE).waitFor();
    await visible(page.getByText('Tracking number'));
    await visible(page.getByText('Your identity'));
    // The category in English, as the catalogue gives it.
    await visible(page.getByText('Regency/city roads and bridges'));
    // The timeline's sentences are the system's, written in the reader's language: none left in Indonesian.
    await visible(page.getByText('The report was received and awaits verification.'));
    expect(await page.locator('.timeline [lang="id"]').count()).toBe(0);
    // A well-formed number of no report: the API's refusal is said in English, not left in Indonesian.
    const stranger = await inEnglish();
    await stranger.page.goto(`${env.sys.api}/#/lacak/${newTrackingId((n) => randomBytes(n))}`);
    await stranger.page.getByLabel('Access token').fill('salah-token-salah-token-salah');
    await stranger.page.getByRole('button', { name: 'Open the report' }).click();
    await visible(stranger.page.getByText('Report not found. Check your tracking number.'));
    expect(await stranger.page.locator('main [lang="id"]').count()).toBe(0);
    await checkPage(p, 'en-track');
  });

  it('writes the reporter’s mail in the language they chose', async () => {
    const mails = await waitFor(async () => {
      const found = (await mailbox(env.sys.mail)).filter((m) => m.destination.to.includes('kadek.wira@example.com') && m.subject.includes(trackingId));
      return found.length ? found : undefined;
    });
    expect(mails[0]?.subject).toBe(`[Aduan ${trackingId}] Confirm your email address`);
    expect(mails[0]?.body.text).toContain('If you sent that report, confirm this address with the code');
    expect(mails[0]?.body.html).toContain('<html lang="en">');
  });

  it('an officer works a case in English: sign-in, inbox, the case and a word after the action', async () => {
    await routed(trackingId);
    const p = await inEnglish(DESKTOP);
    const { page } = p;
    await page.goto(`${env.sys.api}/#/petugas/kasus/${trackingId}`);
    await heading(page, 'Staff sign-in').waitFor();
    await checkPage(p, 'en-sign-in');
    await page.getByLabel('Username').fill('verifikator');
    await page.getByLabel('Password').fill('Aduan-Lokal-2026!');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await heading(page, TITLE).waitFor();
    await visible(page.getByText('The system suggests: Pemerintah Kabupaten Badung'));
    await checkPage(p, 'en-staff-case');
    await act(page, 'Verify and assign', async (form) => {
      expect(await form.getByLabel('Agency to assign').inputValue()).toBe('Pemerintah Kabupaten Badung');
    });
    await visible(page.getByText('The report is verified and assigned to Pemerintah Kabupaten Badung.'));
    await visible(page.getByText('Verified and assigned to an agency').first());
    await visible(page.getByText('The report was verified and assigned to Pemerintah Kabupaten Badung.'));
    await visible(page.getByText('The system suggests assigning the report to Pemerintah Kabupaten Badung.'));
    expect(await page.locator('.timeline [lang="id"]').count()).toBe(0);
    await page.getByRole('link', { name: '← Inbox' }).click();
    await heading(page, 'Inbox').waitFor();
    await checkPage(p, 'en-staff-inbox');
  });

  it('keeps an officer’s language in their profile: their next sign-in, on another device, opens in it, and they work a case in it', async () => {
    const first = await signIn('petugas-badung');
    await first.page.getByRole('button', { name: 'English' }).click();
    await heading(first.page, 'Inbox').waitFor();
    // Another browser, Indonesian by default: signing in brings the profile's English.
    const other = await person(DESKTOP);
    await signInOn(other.page, env.sys.api, 'petugas-badung');
    await heading(other.page, 'Inbox').waitFor();
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Badung's officer works the English citizen's case in English: each action and entry in it.
    await other.page.getByRole('link', { name: TITLE }).click();
    await heading(other.page, TITLE).waitFor();
    await act(other.page, 'Accept (start work)');
    await visible(other.page.getByText('The report is accepted and now in progress.'));
    await visible(other.page.getByText('The agency has started work on the report.'));
    await act(other.page, 'Send a response', (f) => f.getByLabel('Response to the reporter').fill('A new lamp goes up on Thursday morning.'));
    await visible(other.page.getByText('The response went to the reporter.'));
    expect(await other.page.locator('.timeline [lang="id"]').count()).toBe(0);
    await checkPage(other, 'en-officer-case');
    await other.page.getByRole('link', { name: '← Inbox' }).click();
    // And back: the profile follows again.
    await other.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await heading(other.page, 'Kotak masuk').waitFor();
    const account = await get(`${env.sys.api}/v1/staff?limit=100`, { authorization: `Bearer ${await env.sys.token('operator')}` });
    expect(account.body.items.find((a: { username: string }) => a.username === 'petugas-badung')?.language).toBe('id');
  });

  it('the staff pages in English: an administrator’s accounts, readiness and catalogue; the operator’s calendar; the Ombudsman’s queue and scorecard', async () => {
    const pages: [string, string, string | RegExp, string][] = [
      ['admin-badung', 'akun', 'Staff accounts', 'en-admin-accounts'],
      ['admin-badung', 'kesiapan', 'Complaint unit readiness', 'en-admin-readiness'],
      ['admin-badung', 'layanan', 'Agency service catalogue', 'en-admin-catalogue'],
      ['operator', 'kalender', 'Holidays and collective leave', 'en-operator-calendar'],
      ['operator', 'akun', 'Staff accounts', 'en-operator-accounts'],
      ['ombudsman-bali', '', 'Inbox', 'en-ombudsman-inbox'],
    ];
    let signedIn: { who: string; p: PortalPage } | undefined;
    for (const [who, page, title, name] of pages) {
      if (signedIn?.who !== who) {
        const p = await inEnglish(DESKTOP);
        await p.page.goto(`${env.sys.api}/#/petugas`);
        await heading(p.page, 'Staff sign-in').waitFor();
        await p.page.getByLabel('Username').fill(who);
        await p.page.getByLabel('Password').fill('Aduan-Lokal-2026!');
        await p.page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await heading(p.page, 'Inbox').waitFor();
        signedIn = { who, p };
      }
      await signedIn.p.page.goto(`${env.sys.api}/#/petugas${page ? `/${page}` : ''}`);
      await heading(signedIn.p.page, title).waitFor();
      await checkPage(signedIn.p, name);
    }
    const ombudsman = (signedIn as { p: PortalPage }).p;
    await ombudsman.page.getByRole('link', { name: 'Agency compliance in your region' }).click();
    await heading(ombudsman.page, 'How agencies comply with public-service standards').waitFor();
    expect(await ombudsman.page.getByLabel('Province code').inputValue()).toBe('51');
    await ombudsman.page.getByTestId('compliance-pemda-51.03').getByRole('link').click();
    await heading(ombudsman.page, 'Pemerintah Kabupaten Badung').waitFor();
    await visible(ombudsman.page.getByRole('heading', { name: 'The figures behind the score' }));
    await checkPage(ombudsman, 'en-ombudsman-scorecard');
  });

  it('the public pages follow: reports, statistics, compliance, service standards; and Indonesian comes back', async () => {
    const p = await inEnglish();
    const { page } = p;
    for (const [link, title, name] of [
      ['Public reports', 'Public reports', 'en-feed'],
      ['Statistics', 'Handling statistics', 'en-stats'],
      ['Compliance', 'How agencies comply with public-service standards', 'en-compliance'],
      ['Service standards', 'Service standards', 'en-services'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await heading(page, title).waitFor();
      await checkPage(p, name);
    }
    // A standard its agency also wrote in English reads in English; one written in Indonesian only says so.
    await page.goto(`${env.sys.api}/#/layanan/badung-ktp-el`);
    await heading(page, 'Issuing the electronic identity card (KTP-el: new, lost, damaged)').waitFor();
    await visible(page.getByText('A copy of the family card (Kartu Keluarga)'));
    expect(await page.locator('.facts [lang="id"]').count()).toBe(0);
    expect(await page.getByText(/in Indonesian only/).count()).toBe(0);
    await checkPage(p, 'en-service');
    await page.goto(`${env.sys.api}/#/layanan/badung-kartu-keluarga`);
    await heading(page, /Kartu Keluarga/).waitFor();
    await visible(page.getByText('The agency publishes this standard in Indonesian only.'));
    expect(await page.locator('.facts [lang="id"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await visible(page.getByRole('button', { name: 'English' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  });
});
