import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir: playwright-core refuses it here; launch() already uses a fresh temporary profile.
    ],
  });
}

/** A phone-sized context, as residents see the mini-program. */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export function appUrl(hashPath = ''): string {
  return `${process.env.E2E_APP_URL}${hashPath ? `#${hashPath}` : ''}`;
}

/** Keeps a screenshot as a test artifact under artifacts/. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in on the H5 sign-in page by tapping the demo account shown under `displayName`. */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.goto(appUrl('/pages/login/index'));
  await visibleText(page, displayName).click();
  await page.waitForURL(/pages\/home\/index/, { timeout: 20000 });
  await visibleText(page, '24小时').waitFor();
}

/**
 * The first visible element with this text. Taro's H5 keeps visited tab pages in the document,
 * hidden, so a plain text match can find a page that is not on screen.
 */
export function visibleText(page: Page, text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true }).first();
}
