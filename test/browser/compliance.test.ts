/// <reference lib="dom" />
/**
 * The public compliance pages in a real Chromium (issue 22): Bali's regencies ranked with their
 * zones said in words, Badung's scorecard with the figures behind each part and what would raise
 * it; Ombudsman Bali opening the complaints behind a figure; axe, 360 px and 44 px checks and
 * screenshots on each.
 */
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { answeredByBadung } from '../support/fixtures';
import { checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

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
});
