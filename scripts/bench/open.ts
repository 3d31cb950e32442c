import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { taroBuild } from '../lib/build';
import { freePort } from '../lib/ports';
import { serveStatic } from '../lib/static-server';
import { benchEvent } from './harness';
import { startLocalApi } from './local-api';
import { median, printTable } from './table';

/**
 * Opening the app to a scannable code (issue 12, Speed): the production H5 build in Chromium with
 * the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate), a resident's session already on the
 * phone, the real handlers behind a loopback API (local-api.ts). Each run is a fresh browser
 * context (nothing cached but what the app keeps in storage); the time is the page's own, from
 * the start of navigation to the QR image being on screen and decoded.
 */
const RUNS = 7;

/** Chromium and a phone as the browser tests use them (e2e/lib/browser.ts, which needs jest's globals). */
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
const phone = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
const CPU_SLOWDOWN = 4;
export const OPEN_BUDGET_MS = { stored: 600, fetched: 1000 } as const;

/** In the page: the time (performance.now(), from navigation start) the visible QR image has loaded. */
const WATCH_QR = `(() => {
  const seen = () => {
    for (const img of document.querySelectorAll('.code__qr img')) {
      if (img.complete && img.naturalWidth > 0 && img.getClientRects().length > 0) return true;
    }
    return false;
  };
  const tick = () => {
    if (seen()) window.__qrAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('click', () => { window.__tapAt ??= performance.now(); }, true);
})();`;

interface Storage {
  session: string;
  codes?: string;
}

async function openOnce(
  browser: Browser,
  appUrl: string,
  storage: Storage,
  via: 'health' | 'home',
): Promise<{ total: number; tapAt?: number }> {
  const context: BrowserContext = await phone(browser);
  try {
    await context.addInitScript((s: Storage) => {
      if (!localStorage.getItem('citycare.session')) {
        localStorage.setItem('citycare.session', s.session);
        if (s.codes) localStorage.setItem('citycare.health.codes', s.codes);
      }
    }, storage);
    await context.addInitScript(WATCH_QR);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${appUrl}#/pages/${via}/index`, { waitUntil: 'commit' });
    if (via === 'home') await page.locator('.home__service--health').click();
    const shown = await page.waitForFunction(
      () => {
        const w = window as { __qrAt?: number; __tapAt?: number };
        return w.__qrAt === undefined ? false : { total: w.__qrAt, tapAt: w.__tapAt };
      },
      null,
      { timeout: 30000 },
    );
    return (await shown.jsonValue()) as { total: number; tapAt?: number };
  } finally {
    await context.close();
  }
}

export async function benchOpen(): Promise<void> {
  const api = await startLocalApi();
  const dist = mkdtempSync(join(tmpdir(), 'citycare-bench-h5-'));
  let server: Server | undefined;
  try {
    const log = await taroBuild('h5', {
      CITYCARE_DIST_ROOT: dist,
      TARO_APP_API_BASE: api.url,
      TARO_APP_STAGE: 'local',
    });
    if (!existsSync(join(dist, 'h5', 'index.html')))
      throw new Error(`the H5 build made no index.html:\n${log.slice(-2000)}`);
    const port = await freePort();
    server = await serveStatic(join(dist, 'h5'), port);
    await measureOpen(`http://127.0.0.1:${port}/`);
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

/** The measurements, on an H5 build served at `appUrl` whose API is running. */
export async function measureOpen(appUrl: string): Promise<void> {
  let browser: Browser | undefined;
  try {
    // A resident with a code: signed in and registered through the real handlers.
    const { login } = await import('../../functions/src/auth/handlers');
    const { registerSelf } = await import('../../functions/src/health/register/handlers');
    const session = JSON.parse(
      (await login(benchEvent({ body: { code: `dev:bench-open-${Date.now().toString(36)}` } }))).body ?? '{}',
    ) as { token: string };
    const first17 = `21080219480512${String((Date.now() % 900) + 100)}`;
    const registered = await registerSelf(
      benchEvent({
        token: session.token,
        body: {
          name: '李桂芳',
          idNumber: first17 + idCheckChar(first17),
          phone: '13812345678',
          community: 'zq-jianshe',
        },
      }),
    );
    if (registered.statusCode !== 201) throw new Error(`bench registration failed: ${registered.body}`);
    const stored = JSON.stringify({ data: session });

    browser = await launch();
    // Once online, so the phone keeps the code bundle, as after any earlier visit.
    const first = await phone(browser);
    await first.addInitScript(
      (s: string) => localStorage.getItem('citycare.session') || localStorage.setItem('citycare.session', s),
      stored,
    );
    const page = await first.newPage();
    await page.goto(`${appUrl}#/pages/health/index`);
    await page.waitForFunction(() => (localStorage.getItem('citycare.health.codes') ?? '').includes('"tokens"'), null, {
      timeout: 60000,
    });
    const codes = (await page.evaluate(() => localStorage.getItem('citycare.health.codes'))) ?? undefined;
    await first.close();

    const cases = [
      {
        name: 'straight to the health tab, stored code',
        storage: { session: stored, codes },
        via: 'health',
        budget: OPEN_BUDGET_MS.stored,
      },
      {
        name: 'home, then tap 健康码, stored code',
        storage: { session: stored, codes },
        via: 'home',
        budget: OPEN_BUDGET_MS.stored,
      },
      {
        name: 'straight to the health tab, code fetched',
        storage: { session: stored },
        via: 'health',
        budget: OPEN_BUDGET_MS.fetched,
      },
      {
        name: 'home, then tap 健康码, code fetched',
        storage: { session: stored },
        via: 'home',
        budget: OPEN_BUDGET_MS.fetched,
      },
    ] as const;
    const rows: (string | number)[][] = [];
    for (const c of cases) {
      const runs: { total: number; tapAt?: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await openOnce(browser, appUrl, c.storage, c.via));
      const total = median(runs.map((r) => r.total));
      // Via home, the tap waits for the tab bar and for the automation's round trip: both shown.
      const tap = c.via === 'home' ? median(runs.map((r) => r.total - (r.tapAt ?? 0))) : undefined;
      rows.push([
        c.name,
        `${total.toFixed(0)} ms`,
        tap === undefined ? '' : `${tap.toFixed(0)} ms`,
        `${c.budget} ms`,
        total <= c.budget ? 'within' : `OVER by ${(total - c.budget).toFixed(0)} ms`,
      ]);
    }
    printTable(
      `Opening the app to a scannable code (H5 production build, Chromium, CPU ${CPU_SLOWDOWN}x slower, ` +
        `session on the phone; median of ${RUNS} fresh contexts, navigation start to QR on screen)`,
      ['case', 'to code', 'tap to code', 'budget', 'budget check'],
      rows,
    );
  } finally {
    await browser?.close();
  }
}
