/// <reference lib="dom" />
/**
 * The public compliance pages in a real Chromium (issue 22): Bali's regencies ranked with their
 * zones said in words, Badung's scorecard with the figures behind each part and what would raise
 * it; axe, 360 px and 44 px checks and screenshots on each.
 */
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { answeredByBadung } from '../support/fixtures';
import { checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

const { env, person, signIn } = portalOnLocalSystem();

describe('compliance in the portal', { timeout: 90_000 }, () => {
  it('ranks Bali’s regencies with their zones in words, and opens Badung’s scorecard', async () => {
    await answeredByBadung(env.sys.api, await env.sys.token('petugas-badung'), 5);
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
    await visible(p.page.getByText(/5 didisposisikan, tindak lanjut pertama 5 tepat waktu/));
    await visible(p.page.getByRole('figure', { name: 'Skor per bulan' }));
    await checkPage(p, 'publik-kartu-skor');
    // Badung's own officer reaches the same scorecard from the inbox, with what to fix first.
    const officer = await signIn('petugas-badung');
    await officer.page.getByRole('link', { name: 'Skor kepatuhan instansi' }).click();
    await heading(officer.page, 'Pemerintah Kabupaten Badung').waitFor();
    await visible(officer.page.getByText(/Zona (hijau|kuning|merah)/));
  });
});
