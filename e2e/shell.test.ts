import type { Page } from 'playwright-core';
import { appUrl, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';

const { newPage } = phoneBrowser();

const openMe = (page: Page) => page.goto(appUrl('/pages/me/index'));

describe('mini-program shell (H5 build, real local API)', () => {
  it('opens the sign-in page when nobody is signed in, listing the demo accounts', async () => {
    const page = await newPage();
    await page.goto(appUrl());
    await page.waitForURL(/pages\/login\/index/, { timeout: 20000 });
    for (const name of ['王秀兰', '李建国', '陈静', '孙强']) await visibleText(page, name).waitFor();
    await keepScreenshot(page, 'shell-login');
  });

  it('signs in as a demo resident and shows 我的 with the right name and roles', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await openMe(page);
    await page.locator('.me__name').filter({ hasText: '王秀兰' }).first().waitFor();
    await visibleText(page, '居民', true).waitFor();
    await expect(page.getByText('工作人员工作台').filter({ visible: true }).count()).resolves.toBe(0);
    await expect(page.getByText('社区工作者工作台').filter({ visible: true }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'shell-me-resident');
  });

  it('shows a community worker their scoped role and the worker area only', async () => {
    const page = await newPage();
    await signInAs(page, '李建国');
    await openMe(page);
    await visibleText(page, '社区工作者工作台').waitFor();
    await visibleText(page, /社区工作者.*建设社区/).waitFor();
    await expect(page.getByText('工作人员工作台').filter({ visible: true }).count()).resolves.toBe(0);
    await visibleText(page, '社区工作者工作台').click();
    await page.waitForURL(/worker\/pages\/index\/index/);
  });

  it('remembers elder mode across a reload and makes the text larger', async () => {
    const page = await newPage();
    await signInAs(page, '刘德福');
    await openMe(page);
    const name = page.locator('.me__name').filter({ hasText: '刘德福' }).first();
    await name.waitFor();
    const before = await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.locator('.me__switch').first().click();
    await page.reload();
    await name.waitFor();
    const after = await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before * 1.15);
    await keepScreenshot(page, 'shell-me-elder');
  });

  it('goes back to sign-in when the session token is rejected (401)', async () => {
    const page = await newPage();
    // The home page's own GET /me answers first: an identical request in flight is shared, so a
    // token changed while it runs would never be sent.
    const homeMe = page.waitForResponse((res) => res.url() === `${process.env.E2E_API_BASE}/me`);
    await signInAs(page, '王秀兰');
    await homeMe;
    await page.evaluate(() => {
      const key = 'citycare.session';
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
      const session = stored.data ?? stored;
      session.token = `${session.token}tampered`;
      localStorage.setItem(key, JSON.stringify(stored.data ? { ...stored, data: session } : session));
    });
    await openMe(page);
    await page.waitForURL(/pages\/login\/index/, { timeout: 20000 });
  });

  it('signs out from 我的', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await openMe(page);
    await visibleText(page, '退出登录').click();
    await visibleText(page, '确定', true).click();
    await page.waitForURL(/pages\/login\/index/, { timeout: 20000 });
  });
});
