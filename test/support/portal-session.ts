/// <reference lib="dom" />
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DESKTOP, horizontalOverflow, launchChromium, openPortal, PHONE, type PortalPage, screenshot, seriousViolations, smallTargets } from './browser';
import { startLocalProcess } from './local-process';

/** Waits until the first match is visible (the Playwright test runner's toBeVisible, for vitest). */
export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
export const actionForm = (page: Page, name: string) => page.getByRole('form', { name });

/** What every page must pass, and its pictures at both widths. */
export async function checkPage(p: PortalPage, name: string) {
  const { page } = p;
  await page.waitForLoadState('networkidle');
  expect(JSON.stringify(await seriousViolations(page)), `axe: ${name}`).toBe('[]');
  const original = page.viewportSize() ?? PHONE;
  await page.setViewportSize(PHONE);
  expect(await horizontalOverflow(page), `sideways scrolling at 360 px: ${name}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `touch targets under 44 px: ${name}`).toEqual([]);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(original);
  expect(p.problems, `requests, errors and CSP: ${name}`).toEqual([]);
}

/** Opens the staff sign-in (in Indonesian) on a page and sends a username and password (the demo one unless given). */
export async function signInOn(page: Page, api: string, username: string, password = 'Aduan-Lokal-2026!') {
  await page.goto(`${api}/#/petugas`);
  await heading(page, 'Masuk petugas').waitFor();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Opens a staff action's form, fills it and sends it; waits until the form is gone. */
export async function act(page: Page, action: string, fill: (form: Locator) => Promise<unknown> = async () => undefined) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const form = actionForm(page, action);
  await fill(form);
  await form.getByRole('button', { name: action, exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/**
 * People opening the portal of one running system in one browser: each `person` is a fresh
 * context (their own storage), kept in `opened` so a test can inspect every page's requests.
 */
export function portalSession(system: () => { api: string; s3: string }, browser: () => Browser) {
  const opened: PortalPage[] = [];
  async function person(viewport = PHONE): Promise<PortalPage> {
    const p = await openPortal(browser(), system().api, viewport, [system().s3]);
    opened.push(p);
    return p;
  }
  async function signIn(username: string): Promise<PortalPage> {
    const p = await person(DESKTOP);
    await signInOn(p.page, system().api, username);
    await heading(p.page, 'Kotak masuk').waitFor();
    return p;
  }
  return { opened, person, signIn };
}

/**
 * What a browser test file runs on: `npm start`'s system and a Chromium, started before its tests
 * and stopped after them, and the people who open the portal (`portalSession`). `env.sys` is the
 * running system once the tests start.
 */
export function portalOnLocalSystem() {
  const env = {} as { sys: Awaited<ReturnType<typeof startLocalProcess>>; browser: Browser };
  beforeAll(async () => {
    [env.sys, env.browser] = await Promise.all([startLocalProcess(), launchChromium()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.sys?.stop();
  });
  return {
    env,
    ...portalSession(
      () => env.sys,
      () => env.browser,
    ),
  };
}
