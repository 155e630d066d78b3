/// <reference lib="dom" />
/**
 * The public compliance pages in a real Chromium (issue 22): Bali's regencies ranked with their
 * zones said in words, Badung's scorecard with the figures behind each part and what would raise
 * it; Ombudsman Bali opening the complaints behind a figure; axe, 360 px and 44 px checks and
 * screenshots on each.
 *
 * And the Ombudsman's side of issue 23, points 5 and 7: the mails an agency and the Ombudsman get
 * name the page's buttons, never codes, and land on the case; the page counts a deadline as its
 * mail does; the indicators read in Indonesian words; a closed, rated complaint under review is
 * not shown overdue in the Ombudsman's queue however old its deadline; and the office works it in
 * English.
 */
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { answeredByBadung, get, mailbox, post, submission } from '../support/fixtures';
import { waitFor } from '../support/network';
import { act, checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

const { env, person, signIn } = portalOnLocalSystem();

describe('compliance in the portal', { timeout: 90_000 }, () => {
  it('ranks Bali’s regencies with their zones in words, and opens Badung’s scorecard', async () => {
    const answered = await answeredByBadung(env.sys.api, await env.sys.token('petugas-badung'), 5);
    const p = await person(PHONE);
    await p.page.goto(`${env.sys.api}/#/kepatuhan`);
    await heading(p.page, /Kepatuhan instansi/).waitFor();
    await p.page.getByLabel('Kode provinsi').fill('51');
    await p.page.getByLabel('Kode provinsi').press('Tab');
    const badung = p.page.getByTestId('compliance-pemda-51.03');
    await visible(badung.getByText(/^Zona (hijau|kuning|merah)$/));
    expect(await badung.textContent()).toMatch(/^1\. Pemerintah Kabupaten Badung/);
    await visible(p.page.getByTestId('compliance-pemda-51.71').getByText('Belum dinilai'));
    await checkPage(p, 'publik-kepatuhan');
    await badung.getByRole('link').click();
    await heading(p.page, 'Pemerintah Kabupaten Badung').waitFor();
    const figures = p.page.getByRole('region', { name: 'Angka di balik skor' });
    expect(await figures.getByRole('listitem').filter({ hasText: 'Pengaduan didisposisikan' }).textContent()).toBe('Pengaduan didisposisikan: 5');
    expect(await figures.getByRole('listitem').filter({ hasText: 'Tindak lanjut pertama tepat waktu' }).textContent()).toBe(
      'Tindak lanjut pertama tepat waktu: 5',
    );
    // The public sees counts only.
    expect(await figures.getByRole('button').count()).toBe(0);
    await visible(p.page.getByRole('figure', { name: 'Skor per bulan' }));
    await checkPage(p, 'publik-kartu-skor');
    // Badung's own officer reaches the same scorecard from the inbox, with what to fix first.
    const officer = await signIn('petugas-badung');
    await officer.page.getByRole('link', { name: 'Skor kepatuhan instansi' }).click();
    await heading(officer.page, 'Pemerintah Kabupaten Badung').waitFor();
    await visible(officer.page.getByText(/Zona (hijau|kuning|merah)/));

    // Ombudsman Bali opens its province's agencies from the inbox, and the complaints behind a figure.
    const ombudsman = await signIn('ombudsman-bali');
    await ombudsman.page.getByRole('link', { name: 'Kepatuhan instansi di wilayah Anda' }).click();
    await heading(ombudsman.page, /Kepatuhan instansi/).waitFor();
    expect(await ombudsman.page.getByLabel('Kode provinsi').inputValue()).toBe('51');
    await ombudsman.page.getByTestId('compliance-pemda-51.03').getByRole('link').click();
    await heading(ombudsman.page, 'Pemerintah Kabupaten Badung').waitFor();
    const onTime = ombudsman.page.getByRole('button', { name: 'Lihat pengaduan — Tindak lanjut pertama tepat waktu' });
    await onTime.click();
    const list = ombudsman.page.locator('#figure-firstFollowUpOnTime');
    await visible(list.getByRole('link').first());
    expect((await list.getByRole('link').allTextContents()).sort()).toEqual([...answered].sort());
    expect(await onTime.getAttribute('aria-expanded')).toBe('true');
    await checkPage(ombudsman, 'ombudsman-kartu-skor');
    await list.getByRole('link').first().click();
    await ombudsman.page.waitForURL(/#\/petugas\/kasus\//);
  });

  it('5, 7 (issue 23): mails speak the page’s words and land on the case; a closed case under review is not overdue', async () => {
    const api = env.sys.api;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const title = 'Dimintai Rp50.000 untuk KTP-el yang rusak';
    const created = await post(
      `${api}/v1/complaints`,
      submission({
        title,
        description: 'Petugas loket meminta Rp50.000 agar KTP-el saya yang rusak dicetak, padahal layanan ini gratis.',
        categoryId: 'administrasi-kependudukan',
        serviceId: 'badung-ktp-el',
        serviceAnswers: { appliedOn: '2026-11-02', completedOn: '2026-11-03', charged: 50_000 },
        anonymous: true,
        reporter: undefined,
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.trackingId as string;
    const reporter = created.body.accessToken as string;
    const verifier = await env.sys.token('verifikator');
    await waitFor(async () => ((await get(`${api}/v1/complaints/${id}`, as(verifier))).body.suggestedAgency ? true : undefined));
    expect((await post(`${api}/v1/complaints/${id}/actions`, { action: 'VERIFY', agencyId: 'pemda-51.03' }, as(verifier))).status).toBe(200);

    // Badung's desk: the page's words and no codes, the deadline with its working days, a link to the case.
    const mailTo = (address: string, subject: string) =>
      waitFor(async () =>
        (await mailbox(env.sys.mail)).find((m) => m.destination.to.includes(address) && m.subject.includes(id) && m.subject.includes(subject)),
      );
    const assigned = (await mailTo('pemda-51.03@instansi.example', 'Disposisi laporan baru')).body.text ?? '';
    expect(assigned).not.toMatch(/\b(VERIFY|ACKNOWLEDGE|RESPOND|TRANSFER|COMMENT)\b|GET \/v1\/|illegal levy/);
    expect(assigned).toContain('bukan wewenang');
    const link = assigned.match(/http\S*#\/petugas\/kasus\/\S+/)?.[0] ?? '';
    expect(link).toContain(id);
    const days = assigned.match(/\((\d+) hari kerja\)/)?.[1];
    expect(Number(days)).toBeGreaterThan(0);
    const officer = await signIn('petugas-badung');
    await officer.page.goto(link);
    await heading(officer.page, title).waitFor();
    // The deadline the mail gave is the one the page counts down (issue 23, point 7).
    await visible(officer.page.getByText(`${days} hari kerja lagi`));
    await visible(officer.page.getByText('Permintaan imbalan/pungutan liar'));
    expect(await officer.page.content()).not.toMatch(/illegal levy|ILLEGAL_LEVY/i);
    await checkPage(officer, 'petugas-kasus-pungli');
    // The reporter's, the public's and the Ombudsman's pages of it speak Indonesian too (point 5).
    const reporterPage = await person(PHONE);
    await reporterPage.page.goto(`${api}/#/lacak/${id}/${reporter}`);
    await visible(reporterPage.page.getByText('Permintaan imbalan/pungutan liar'));
    const ombudsmanCase = await signIn('ombudsman-bali');
    await ombudsmanCase.page.goto(`${api}/#/petugas/kasus/${id}`);
    await heading(ombudsmanCase.page, title).waitFor();
    for (const page of [reporterPage.page, ombudsmanCase.page]) expect(await page.content()).not.toMatch(/illegal levy|ILLEGAL_LEVY|\(indicated\)/i);
    const anyone = await person(PHONE);
    await anyone.page.goto(`${api}/#/laporan/${id}`);
    await heading(anyone.page, title).waitFor();
    expect(await anyone.page.content()).not.toMatch(/illegal levy|ILLEGAL_LEVY|\(indicated\)/i);

    // Answered, confirmed and rated; the reporter, still unhappy, asks the Ombudsman to look (already
    // flagged for the levy): the office's mail has the Ombudsman's steps, not the agency's.
    const badung = await env.sys.token('petugas-badung');
    for (const [action, who] of [
      [{ action: 'RESPOND', message: 'Petugas loket telah ditegur; uang Rp50.000 dikembalikan.' }, badung],
      [{ action: 'CONFIRM_RESOLVED' }, reporter],
      [{ action: 'RATE', score: 2 }, reporter],
      [{ action: 'REQUEST_OMBUDSMAN_REVIEW', consentToShareIdentity: false }, reporter],
    ] as const)
      expect((await post(`${api}/v1/complaints/${id}/actions`, action, as(who))).status).toBe(200);
    const review = (await mailTo('ombudsman-51@instansi.example', 'Peninjauan Ombudsman')).body.text ?? '';
    expect(review).toContain('akun Ombudsman kantor Anda');
    expect(review).toContain('indikasi pungutan liar');
    expect(review).not.toMatch(/petugas instansi Anda|bukan wewenang|ILLEGAL_LEVY|REPORTER_REQUEST/);

    // A month later its old deadline is long past.
    expect((await post(`${api}/_local/clock`, { advance: 'P30D' })).status).toBe(200);
    const ombudsman = await signIn('ombudsman-bali');
    const row = ombudsman.page.getByRole('listitem').filter({ has: ombudsman.page.getByRole('link', { name: title }) });
    await visible(row);
    expect(await row.textContent()).toContain('Selesai');
    expect(await row.textContent()).not.toMatch(/Lewat tenggat|hari kerja lagi/);
    await checkPage(ombudsman, 'ombudsman-antrean-selesai');

    // The same office works the case in English: the indicators and every entry read in English, and it returns the case to Badung.
    await ombudsman.page.getByRole('button', { name: 'English' }).click();
    await heading(ombudsman.page, 'Inbox').waitFor();
    await ombudsman.page.goto(`${api}/#/petugas/kasus/${id}`);
    await heading(ombudsman.page, title).waitFor();
    await visible(ombudsman.page.getByText('Illegal levy or request for payment'));
    await visible(ombudsman.page.getByRole('link', { name: 'Issuing the electronic identity card (KTP-el: new, lost, damaged)' }));
    await visible(ombudsman.page.getByText('Charged Rp50.000'));
    await act(ombudsman.page, 'Return to the agency with a recommendation', async (f) => {
      await f.getByLabel('Recommended corrective action').fill('Return the fee and publish the free tariff at the counter.');
      await f.getByLabel('Deadline (working days)').fill('3');
    });
    await visible(ombudsman.page.getByText('The report went back to the agency with a recommendation.'));
    await visible(ombudsman.page.getByText(/returned the report to the agency with a recommendation: Return the fee/));
    expect(await ombudsman.page.locator('.timeline [lang="id"], .facts [lang="id"]').count()).toBe(0);
    await checkPage(ombudsman, 'en-ombudsman-case');
  });
});
