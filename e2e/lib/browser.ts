import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PRIVACY_VERSION } from '@citycare/contract/src/privacy-guide';
import { expectAccessible } from './axe';

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

/**
 * A phone-sized context, as residents see the mini-program. The resident has agreed to the
 * privacy guide (lib/privacy.ts's stored answer, as Taro stores it) unless `privacyAgreed` is
 * false: then the first launch asks (e2e/privacy.test.ts).
 */
export async function phone(browser: Browser, { privacyAgreed = true } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (privacyAgreed) {
    const answer = JSON.stringify({ data: { version: PRIVACY_VERSION, choice: 'agreed' } });
    await context.addInitScript((value) => {
      if (!localStorage.getItem('citycare.privacy')) localStorage.setItem('citycare.privacy', value);
    }, answer);
  }
  return context;
}

/**
 * This test file's Chromium: launched before its tests, closed after them. `newPage` opens a
 * fresh phone-sized page; with `errors` the page's uncaught errors, with `console` also its
 * console errors, reach the test's output (a failing step then says why).
 */
export function phoneBrowser(log: { errors?: boolean; console?: boolean } = {}) {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  const newContext = () => phone(browser);
  async function newPage(): Promise<Page> {
    const page = await (await newContext()).newPage();
    if (log.errors || log.console) page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    if (log.console) page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
    return page;
  }
  return { newContext, newPage };
}

export function appUrl(hashPath = ''): string {
  return `${process.env.E2E_APP_URL}${hashPath ? `#${hashPath}` : ''}`;
}

/**
 * Keeps a screenshot as a test artifact under artifacts/, then checks the page with axe (as the
 * role the test signed in as): a serious or critical WCAG 2.1 AA violation fails the test.
 */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const path = await saveScreenshot(page, name);
  await expectAccessible(page, `screenshot ${name}`);
  return path;
}

/** The screenshot alone, for a test that runs axe itself (e2e/a11y.test.ts). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
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

export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Calls the local API directly as a demo account (`resident`, `store`, …), for test setup. */
export async function apiAs(
  account: string,
): Promise<(method: string, path: string, body?: unknown) => Promise<ApiAnswer>> {
  const base = process.env.E2E_API_BASE as string;
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
  };
  const login = await call('POST', '/auth/login', { code: `dev:${account}` });
  const token = (login.body as { token?: string }).token;
  if (!token) throw new Error(`dev login of ${account} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return (method, path, body) => call(method, path, body, token);
}

/** True for a request to the local API (not the app's own files), preflights left out. */
export function isApiRequest(method: string, url: string): boolean {
  return url.startsWith(process.env.E2E_API_BASE as string) && method !== 'OPTIONS';
}

/**
 * Opens `url` in `page`, waits until its API requests have settled (none for `quietMs`, at most
 * `maxSettleMs`: a first visit may wait for serverless-offline to load a function cold and for
 * the adapter to retry a 503), then lists the API requests made over the next `idleMs`.
 */
export async function countApiRequests(
  page: Page,
  url: string,
  idleMs: number,
  { quietMs = 1500, maxSettleMs = 30000 } = {},
): Promise<{ settled: boolean; idle: string[] }> {
  const seen: { at: number; what: string }[] = [];
  page.on('request', (req) => {
    if (isApiRequest(req.method(), req.url())) seen.push({ at: Date.now(), what: `${req.method()} ${req.url()}` });
  });
  const start = Date.now();
  await page.goto(url);
  let settled = false;
  while (Date.now() - start < maxSettleMs) {
    const last = seen.at(-1)?.at ?? start;
    if (Date.now() - last >= quietMs && Date.now() - start >= quietMs) {
      settled = true;
      break;
    }
    await page.waitForTimeout(200);
  }
  const from = Date.now();
  await page.waitForTimeout(idleMs);
  return { settled, idle: seen.filter((s) => s.at >= from).map((s) => s.what) };
}
