import { PRIVACY_VERSION } from '@citycare/contract/src/privacy';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cityClock } from '@citycare/contract/src/common';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { apiAs, appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';
import { readQr, verifyWithJwks } from './lib/qr';

/**
 * The offline code (issue 12) in the H5 build against the real local stack: a resident (周敏, so
 * the other tests' residents stay as they expect) opens the health tab once online; then, with
 * the API unreachable (every request to it aborted), the app opens straight at the health tab and
 * shows the stored token of the current window, marked 离线码 · 有效至 HH:MM with the status
 * age; the page's clock (Playwright's fake clock) moves on to a later window, whose token shows;
 * past the last window the page shows 离线码已用完 and no QR. A checkpoint's scanner refuses a
 * token of a later window (尚未生效).
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: Awaited<ReturnType<typeof apiAs>>;
let residentId = '';

/**
 * The first cases read the current window's token, a few seconds apart: they start well inside a
 * 5-minute window (config/health-rules.yml tokenTtlSeconds; windows start at the city's midnight,
 * a whole number of windows from UTC's), not in its last minute, when the page fetches the next
 * bundle and the token on screen is about to end.
 */
const WINDOW_MS = 300_000;
async function awayFromWindowEnd() {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < 60_000) await new Promise((resolve) => setTimeout(resolve, left + 1000));
}

beforeAll(async () => {
  browser = await launch();
  api = await apiAs('regulator');
  const first17 = `21080219620815${String(Math.floor(Math.random() * 900) + 100)}`;
  const registered = await api('POST', '/health/register', {
    name: '周敏',
    idNumber: first17 + idCheckChar(first17),
    phone: '13900002222',
    community: 'zq-jianshe',
    consentVersion: PRIVACY_VERSION,
  });
  expect(registered.status).toBe(201);
  residentId = (registered.body as { resident: { residentId: string } }).resident.residentId;
  context = await phone(browser);
  await awayFromWindowEnd();
  // The page's clock is Playwright's, starting now and running at real pace until moved on.
  await context.clock.install({ time: Date.now() });
  page = await context.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await signInAs(page, '周敏');
}, 120000);
afterAll(() => browser?.close());

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { nbf: number; exp: number };

describe('the health code without network (H5 build, real local API)', () => {
  let firstWindow: { nbf: number; exp: number };

  it('online, the health tab shows the code and keeps the bundle', async () => {
    await page.goto(appUrl('/pages/health/index'));
    await visibleText(page, '后自动刷新').waitFor({ timeout: 30000 });
    const token = await readQr(page);
    firstWindow = claimsOf(token);
    expect(await verifyWithJwks(token)).toMatchObject({ st: 'green', nm: '周*' });
    const kept = await page.evaluate(() => localStorage.getItem('citycare.health.codes') ?? '');
    expect(kept).toContain(residentId);
    expect(kept).toContain(token);
  });

  it('with the API unreachable, the app opens on the stored code of the current window, marked 离线码', async () => {
    const base = process.env.E2E_API_BASE as string;
    await context.route(`${base}/**`, (route) => route.abort('internetdisconnected'));
    await page.reload();
    await visibleText(page, /^离线码 · 有效至/).waitFor({ timeout: 30000 });
    const until = cityClock((firstWindow.nbf + 12 * 300) * 1000);
    await visibleText(page, `离线码 · 有效至 ${until}`).waitFor();
    await visibleText(page, /状态更新于/).waitFor();
    const token = await readQr(page);
    const claims = await verifyWithJwks(token);
    const now = (await page.evaluate(() => Date.now())) / 1000;
    expect(Number(claims.nbf)).toBeLessThanOrEqual(now);
    expect(Number(claims.exp)).toBeGreaterThan(now);
    await keepScreenshot(page, 'health-offline-code');
  });

  it("the page's clock moves on 10 minutes: the QR is the later window's token", async () => {
    await page.clock.fastForward('10:00');
    await page.clock.runFor(2000);
    const claims = claimsOf(await readQr(page));
    expect(claims.nbf).toBeGreaterThanOrEqual(firstWindow.nbf + 600);
    await visibleText(page, /状态更新于 1\d 分钟前/).waitFor();
  });

  it('past the last window: 离线码已用完, no QR', async () => {
    await page.clock.fastForward('01:00:00');
    await page.clock.runFor(2000);
    await visibleText(page, '离线码已用完，请联网刷新').waitFor({ timeout: 20000 });
    await expect(page.locator('.code__qr img').filter({ visible: true }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'health-offline-used-up');
  });

  it("a checkpoint's scanner refuses a later window's token (尚未生效)", async () => {
    const code = await api('GET', `/health/residents/${residentId}/code`);
    const later = (code.body as { tokens: { token: string }[] }).tokens[3]!.token;
    const staffContext: BrowserContext = await phone(browser);
    const staff = await staffContext.newPage();
    await signInAs(staff, '张伟');
    await staff.goto(appUrl('/staff/pages/scan/index'));
    await staff.getByText(/验证密钥已缓存/).waitFor({ timeout: 20000 });
    await staff.locator('.field__textarea textarea').fill(later);
    await staff.getByText('核验', { exact: true }).click();
    await staff.locator('.scanner__word').getByText('禁止通行').waitFor();
    await expect(staff.locator('.scanner__verdict').textContent()).resolves.toMatch(/尚未生效/);
    await keepScreenshot(staff, 'health-checkpoint-early');
    await staffContext.close();
  });
});
