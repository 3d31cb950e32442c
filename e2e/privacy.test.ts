import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { apiAs, appUrl, keepScreenshot, launch, phone, visibleText } from './lib/browser';

/**
 * Privacy in the H5 build against the real local stack: the first launch asks for consent to the
 * 隐私保护指引; registration refuses without the separate consent to sensitive data; 我的数据 shows
 * (and downloads) what is held; 谁查看了我的信息 shows an official's lookup; 注销 deletes it all.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const KEY = `e2e-privacy-${Date.now().toString(36)}`;
const NAME = '欧阳秀珍';
const PHONE = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const ID_NUMBER = (() => {
  const first17 = `21080219580214${String(Math.floor(Math.random() * 900) + 100)}`;
  return first17 + idCheckChar(first17);
})();

/** Signs `context` in as a fresh dev account (the session stored as the app stores it). */
async function signedIn(context: BrowserContext): Promise<Page> {
  const res = await fetch(`${process.env.E2E_API_BASE}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: `dev:${KEY}` }),
  });
  const session = JSON.stringify({ data: await res.json() });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('citycare.session')) localStorage.setItem('citycare.session', value);
  }, session);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  return page;
}

/** Fills the index-th input of the page's form, again when Taro H5 drops what was typed right after opening. */
async function fill(page: Page, index: number, value: string) {
  const input = page.locator('.field__input input').filter({ visible: true }).nth(index);
  for (let attempt = 1; ; attempt++) {
    await input.fill(value);
    if ((await input.inputValue()) === value) {
      const kept = await page
        .waitForFunction(([v]) => Array.from(document.querySelectorAll('input')).some((i) => i.value === v), [value], {
          timeout: 3000,
        })
        .then(() => true)
        .catch(() => false);
      if (kept) return;
    }
    if (attempt === 3) throw new Error(`field ${index} does not keep ${value}`);
  }
}

describe('privacy', () => {
  it('asks for consent to the privacy guide on first launch; refusing leaves a way back to agree', async () => {
    const context = await phone(browser, { privacyAgreed: false });
    const page = await context.newPage();
    await page.goto(appUrl('/pages/login/index'));
    const dialog = page.locator('.privacy-dialog');
    await dialog.getByText('隐私保护提示').waitFor();
    await keepScreenshot(page, 'privacy-first-launch');
    // The guide: per service what, why, where, how long (scans 28 days), who sees it, how to delete.
    await dialog.getByText('《营口市民服务隐私保护指引》').click();
    await page.waitForURL(/privacy\/pages\/guide/);
    await visibleText(page, '28 天后自动删除').waitFor();
    await visibleText(page, /不可还原的加密摘要/).waitFor();
    await keepScreenshot(page, 'privacy-guide');
    await page.goBack();
    await visibleText(page, '不同意', true).click();
    await dialog.waitFor({ state: 'detached' });
    // Refused: not asked again on the next launch; 我的 says so and offers to agree.
    await page.reload();
    await page.locator('.login__name').waitFor();
    expect(await dialog.count()).toBe(0);
    const me = await signedIn(context);
    await me.goto(appUrl('/pages/me/index'));
    await visibleText(me, /还没有同意《隐私保护指引》/).waitFor();
    await visibleText(me, '查看并同意').click();
    await me.locator('.privacy-dialog').getByText('同意', { exact: true }).click();
    await me.locator('.privacy-dialog').waitFor({ state: 'detached' });
    await me.reload();
    await visibleText(me, '谁查看了我的信息').waitFor();
    expect(await me.getByText(/还没有同意《隐私保护指引》/).count()).toBe(0);
    await context.close();
  });

  describe('a resident’s data', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await phone(browser);
      page = await signedIn(context);
    });
    afterAll(() => context?.close());

    it('refuses registration without the separate consent to sensitive data, and registers with it', async () => {
      await page.goto(appUrl('/health/pages/register/index'));
      await visibleText(page, '建设社区').waitFor({ timeout: 20000 });
      await fill(page, 0, NAME);
      await fill(page, 1, ID_NUMBER);
      await fill(page, 2, PHONE);
      await visibleText(page, '建设社区').click();
      await visibleText(page, '未勾选').waitFor();
      await visibleText(page, '提交申领').click();
      // The server's refusal (422), shown by the form.
      await visibleText(page, /请先阅读《隐私保护指引》，并勾选同意/).waitFor({ timeout: 20000 });
      await keepScreenshot(page, 'privacy-register-refused');
      await page.locator('.consent__box').click();
      await visibleText(page, '已勾选').waitFor();
      await visibleText(page, '提交申领').click();
      await page.waitForURL(/pages\/health\/index/, { timeout: 20000 });
    });

    it('shows 我的数据 in full and downloads it as JSON; shows an official’s lookup in 谁查看了我的信息', async () => {
      const official = await apiAs('official');
      expect((await official('POST', '/health/lookup', { idNumber: ID_NUMBER })).status).toBe(200);

      await page.goto(appUrl('/privacy/pages/data/index'));
      await visibleText(page, `健康码登记：${NAME}`).waitFor({ timeout: 20000 });
      await visibleText(page, PHONE).waitFor();
      await keepScreenshot(page, 'privacy-my-data');
      const download = page.waitForEvent('download');
      await visibleText(page, '下载我的数据（JSON 文件）').click();
      const file = await (await download).path();
      const json = JSON.parse(readFileSync(file, 'utf8')) as { sections: unknown[] };
      expect(JSON.stringify(json.sections)).toContain(NAME);
      expect(JSON.stringify(json.sections)).not.toContain(ID_NUMBER);

      await page.goto(appUrl('/privacy/pages/reads/index'));
      await visibleText(page, '按身份证号查找居民').waitFor({ timeout: 20000 });
      await visibleText(page, '市卫生健康委员会').waitFor();
      await visibleText(page, /陈\*（工作人员）/).waitFor();
      expect(await page.getByText('陈静').count()).toBe(0);
      await keepScreenshot(page, 'privacy-reads');

      // 长辈模式 at 320 px: the pages still fit, nothing wider than the screen.
      await page.setViewportSize({ width: 320, height: 700 });
      await page.evaluate(() => localStorage.setItem('citycare.elderMode', JSON.stringify({ data: true })));
      for (const [path, name] of [
        ['/privacy/pages/data/index', 'privacy-my-data-elder-320'],
        ['/privacy/pages/guide/index', 'privacy-guide-elder-320'],
      ] as const) {
        await page.goto(appUrl(path));
        await page.reload();
        await page.locator('.page--elder').first().waitFor();
        await visibleText(page, path.includes('data') ? '下载我的数据（JSON 文件）' : '怎样删除').waitFor({
          timeout: 20000,
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await keepScreenshot(page, name);
      }
      await page.evaluate(() => localStorage.removeItem('citycare.elderMode'));
      await page.setViewportSize({ width: 390, height: 844 });
    });

    it('注销 deletes it: the account, the health code and the family are gone', async () => {
      await page.goto(appUrl('/privacy/pages/data/index'));
      await visibleText(page, `健康码登记：${NAME}`).waitFor({ timeout: 20000 });
      await visibleText(page, /保留 1095 天/).waitFor();
      await fill(page, 0, '注销');
      await keepScreenshot(page, 'privacy-deregister');
      await visibleText(page, '注销全部服务并删除账号').click();
      await visibleText(page, '确定', true).click();
      await page.waitForURL(/pages\/login\/index/, { timeout: 20000 });

      const again = await apiAs(KEY); // signing in again makes a new, empty account
      const data = (await again('GET', '/me/data')).body as { sections: { service: string; records: unknown[] }[] };
      expect(data.sections.find((s) => s.service === 'health')?.records).toEqual([]);
      expect(JSON.stringify(data)).not.toContain(NAME);
      expect(JSON.stringify(data)).not.toContain(PHONE);
      expect((await again('GET', '/health/me')).body).toEqual({ residents: [] });
    });
  });
});
