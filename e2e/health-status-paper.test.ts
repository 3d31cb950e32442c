import { PRIVACY_VERSION } from '@citycare/contract/src/privacy';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { apiAs, appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';
import { readQr, verifyWithJwks } from './lib/qr';

/**
 * The signed status list and paper codes (issue 12) in the H5 build against the real local stack:
 * a checkpoint's scanner caches the keys and the status list, then, with the API unreachable,
 * refuses a code issued before its resident turned red; a community worker prints a paper code
 * (the A6 print layout, emulated print media), whose QR decodes, verifies with the JWKS and
 * passes at the scanner.
 */

let browser: Browser;
const API = () => process.env.E2E_API_BASE as string;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launch();
}, 60000);
afterAll(async () => {
  for (const c of opened) await c.close();
  await browser?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(browser);
  opened.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  return { context, page };
}

/** A new account with its own registered resident (a random, valid ID number). */
async function newResident(name: string) {
  const api = await apiAs(`e2e-status-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`);
  const first17 = `210802195803${String(Math.floor(Math.random() * 18) + 10)}${String(Math.floor(Math.random() * 900) + 100)}`;
  const idNumber = first17 + idCheckChar(first17);
  const res = await api('POST', '/health/register', {
    name,
    idNumber,
    phone: '13900003333',
    community: 'zq-jianshe',
    consentVersion: PRIVACY_VERSION,
  });
  expect(res.status).toBe(201);
  return { api, idNumber, residentId: (res.body as { resident: { residentId: string } }).resident.residentId };
}

const subOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;

/** Until the public status list names the code (the API's instances keep a list up to its refresh interval). */
async function listedSoon(sub: string) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`${API()}/health/status-list`, { cache: 'no-store' });
    const { list } = (await res.json()) as { list: string };
    const claims = await verifyWithJwks(list);
    if ((claims.ch as [string, number][]).some(([s]) => s === sub)) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`status list never named ${sub}`);
}

describe('the status list at the scanner, and paper codes (H5 build, real local API)', () => {
  it('offline, the scanner refuses a code issued before its resident turned red, from its cached list', async () => {
    const { api, residentId } = await newResident('赵秀英');
    const code = await api('GET', `/health/residents/${residentId}/code`);
    const tokens = (code.body as { tokens: { token: string; notBefore: string; expiresAt: string }[] }).tokens;
    const official = await apiAs('official');
    const red = await official('POST', `/health/residents/${residentId}/status`, {
      colour: 'red',
      reason: '确诊病例密切接触者',
    });
    expect(red.status).toBe(200);
    await listedSoon(subOf(tokens[0]!.token));

    const { context, page } = await newPage();
    await signInAs(page, '张伟');
    await page.goto(appUrl('/staff/pages/scan/index'));
    await page.getByText(/状态名单更新于/).waitFor({ timeout: 30000 });
    const kept = await page.evaluate(() => localStorage.getItem('citycare.health.statusList') ?? '');
    expect(kept).toContain(subOf(tokens[0]!.token));

    await context.route(`${API()}/**`, (route) => route.abort('internetdisconnected'));
    const now = Date.now();
    const current = tokens.find((t) => Date.parse(t.notBefore) <= now && now < Date.parse(t.expiresAt))!;
    await page.locator('.field__textarea textarea').fill(current.token);
    await page.getByText('核验', { exact: true }).click();
    await page.locator('.scanner__word').getByText('禁止通行').waitFor();
    await expect(page.locator('.scanner__verdict').textContent()).resolves.toMatch(/状态已变更/);
    await keepScreenshot(page, 'health-scanner-superseded-offline');
  });

  it('a community worker prints a paper code: the A6 print layout shows only the card; its QR verifies and passes the scanner', async () => {
    const { idNumber } = await newResident('钱桂芝');
    const { page } = await newPage();
    await signInAs(page, '李建国');
    await page.goto(appUrl('/staff/pages/paper-code/index'));
    await page.locator('input[name="idNumber"]').fill(idNumber);
    await page.getByText('生成纸质码', { exact: true }).click();
    await visibleText(page, '营口健康码 · 纸质码').waitFor({ timeout: 20000 });
    await visibleText(page, '钱*芝', false).waitFor();
    await keepScreenshot(page, 'health-paper-code');
    const token = await readQr(page, '.paper-card__qr img');
    const claims = await verifyWithJwks(token);
    expect(claims).toMatchObject({ pc: 1, st: 'green', nm: '钱*芝' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(7 * 86400);
    expect(token).not.toContain(idNumber);

    await page.setViewportSize({ width: 420, height: 600 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('打印（A6 卡片）').isVisible()).resolves.toBe(false);
    const box = await page.locator('.paper-card').filter({ visible: true }).first().boundingBox();
    // 105 × 148 mm at 96 dpi: about 397 × 559 px.
    expect(Math.round(box?.width ?? 0)).toBeGreaterThan(390);
    expect(Math.round(box?.width ?? 0)).toBeLessThan(404);
    expect(Math.round(box?.height ?? 0)).toBeGreaterThan(550);
    expect(Math.round(box?.height ?? 0)).toBeLessThan(566);
    await keepScreenshot(page, 'health-paper-code-print');
    await page.emulateMedia({ media: 'screen' });

    const scanner = (await newPage()).page;
    await signInAs(scanner, '张伟');
    await scanner.goto(appUrl('/staff/pages/scan/index'));
    await scanner.getByText(/状态名单更新于/).waitFor({ timeout: 30000 });
    await scanner.locator('.field__textarea textarea').fill(token);
    await scanner.getByText('核验', { exact: true }).click();
    await scanner.locator('.scanner__word').getByText('通行', { exact: true }).waitFor();
    await expect(scanner.locator('.scanner__verdict').textContent()).resolves.toMatch(/纸质码/);
    await keepScreenshot(scanner, 'health-scanner-paper-code');
  });
});
