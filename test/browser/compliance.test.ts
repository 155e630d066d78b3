/// <reference lib="dom" />
/**
 * The public compliance pages in a real Chromium (issue 22): Bali's regencies ranked with their
 * zones said in words, Badung's scorecard with the figures behind each part and what would raise
 * it; axe, 360 px and 44 px checks and screenshots on each.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from '../support/browser';
import { get, post } from '../support/fixtures';
import { startLocalProcess } from '../support/local-process';
import { waitFor } from '../support/network';
import { checkPage, heading, portalSession, visible } from '../support/portal-session';

let sys: Awaited<ReturnType<typeof startLocalProcess>>;
let browser: Browser;
beforeAll(async () => {
  [sys, browser] = await Promise.all([startLocalProcess(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});
const { person } = portalSession(
  () => sys,
  () => browser,
);

describe('compliance in the portal', { timeout: 90_000 }, () => {
  it('ranks Bali’s regencies with their zones in words, and opens Badung’s scorecard', async () => {
    // Five complaints Badung's officer answers at once (waste collection is routed straight to Badung here).
    const officer = { authorization: `Bearer ${await sys.token('petugas-badung')}` };
    for (let i = 0; i < 5; i++) {
      const created = await post(`${sys.api}/v1/complaints`, {
        type: 'COMPLAINT',
        title: `Sampah tidak diangkut di Banjar ${i + 1}`,
        description: 'Sampah rumah tangga tidak diangkut selama seminggu di banjar kami.',
        categoryId: 'kebersihan-sampah',
        location: { regionCode: '51.03' },
        anonymous: true,
        confidential: false,
      });
      const id = created.body.trackingId as string;
      await waitFor(async () => (await get(`${sys.api}/v1/complaints/${id}`, officer)).body.status === 'ASSIGNED', 20_000);
      await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'ACKNOWLEDGE' }, officer);
      await post(`${sys.api}/v1/complaints/${id}/actions`, { action: 'RESPOND', message: 'Sampah diangkut besok pagi oleh petugas kebersihan.' }, officer);
    }
    const p = await person(PHONE);
    await p.page.goto(`${sys.api}/#/kepatuhan`);
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
  });
});
