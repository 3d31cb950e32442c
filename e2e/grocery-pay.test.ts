import type { Browser, Locator, Page, Route } from 'playwright-core';
import { apiAs, appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/**
 * Prepaid grocery orders with WeChat Pay in the H5 build against the real local stack and its
 * WeChat Pay simulator (the H5 build's simulated cashier pays there; the simulator posts signed,
 * encrypted notifications to the API's notify route).
 *
 * 王秀兰 orders eggs from 幸福便民超市 and prepays. WeChat Pay takes the money but its
 * notification is held back and her phone cannot reach the API after the cashier: the order says
 * 支付结果确认中…, never 已支付, until the notification arrives. She then cancels the paid order:
 * 退款中, and 已退款 once the simulator's REFUND.SUCCESS notification has reached the API.
 */
const ROOM = String(1000 + Math.floor(Math.random() * 8999));

let browser: Browser;
let page: Page;
let orderId = '';
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

interface OrderAnswer {
  order: { orderId: string; totalFen: number; payment: { state: string; paymentId: string } };
  clientParams?: Record<string, string>;
}

const api = () => process.env.E2E_API_BASE as string;
const sim = () => process.env.E2E_WECHATPAY_SIM as string;

/**
 * Confirms at the simulated cashier while WeChat Pay's notification is held back and the phone
 * cannot reach the API's payment routes; gives back the two undoings.
 */
async function payHeldBackOffline(page: Page, cashier: Locator) {
  const holdNotification = (route: Route) =>
    route.request().method() === 'POST'
      ? route.continue({ postData: JSON.stringify({ action: 'confirm', notify: false }) })
      : route.continue();
  await page.route(`${sim()}/sim/pay/*`, holdNotification);
  const offline = (url: URL) => url.href.startsWith(`${api()}/payments/`);
  await page.route(offline, (route: Route) => route.abort('internetdisconnected'));
  await cashier.getByText('确认支付', { exact: true }).click();
  return {
    releaseCashier: () => page.unroute(`${sim()}/sim/pay/*`, holdNotification),
    reconnect: () => page.unroute(offline),
  };
}

async function paymentState(): Promise<string> {
  const asResident = await apiAs('resident');
  return ((await asResident('GET', `/grocery/orders/${orderId}`)).body as OrderAnswer).order.payment.state;
}

async function until(check: () => Promise<boolean>, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** From the 买菜 tab to 提交订单 of one 斤 of eggs, prepaid; answers the checkout's answer. */
async function prepaidCheckout(room: string): Promise<OrderAnswer> {
  await page.goto(appUrl('/pages/grocery/index'));
  const choose = page.locator('.grocery__communities').getByText('建设社区', { exact: true });
  await choose.or(visibleText(page, '幸福便民超市')).first().waitFor();
  if (await choose.isVisible()) await choose.click();
  await visibleText(page, '幸福便民超市').click();
  await page.waitForURL(/grocery\/pages\/store/);
  const eggs = page.locator('.catalogue__item').filter({ hasText: '鸡蛋' });
  await eggs.locator('.catalogue__add').click();
  await visibleText(page, '已选 1 件').waitFor();
  await visibleText(page, '去结算', true).click();
  await page.waitForURL(/grocery\/pages\/checkout/);
  await page.locator('.checkout__slot:not(.chip--off)').first().click();
  await page.locator('.checkout__building input').fill('3');
  await page.locator('.checkout__unit input').fill('2');
  await page.locator('.checkout__room input').fill(room);
  await page.locator('.checkout__name input').fill('王秀兰');
  await page.locator('.checkout__phone input').fill('13812345678');
  await visibleText(page, '现在预付', true).click();
  await visibleText(page, '合计 ¥4.50').waitFor();
  const placed = page.waitForResponse((r) => r.url() === `${api()}/grocery/orders` && r.request().method() === 'POST');
  await visibleText(page, '提交订单', true).click();
  return (await (await placed).json()) as OrderAnswer;
}

describe('prepaid grocery orders with WeChat Pay (H5 build, real local API and simulator)', () => {
  it('the order shows 已支付 only after WeChat Pay’s notification', async () => {
    page = await (await phone(browser)).newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await signInAs(page, '王秀兰');
    const answer = await prepaidCheckout(ROOM);
    orderId = answer.order.orderId;
    expect(answer.order.payment.state).toBe('pending');
    expect(answer.clientParams?.package).toMatch(/^prepay_id=/);

    const cashier = page.locator('.cashier');
    await cashier.getByText('确认支付', { exact: true }).waitFor();
    await cashier.getByText('¥4.50', { exact: true }).waitFor();
    await cashier.getByText('幸福便民超市', { exact: true }).waitFor();
    await keepScreenshot(page, 'grocery-pay-cashier');
    expect(await paymentState()).toBe('pending');

    // WeChat Pay takes the money but its notification is held back, and the phone loses the API.
    const { releaseCashier, reconnect } = await payHeldBackOffline(page, cashier);
    await page.waitForURL(/grocery\/pages\/order/, { timeout: 30000 });
    await releaseCashier();
    const paid = page.locator('.order__paid');
    await paid.getByText('支付结果确认中…').waitFor();
    await visibleText(page, '刷新支付结果', true).waitFor();
    await expect(page.getByText('已支付', { exact: true }).filter({ visible: true }).count()).resolves.toBe(0);
    await expect(page.locator('.order__pay').count()).resolves.toBe(0);
    await paid.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500); // the page's slide-in
    await keepScreenshot(page, 'grocery-pay-unconfirmed');
    expect(await paymentState()).toBe('pending');

    // The notification, signed and encrypted by the simulator, reaches the API's notify route.
    const sent = await fetch(`${sim()}/sim/notify/${answer.order.payment.paymentId}`, {
      method: 'POST',
      body: JSON.stringify({ variant: 'genuine' }),
    });
    expect(((await sent.json()) as { status: number }).status).toBe(204);
    expect(await paymentState()).toBe('paid');

    await reconnect();
    await visibleText(page, '刷新支付结果', true).click();
    await paid.getByText('已支付', { exact: true }).waitFor({ timeout: 10000 });
    await expect(page.getByText('刷新支付结果').filter({ visible: true }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'grocery-pay-paid');
  });

  it('cancelling the paid order: 退款中, then 已退款 after the refund notification', async () => {
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/grocery/orders/${orderId}/cancel`));
    await visibleText(page, '取消订单', true).click();
    await visibleText(page, '已付的 ¥4.50 会全额退回', false).waitFor();
    await visibleText(page, '确定', true).click();
    const answer = (await (await cancelled).json()) as OrderAnswer;
    expect(answer.order.payment.state).toBe('refunding');
    const paid = page.locator('.order__paid');
    await paid.getByText('退款中', { exact: true }).waitFor();
    await visibleText(page, '已申请退款 ¥4.50').waitFor();
    await keepScreenshot(page, 'grocery-pay-refunding');

    // The simulator completes the refund and posts REFUND.SUCCESS to the notify route.
    await until(async () => (await paymentState()) === 'refunded');
    await visibleText(page, '刷新退款进度', true).click();
    await paid.getByText('已退款', { exact: true }).waitFor({ timeout: 10000 });
    await visibleText(page, '¥4.50 已退回您的微信支付').waitFor();
    await page.locator('.order__status').getByText('已取消').waitFor();
    await keepScreenshot(page, 'grocery-pay-refunded');
  });

  it('closing the cashier leaves the order 未支付 with 去支付, which opens the cashier again', async () => {
    const answer = await prepaidCheckout(String(Number(ROOM) + 1));
    const cashier = page.locator('.cashier');
    await cashier.getByText('取消', { exact: true }).click();
    await page.waitForURL(/grocery\/pages\/order/, { timeout: 30000 });
    const paid = page.locator('.order__paid');
    await paid.getByText('未支付', { exact: true }).waitFor();
    const payAgain = visibleText(page, '去支付 ¥4.50', true);
    await payAgain.waitFor();
    await payAgain.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500); // the page's slide-in
    await keepScreenshot(page, 'grocery-pay-unpaid');

    const again = page.waitForResponse((r) => r.url().endsWith(`/grocery/orders/${answer.order.orderId}/pay`));
    await payAgain.click();
    expect((await again).status()).toBe(200);
    await cashier.getByText('¥4.50', { exact: true }).waitFor();
    await cashier.getByText('确认支付', { exact: true }).click();
    await paid.getByText('已支付', { exact: true }).waitFor({ timeout: 20000 });
    await expect(page.locator('.order__pay').count()).resolves.toBe(0);
  });
});

/**
 * 王秀兰 joins her building's group order (卡点团购) on the group page: WeChat Pay's (simulated)
 * cashier opens at once; the money is taken but the notification held back, so her share says
 * 支付结果确认中…, never 已支付, until the notification arrives. When the store rejects the
 * group's order her share is refunded: 已退款 once REFUND.SUCCESS has reached the API.
 */
describe('a group share paid with WeChat Pay (H5 build, real local API and simulator)', () => {
  let groupId = '';
  let paymentId = '';

  const myShare = async () => {
    const asResident = await apiAs('resident');
    const answer = (await asResident('GET', `/grocery/groups/${groupId}`)).body as {
      group: { shares: { payment?: { state: string; paymentId: string } }[] };
    };
    return answer.group.shares[0]?.payment;
  };

  it('the share shows 已支付 only after WeChat Pay’s notification', async () => {
    const asWorker = await apiAs('worker');
    const { slots } = (await asWorker('GET', '/grocery/stores/st-xingfu/slots')).body as {
      slots: { slotId: string; cutoffAt: string; open: boolean }[];
    };
    const slot = slots.find((s) => s.open && Date.parse(s.cutoffAt) > Date.now() + 30 * 60_000);
    expect(slot).toBeDefined();
    const opened = await asWorker('POST', '/grocery/groups', {
      storeId: 'st-xingfu',
      communityId: 'zq-jianshe',
      slotId: slot?.slotId,
      label: `${ROOM}号楼团购`,
      cutoffAt: new Date(Math.min(Date.parse(slot?.cutoffAt ?? ''), Date.now() + 3600_000)).toISOString(),
      contact: { name: '李建国', phone: '13900001111' },
    });
    expect(opened.status).toBe(201);
    groupId = (opened.body as { group: { groupId: string } }).group.groupId;

    page = await (await phone(browser)).newPage();
    await signInAs(page, '王秀兰');
    await page.goto(appUrl(`/grocery/pages/group/index?groupId=${groupId}`));
    const eggs = page.locator('.catalogue__item').filter({ hasText: '鸡蛋' });
    await eggs.locator('.catalogue__add').click();
    await page.locator('.group__building input').fill('5');
    await page.locator('.group__unit input').fill('1');
    await page.locator('.group__room input').fill(ROOM);
    await page.locator('.group__name input').fill('王秀兰');
    await page.locator('.group__phone input').fill('13812345678');
    const joined = page.waitForResponse((r) => r.url().endsWith(`/grocery/groups/${groupId}/join`));
    await visibleText(page, '参加团购 ¥4.50', true).click();
    const answer = (await (await joined).json()) as { clientParams?: Record<string, string> };
    expect(answer.clientParams?.package).toMatch(/^prepay_id=/);
    paymentId = (await myShare())?.paymentId ?? '';
    expect(await myShare()).toMatchObject({ state: 'pending' });

    const cashier = page.locator('.cashier');
    await cashier.getByText('¥4.50', { exact: true }).waitFor();
    await cashier.getByText('幸福便民超市', { exact: true }).waitFor();
    // WeChat Pay takes the money but its notification is held back, and the phone loses the API.
    const { releaseCashier, reconnect } = await payHeldBackOffline(page, cashier);
    const share = page.locator('.group__share');
    await share.getByText('支付结果确认中…以微信支付的通知为准', { exact: false }).waitFor({ timeout: 30000 });
    await releaseCashier();
    await expect(share.getByText('已支付', { exact: true }).count()).resolves.toBe(0);
    await expect(page.locator('.group__pay').count()).resolves.toBe(0);
    await share.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'grocery-share-unconfirmed');
    expect(await myShare()).toMatchObject({ state: 'pending' });

    // The notification, signed and encrypted by the simulator, reaches the API's notify route.
    const sent = await fetch(`${sim()}/sim/notify/${paymentId}`, {
      method: 'POST',
      body: JSON.stringify({ variant: 'genuine' }),
    });
    expect(((await sent.json()) as { status: number }).status).toBe(204);
    expect(await myShare()).toMatchObject({ state: 'paid' });

    await reconnect();
    await share.getByText('刷新支付结果', { exact: true }).click();
    await share.getByText('已支付', { exact: true }).waitFor({ timeout: 10000 });
    await expect(share.getByText('刷新支付结果').count()).resolves.toBe(0);
    await keepScreenshot(page, 'grocery-share-paid');
  });

  it('the store rejects the group’s order: the share is refunded on REFUND.SUCCESS', async () => {
    const asWorker = await apiAs('worker');
    const closed = await asWorker('POST', `/grocery/groups/${groupId}/close`);
    expect(closed.status).toBe(200);
    const orderId = (closed.body as { order: { orderId: string } }).order.orderId;
    const asStore = await apiAs('store');
    const rejected = await asStore('POST', `/grocery/orders/${orderId}/advance`, {
      action: 'reject',
      reason: '鸡蛋今天到不了货',
    });
    expect(rejected.status).toBe(200);
    await until(async () => (await myShare())?.state === 'refunded');
    await page.reload();
    const share = page.locator('.group__share');
    await share.getByText('已退款', { exact: true }).waitFor({ timeout: 15000 });
    await share.getByText('¥4.50 已退回您的微信支付').waitFor();
    await keepScreenshot(page, 'grocery-share-refunded');
  });
});
