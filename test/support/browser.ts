/// <reference lib="dom" />
/**
 * A real Chromium (Debian's package) driven by playwright-core, for the portal's tests: pages at
 * phone and desktop size, every request checked to stay on the portal's origin, CSP violations
 * and page errors collected, an axe-core accessibility scan, and screenshots of each page.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots go (`npm run screenshots` writes the README's into docs/screenshots). */
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? '.screenshots');

export const PHONE = { width: 360, height: 640 };
export const DESKTOP = { width: 1280, height: 800 };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // This machine's network is closed: Chromium's own background traffic only produces noise.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PortalPage {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin but the portal's, page errors and CSP violations seen so far. */
  problems: string[];
}

/** `alsoAllowed`: origins the portal may talk to besides its own (the attachment bucket, which the CSP names). */
export async function openPortal(browser: Browser, origin: string, viewport = PHONE, alsoAllowed: string[] = []): Promise<PortalPage> {
  // A new context per person: its own sessionStorage, like a separate phone or laptop.
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Makassar', hasTouch: viewport === PHONE });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && !alsoAllowed.includes(url.origin) && url.protocol !== 'data:' && url.protocol !== 'blob:')
      problems.push(`third-party request: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
    if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  return { context, page, problems };
}

/** axe-core against WCAG 2.1 A/AA: the serious and critical violations, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Pages wider than the viewport scroll sideways: not allowed at 360 px. */
export const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Interactive elements smaller than 44×44 CSS px (WCAG 2.5.5 target size), by their text. */
export const smallTargets = (page: Page) =>
  page.evaluate(() =>
    // Links that stand alone (back to a list, each problem of a form) are targets too; links inside a sentence are not.
    [...document.querySelectorAll('button, a.button, nav a, a.back, .error-summary a, input:not([type=hidden]), select, textarea')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const isBox = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
        // A checkbox or radio counts with its label, which is part of the target.
        return r.width > 0 && !isBox && (r.height < 44 || r.width < 44);
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).name || el.id).trim().slice(0, 40)}"`),
  );

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Presses Tab until the element labelled `label` has the focus: proof it is reachable by keyboard. */
export async function tabTo(page: Page, label: string | RegExp, maxTabs = 60): Promise<void> {
  const target = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${label}" not reached with ${maxTabs} presses of Tab`);
}

/** The same for a button or link by its accessible name. */
export async function tabToControl(page: Page, role: 'button' | 'link', name: string | RegExp, maxTabs = 80): Promise<void> {
  const target = page.getByRole(role, { name }).first();
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${role} "${name}" not reached with ${maxTabs} presses of Tab`);
}
