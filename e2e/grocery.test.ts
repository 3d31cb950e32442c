import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/**
 * Grocery pre-orders in the H5 build against the real local stack: resident 王秀兰 (建设社区)
 * orders from 幸福便民超市; store operator 刘芳 accepts and prepares; worker 李建国 dispatches and
 * confirms with the pickup code read from the resident's screen, recording the pay-on-delivery
 * money collected in cash at the door (已收款; first offline: queued, then synced); the resident
 * sees 已送达 and 货到付款 · 已收款（现金） and complains about quality; the market regulator 周敏
 * marks the complaint handled.
 */
const ROOM = String(1000 + Math.floor(Math.random() * 8999));
const ADDRESS = `3号楼 2单元 ${ROOM}`;
const COMPLAINT = `送来的大白菜有一半烂了（${ROOM}）`;

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function newPage(): Promise<Page> {
  const context = await phone(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  return page;
}

let pickupCode = '';
let orderUrl = '';

describe('grocery pre-orders (H5 build, real local API)', () => {
  it('resident 王秀兰 picks her community, fills a cart at 幸福便民超市 and places an order', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰').catch(async (e) => {
      await keepScreenshot(page, 'grocery-debug-login');
      throw e;
    });
    await page.goto(appUrl('/pages/grocery/index'));
    await visibleText(page, '请先选择您居住的社区（村）').waitFor();
    await page.locator('.grocery__communities').getByText('建设社区', { exact: true }).click();
    await visibleText(page, '幸福便民超市').waitFor();
    await keepScreenshot(page, 'grocery-stores');

    await visibleText(page, '幸福便民超市').click();
    await page.waitForURL(/grocery\/pages\/store/);
    const cabbage = page.locator('.catalogue__item').filter({ hasText: '大白菜' });
    await cabbage.waitFor();
    await expect(cabbage.getByText('限价 ¥5.00').count()).resolves.toBe(1);
    await cabbage.locator('.catalogue__add').click();
    await cabbage.locator('.catalogue__add').click();
    const eggs = page.locator('.catalogue__item').filter({ hasText: '鸡蛋' });
    await eggs.locator('.catalogue__add').click();
    await visibleText(page, '已选 3 件').waitFor();
    await keepScreenshot(page, 'grocery-catalogue');

    await visibleText(page, '去结算', true).click();
    await page.waitForURL(/grocery\/pages\/checkout/);
    await page.locator('.checkout__slot:not(.chip--off)').first().click();
    await page.locator('.checkout__line').filter({ hasText: '大白菜' }).getByText('同类替换（不会更贵）').click();
    await page.locator('.checkout__building input').fill('3');
    await page.locator('.checkout__unit input').fill('2');
    await page.locator('.checkout__room input').fill(ROOM);
    await page.locator('.checkout__name input').fill('王秀兰');
    await page.locator('.checkout__phone input').fill('13812345678');
    await visibleText(page, '合计 ¥6.90').waitFor(); // 2 斤大白菜 1.20 + 1 斤鸡蛋 4.50
    await keepScreenshot(page, 'grocery-checkout');
    await visibleText(page, '提交订单', true).click();

    await page.waitForURL(/grocery\/pages\/order/, { timeout: 15000 });
    const code = page.locator('.order__code');
    await code.waitFor();
    pickupCode = (await code.textContent())?.trim() ?? '';
    expect(pickupCode).toMatch(/^\d{6}$/);
    await visibleText(page, '下单成功').waitFor();
    orderUrl = page.url();
    await keepScreenshot(page, 'grocery-order-placed');

    await page.goto(appUrl('/grocery/pages/orders/index'));
    await visibleText(page, '幸福便民超市').waitFor();
    await visibleText(page, '已下单').waitFor();
  });

  it('store operator 刘芳 accepts the order and marks it prepared', async () => {
    const page = await newPage();
    await signInAs(page, '刘芳');
    await page.goto(appUrl('/staff/pages/index/index'));
    await page.locator('.staff__section--store').click();
    await page.waitForURL(/store-desk/);
    await visibleText(page, '订单', true).click();
    await page.waitForURL(/store-orders/);
    const card = page.locator('.store-orders__order').filter({ hasText: `3号楼2单元 ${ROOM}` });
    await card.waitFor();
    await expect(card.getByText('大白菜 × 2斤').count()).resolves.toBe(1);
    await expect(card.getByText('王*兰', { exact: false }).count()).resolves.toBe(1);
    await keepScreenshot(page, 'grocery-store-orders');
    await card.getByText('接单', { exact: true }).click();
    await card.getByText('备货完成').click();
    await card.waitFor({ state: 'detached' });

    await visibleText(page, '全部', true).click();
    await card.getByText('已备货').waitFor();
  });

  it('worker 李建国 dispatches it, collects the money in cash and confirms with the pickup code, offline first, then synced once', async () => {
    const page = await newPage();
    await signInAs(page, '李建国');
    await page.goto(appUrl('/worker/pages/index/index'));
    await visibleText(page, '配送任务').click();
    await page.waitForURL(/deliveries/);
    const item = page.locator('.deliveries__order').filter({ hasText: ADDRESS });
    await item.waitFor();
    await item.getByText('开始配送').click();
    await item.locator('.deliveries__code input').waitFor();

    // Pay on delivery: the amount to collect, and no confirmation before the worker says how it was paid.
    await item.getByText('货到付款：请向居民收取 ¥6.90').waitFor();
    await item.locator('.deliveries__code input').fill(pickupCode === '000000' ? '111111' : '000000');
    await item.getByText('已收款，确认送达').click();
    await item.getByText('请先选择收款方式：现金或扫码').waitFor();
    await item.locator('.deliveries__collect').getByText('现金', { exact: true }).click();
    await item.getByText('已收款，确认送达').click();
    await item.getByText('取货码不对', { exact: false }).waitFor();

    await page.context().setOffline(true);
    await item.locator('.deliveries__code input').fill(pickupCode);
    await keepScreenshot(page, 'grocery-worker-collect');
    await item.getByText('已收款，确认送达').click();
    await visibleText(page, '有 1 条送达确认等待上传').waitFor();
    await item.getByText('已确认，等待联网上传').waitFor();
    await keepScreenshot(page, 'grocery-worker-offline');

    // Back online the page uploads the queue by itself; the button is there if it has not yet.
    await page.context().setOffline(false);
    const uploaded = visibleText(page, '送达确认已全部上传');
    await uploaded.or(visibleText(page, '立即上传')).first().waitFor({ timeout: 15000 });
    if (!(await uploaded.isVisible())) await visibleText(page, '立即上传').click();
    await uploaded.waitFor({ timeout: 15000 });
    await keepScreenshot(page, 'grocery-worker-synced');
  });

  it('resident sees 已送达 on her order, paid in cash at the door', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(orderUrl);
    await page.locator('.order__status').getByText('已送达').waitFor();
    const paid = visibleText(page, '货到付款 · 已收款（现金）');
    await paid.waitFor();
    await paid.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'grocery-order-collected');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('.timeline__step--done').count()).resolves.toBe(5);
    await keepScreenshot(page, 'grocery-order-delivered');

    // a complaint about quality, for the market regulator
    await visibleText(page, '投诉价格或质量', true).click();
    await page.locator('.order__complaint textarea').fill(COMPLAINT);
    await visibleText(page, '提交投诉', true).click();
    await visibleText(page, '投诉已提交', false).waitFor();
  });

  it('market regulator 周敏 opens the complaints from 我的 and marks hers handled with a note', async () => {
    const page = await newPage();
    await signInAs(page, '周敏');
    await page.goto(appUrl('/pages/me/index'));
    await visibleText(page, '价格质量投诉', true).click();
    await page.waitForURL(/market-complaints/);
    const card = page.locator('.complaints__item').filter({ hasText: COMPLAINT });
    await card.waitFor();
    await expect(card.getByText('幸福便民超市').count()).resolves.toBe(1);
    await expect(card.getByText('订单状态：已送达').count()).resolves.toBe(1);
    await expect(card.getByText('投诉人：王*兰 138****5678').count()).resolves.toBe(1);
    await keepScreenshot(page, 'grocery-regulator-complaints');

    await card.locator('.complaints__note textarea').fill('已约谈商户，责令为该户更换');
    await card.getByText('标记为已处理', { exact: true }).click();
    // handled ones leave the 待处理 list; 全部 shows them with the note
    await card.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await keepScreenshot(page, 'grocery-debug-regulator');
      throw e;
    });
    await visibleText(page, '全部', true).click();
    const done = page.locator('.complaints__item').filter({ hasText: COMPLAINT });
    await done.getByText('周敏 于', { exact: false }).waitFor();
    await expect(done.getByText('已约谈商户，责令为该户更换', { exact: false }).count()).resolves.toBe(1);
    await keepScreenshot(page, 'grocery-regulator-handled');
  });
});
