import type { Browser, Page } from 'playwright-core';
import { apiAs, appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/**
 * A store substitutes an item (issue 14), in the H5 build against the real local stack. 王秀兰
 * orders 2 斤 of a cabbage and says 缺货时：同类替换; the store operator 刘芳 accepts, finds it out
 * of stock and replaces it with a cheaper green of the same kind; 王秀兰 sees 原商品 → 替换为 and
 * the lower total (pay on delivery: 缺货少收), and so does the worker at the door.
 */
const ROOM = String(1000 + Math.floor(Math.random() * 8999));
const CABBAGE = `白菜${ROOM}`;
const GREENS = `油菜${ROOM}`;

let browser: Browser;
let orderUrl = '';
beforeAll(async () => {
  browser = await launch();
  const asStore = await apiAs('store');
  for (const [name, priceFen] of [
    [CABBAGE, 150],
    [GREENS, 120],
  ] as const) {
    const res = await asStore('PUT', '/grocery/stores/st-xingfu/items', {
      name,
      category: 'vegetables',
      unit: '斤',
      priceFen,
      stock: 50,
    });
    if (res.status !== 200) throw new Error(`item ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
afterAll(() => browser?.close());

async function newPage(): Promise<Page> {
  const page = await (await phone(browser)).newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  return page;
}

describe('a store substitutes an item and the resident sees it (H5 build, real local API)', () => {
  it('王秀兰 orders 2 斤 of cabbage, 缺货时：同类替换', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(appUrl('/pages/grocery/index'));
    const choose = page.locator('.grocery__communities').getByText('建设社区', { exact: true });
    await choose.or(visibleText(page, '幸福便民超市')).first().waitFor();
    if (await choose.isVisible()) await choose.click();
    await visibleText(page, '幸福便民超市').click();
    await page.waitForURL(/grocery\/pages\/store/);
    const cabbage = page.locator('.catalogue__item').filter({ hasText: CABBAGE });
    await cabbage.locator('.catalogue__add').click();
    await cabbage.locator('.catalogue__add').click();
    await visibleText(page, '已选 2 件').waitFor();
    await visibleText(page, '去结算', true).click();
    await page.waitForURL(/grocery\/pages\/checkout/);
    await page.locator('.checkout__slot:not(.chip--off)').first().click();
    await page.locator('.checkout__line').filter({ hasText: CABBAGE }).getByText('同类替换（不会更贵）').click();
    await page.locator('.checkout__building input').fill('3');
    await page.locator('.checkout__unit input').fill('2');
    await page.locator('.checkout__room input').fill(ROOM);
    await page.locator('.checkout__name input').fill('王秀兰');
    await page.locator('.checkout__phone input').fill('13812345678');
    await visibleText(page, '合计 ¥3.00').waitFor();
    await keepScreenshot(page, 'grocery-substitute-checkout');
    await visibleText(page, '提交订单', true).click();
    await page.waitForURL(/grocery\/pages\/order/, { timeout: 15000 });
    await visibleText(page, '下单成功').waitFor();
    orderUrl = page.url();
  });

  it('刘芳 accepts it and replaces the cabbage with a cheaper green of the same kind', async () => {
    const page = await newPage();
    await signInAs(page, '刘芳');
    await page.goto(appUrl('/staff/pages/index/index'));
    await page.locator('.staff__section--store').click();
    await page.waitForURL(/store-desk/);
    await visibleText(page, '订单', true).click();
    await page.waitForURL(/store-orders/);
    const card = page.locator('.store-orders__order').filter({ hasText: `3号楼2单元 ${ROOM}` });
    await card.waitFor();
    await card.getByText('缺货时：同类替换').waitFor();
    await card.getByText('接单', { exact: true }).click();
    await card.getByText('缺货处理').click();
    await card.getByText('居民同意同类替换', { exact: false }).waitFor();
    const swap = card.getByText(`换成 ${GREENS}（¥1.20/斤`, { exact: false });
    await swap.waitFor();
    await keepScreenshot(page, 'grocery-substitute-store-choose');
    await swap.click();
    await card.getByText(`原商品 ${CABBAGE}（¥1.50/斤） → 替换为 ${GREENS}（¥1.20/斤）`).waitFor();
    await card.getByText('缺货少收 ¥0.60，按 ¥2.40 收款').waitFor();
    await expect(card.getByText('缺货处理').count()).resolves.toBe(0);
    await keepScreenshot(page, 'grocery-substitute-store-done');
  });

  it('王秀兰 sees what was replaced and the lower total', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(orderUrl);
    await visibleText(page, `原商品 ${CABBAGE}（¥1.50/斤） → 替换为 ${GREENS}（¥1.20/斤）`).waitFor();
    await visibleText(page, `${GREENS} × 2斤`).waitFor();
    const difference = visibleText(page, '缺货少收 ¥0.60，按 ¥2.40 收款', false);
    await difference.waitFor();
    await difference.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'grocery-substitute-resident');
  });

  it('the worker at the door sees it too, and collects ¥2.40', async () => {
    const asStore = await apiAs('store');
    const orderId = new URL(orderUrl.replace('#', '')).searchParams.get('orderId') ?? '';
    expect((await asStore('POST', `/grocery/orders/${orderId}/advance`, { action: 'prepare' })).status).toBe(200);
    const page = await newPage();
    await signInAs(page, '李建国');
    await page.goto(appUrl('/worker/pages/index/index'));
    await visibleText(page, '配送任务').click();
    await page.waitForURL(/deliveries/);
    const item = page.locator('.deliveries__order').filter({ hasText: `3号楼 2单元 ${ROOM}` });
    await item.getByText(`原商品 ${CABBAGE}（¥1.50/斤） → 替换为 ${GREENS}（¥1.20/斤）`).waitFor();
    await item.getByText('开始配送').click();
    await item.getByText('货到付款：请向居民收取 ¥2.40').waitFor();
    await keepScreenshot(page, 'grocery-substitute-worker');
  });
});
