/// <reference lib="dom" />
/**
 * The portal in English (issue 23), in a real Chromium against `npm start`'s system: a citizen
 * chooses English, is told what to fix in English, reports, keeps the receipt, tracks the report
 * and gets their mail in English; an officer works a case in English; the public pages follow.
 * Every page is checked at 360 px and desktop width (axe, 44 px targets, nothing from another
 * origin) and photographed as `en-*`, beside the Indonesian pictures the other tests take.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, type PortalPage } from '../support/browser';
import { get, mailbox } from '../support/fixtures';
import { waitFor } from '../support/network';
import { act, checkPage, heading, portalOnLocalSystem, visible } from '../support/portal-session';

const { env, person } = portalOnLocalSystem();

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
    await page.getByRole('button', { name: 'Send the report' }).click();
    const summary = page.getByRole('alert');
    await visible(summary.getByRole('heading', { name: 'Some answers need fixing' }));
    const items = await summary.getByRole('listitem').allTextContents();
    expect(items).toContain('Title of the report: Write at least 5 characters.');
    expect(items).toContain('Category: Choose the category that fits your report best.');
    expect(await summary.textContent()).not.toMatch(/Permintaan|Pilih|Tulis|wajib/);
    await checkPage(p, 'en-report-errors');

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
    const v = await env.sys.token('verifikator');
    await waitFor(async () =>
      (await get(`${env.sys.api}/v1/complaints/${trackingId}`, { authorization: `Bearer ${v}` })).body.suggestedAgency ? true : undefined,
    );
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
    await page.getByRole('link', { name: '← Inbox' }).click();
    await heading(page, 'Inbox').waitFor();
    await checkPage(p, 'en-staff-inbox');
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
    // A standard written in Indonesian says so.
    await page.getByRole('searchbox', { name: 'Search the services' }).fill('KTP');
    await page.getByRole('link', { name: /KTP/ }).first().click();
    await visible(page.getByText('The agency publishes this standard in Indonesian only.'));
    await checkPage(p, 'en-service');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await visible(page.getByRole('button', { name: 'English' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  });
});
