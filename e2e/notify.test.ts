import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { apiAs, appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/**
 * WeChat subscribe messages in the H5 build against the real local stack: resident 王秀兰 orders
 * from 幸福便民超市, taps 订阅状态变更提醒 on her order and allows it in the (simulated) subscribe
 * sheet; store 刘芳 accepts and prepares, worker 李建国 dispatches and confirms delivery; the
 * grocery table's stream runs the notifier, and the local WeChat simulator's page lists the
 * 已送达 message for her order with its template.
 */
const sim = () => process.env.E2E_WECHAT_SIM as string;
const api = () => process.env.E2E_API_BASE as string;
const ROOM = String(1000 + Math.floor(Math.random() * 8999));

interface SimMessage {
  touser: string;
  topic: string;
  templateId: string;
  data: Record<string, { value: string }>;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function until(check: () => Promise<boolean>, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** 王秀兰's order of one 斤 of eggs, placed through the API (the grocery tests drive checkout's screens). */
async function placeOrder(): Promise<{ orderId: string; pickupCode: string }> {
  const asResident = await apiAs('resident');
  const catalogue = (await asResident('GET', '/grocery/stores/st-xingfu/catalogue')).body as {
    items: { itemId: string; name: string }[];
  };
  const slots = (await asResident('GET', '/grocery/stores/st-xingfu/slots')).body as {
    slots: { slotId: string; open: boolean; remaining: number }[];
  };
  const eggs = catalogue.items.find((i) => i.name.includes('鸡蛋'));
  const slot = slots.slots.find((s) => s.open && s.remaining > 0);
  const login = await fetch(`${api()}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'dev:resident' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${api()}/grocery/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      storeId: 'st-xingfu',
      communityId: 'zq-jianshe',
      slotId: slot?.slotId,
      fulfilment: 'delivery',
      contactless: true,
      payment: 'on-delivery',
      address: { building: '3', unit: '2', room: ROOM },
      contact: { name: '王秀兰', phone: '13812345678' },
      lines: [{ itemId: eggs?.itemId, qty: 1 }],
    }),
  });
  const body = (await res.json()) as { order: { orderId: string; pickupCode: string } };
  expect(res.status).toBe(201);
  return body.order;
}

describe('subscribe messages (H5 build, real local stack and WeChat simulator)', () => {
  it('an order delivered sends 王秀兰 the 已送达 message she subscribed to', async () => {
    const { orderId, pickupCode } = await placeOrder();
    page = await (await phone(browser)).newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await signInAs(page, '王秀兰');
    await page.goto(appUrl(`/grocery/pages/order/index?orderId=${orderId}`));
    const button = visibleText(page, '订阅状态变更提醒', true);
    await button.waitFor({ timeout: 20000 });
    await keepScreenshot(page, 'notify-order-subscribe');
    await button.click();
    // H5 has no requestSubscribeMessage: the simulated sheet lists the three steps.
    await visibleText(page, '商户接单、开始配送、已送达').waitFor();
    await keepScreenshot(page, 'notify-sheet');
    await visibleText(page, '允许', true).click();
    await visibleText(page, '已订阅：状态变化时会通过微信通知您').waitFor();
    await keepScreenshot(page, 'notify-subscribed');

    const [asStore, asWorker] = [await apiAs('store'), await apiAs('worker')];
    for (const [who, action] of [
      [asStore, 'accept'],
      [asStore, 'prepare'],
      [asWorker, 'dispatch'],
    ] as const) {
      expect((await who('POST', `/grocery/orders/${orderId}/advance`, { action })).status).toBe(200);
    }
    const login = await fetch(`${api()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'dev:worker' }),
    });
    const { token } = (await login.json()) as { token: string };
    const delivered = await fetch(`${api()}/grocery/orders/${orderId}/deliver`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ pickupCode, collected: 'cash' }),
    });
    expect(delivered.status).toBe(200);

    const mine = async () =>
      ((await (await fetch(`${sim()}/messages?format=json`)).json()) as { messages: SimMessage[] }).messages.filter(
        (m) => m.touser === 'dev:resident' && m.data.character_string1?.value === orderId,
      );
    await until(async () => (await mine()).some((m) => m.topic === 'orderDelivered'));
    const messages = await mine();
    expect(messages.map((m) => m.topic)).toEqual(['orderAccepted', 'orderOnTheWay', 'orderDelivered']);
    expect(messages[2]?.templateId).toBe(process.env.NOTIFY_TEMPLATE_ORDER_DELIVERED);
    expect(messages[2]?.data).toMatchObject({ phrase2: { value: '已送达' }, thing3: { value: '幸福便民超市' } });

    // The simulator's page (README: the local stack's sent messages).
    await page.goto(`${sim()}/messages`);
    const entry = page.locator('li').filter({ hasText: orderId }).filter({ hasText: '已送达' });
    await entry.first().waitFor();
    await expect(entry.first().textContent()).resolves.toContain(process.env.NOTIFY_TEMPLATE_ORDER_DELIVERED);
    await keepScreenshot(page, 'notify-simulator-messages');
  });
});
