import { randomInt } from 'node:crypto';
import { OrderResponse } from '@citycare/contract';
import '../../src/payments/wiring';
import { defaultDeps } from '../../src/payments/wechatpay/deps';
import { handleNotification } from '../../src/payments/wechatpay/flows';
import { sweepPayments } from '../../src/payments/wechatpay/sweep';
import { getOrder } from '../../src/grocery/storage';
import { notificationBody, signBody } from '../../../scripts/lib/wechatpay-sim-notify';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';
import { shop } from './grocery-api';
import { call, loginAs } from './helpers';
import {
  address,
  freshResident,
  itemRow,
  limitCount,
  newItem,
  newSlot,
  orderBody,
  paymentRow,
  placeOrder,
  slotRow,
} from './grocery-fixtures';

/**
 * Prepaid grocery orders with WeChat Pay (the simulator the global setup runs, its signed and
 * encrypted notifications going to the real notify function): paid only on the verified
 * notification, never by the payer's word; closed with everything given back at time_expire;
 * refunded only on REFUND.SUCCESS.
 */
jest.setTimeout(60_000);

const simUrl = () => process.env.WECHATPAY_SIM_URL ?? '';
let store: { token: string };
let previousProvider: string | undefined;
beforeAll(async () => {
  previousProvider = process.env.PAYMENT_PROVIDER;
  process.env.PAYMENT_PROVIDER = 'wechat-pay';
  store = await loginAs('store');
});
afterAll(() => {
  process.env.PAYMENT_PROVIDER = previousProvider;
});

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 60 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
};
const paymentState = async (orderId: string) => (await getOrder(orderId))?.paymentState;
/** The simulated cashier's button (the H5 build's 确认支付). */
const cashier = (clientParams: Record<string, string> | undefined, body: object = { action: 'confirm' }) =>
  fetch(`${simUrl()}/sim/pay/${(clientParams?.package ?? '').replace('prepay_id=', '')}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });

async function prepaid(qty = 2) {
  const me = await freshResident();
  const home = String(randomInt(100_000, 999_999));
  const [item, slotId] = await Promise.all([
    newItem(store.token, { category: 'medical', priceFen: 1500, dailyLimit: 2, stock: 20 }),
    newSlot(store.token),
  ]);
  const placed = await placeOrder(
    me.token,
    orderBody(slotId, [{ itemId: item, qty }], { payment: 'prepaid', address: address(home) }),
  );
  expect(placed.status).toBe(201);
  const body = OrderResponse.parse(placed.body);
  return { me, home, item, slotId, order: body.order, clientParams: body.clientParams };
}

it('checkout returns the cashier; the order is paid only on the notification; a replay changes nothing', async () => {
  const o = await prepaid();
  expect(o.order.payment).toMatchObject({ method: 'prepaid', state: 'pending' });
  expect(o.order.payment.paymentId).toMatch(/^P\d{12}[0-9A-Za-z]{19}$/);
  expect(o.clientParams).toMatchObject({ provider: 'wechat-pay', signType: 'RSA' });
  expect(o.clientParams?.package).toMatch(/^prepay_id=/);

  // The old /pay route settles nothing: it hands the cashier out again.
  const again = await call(shop.pay, { token: o.me.token, params: { orderId: o.order.orderId } });
  expect(again.status).toBe(200);
  expect(OrderResponse.parse(again.body).order.payment.state).toBe('pending');
  expect(await paymentState(o.order.orderId)).toBe('pending');
  expect(await paymentRow(o.order.payment.paymentId)).toMatchObject({ status: 'pending' });

  expect((await cashier(o.clientParams)).status).toBe(200);
  await until(async () => (await paymentState(o.order.orderId)) === 'paid');
  const paid = await getOrder(o.order.orderId);
  expect(paid?.paymentState).toBe('paid');
  expect(await paymentRow(o.order.payment.paymentId)).toMatchObject({ status: 'paid' });

  // WeChat Pay sends the same notification again: answered, nothing written twice.
  const replay = await fetch(`${simUrl()}/sim/notify/${o.order.payment.paymentId}`, {
    method: 'POST',
    body: JSON.stringify({ variant: 'replay' }),
  });
  expect(replay.status).toBe(200);
  expect(await getOrder(o.order.orderId)).toEqual(paid);
  // Paid: /pay refuses, it has nothing to pay.
  expect((await call(shop.pay, { token: o.me.token, params: { orderId: o.order.orderId } })).status).toBe(409);
});

it('refuses a notification for another amount: the order stays unpaid', async () => {
  const o = await prepaid(1);
  const keys = simKeysFrom(process.env.LOCAL_KEYS_DIR ?? '');
  const tx = {
    appid: process.env.WECHAT_APP_ID,
    mchid: process.env.WECHATPAY_MCH_ID,
    out_trade_no: o.order.payment.paymentId,
    transaction_id: `42000${randomInt(1e9, 9e9)}`,
    trade_state: 'SUCCESS',
    success_time: new Date().toISOString(),
    payer: { openid: 'o-someone' },
    amount: { total: 1, payer_total: 1, currency: 'CNY' },
  };
  const now = new Date();
  const message = signBody(
    keys.platform,
    notificationBody(keys.apiV3Key, 'TRANSACTION.SUCCESS', 'transaction', tx, now),
    now,
  );
  const out = await handleNotification(message.headers, message.body);
  expect(out.outcome.ok).toBe(false);
  expect(out.answer.statusCode).toBeGreaterThanOrEqual(400);
  expect(await paymentState(o.order.orderId)).toBe('pending');
  expect(await paymentRow(o.order.payment.paymentId)).toMatchObject({ status: 'pending' });
});

it('an order not paid by time_expire is closed by the payments schedule: stock, counter and slot place back', async () => {
  const o = await prepaid();
  expect((await itemRow(o.item))?.stock).toBe(18);
  expect(await limitCount(o.item, o.home)).toBe(2);
  const deps = await defaultDeps();
  const later = new Date(Date.now() + 20 * 60_000);
  const summary = await sweepPayments({ ...deps, now: () => later });
  expect(summary.closed).toBeGreaterThanOrEqual(1);
  expect(await getOrder(o.order.orderId)).toMatchObject({ status: 'cancelled', paymentState: 'cancelled' });
  expect(await paymentRow(o.order.payment.paymentId)).toMatchObject({ status: 'cancelled' });
  expect((await itemRow(o.item))?.stock).toBe(20);
  expect(await slotRow(o.slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
  expect(await limitCount(o.item, o.home)).toBe(0);
  // Paying the closed WeChat Pay order is no longer possible.
  expect((await call(shop.pay, { token: o.me.token, params: { orderId: o.order.orderId } })).status).toBe(409);
});

it('a paid order cancelled is refunding, then refunded on REFUND.SUCCESS; everything it held goes back', async () => {
  const o = await prepaid();
  await cashier(o.clientParams);
  await until(async () => (await paymentState(o.order.orderId)) === 'paid');
  const res = await call(shop.cancel, { token: o.me.token, params: { orderId: o.order.orderId } });
  expect(res.status).toBe(200);
  expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'cancelled', payment: { state: 'refunding' } });
  expect((await itemRow(o.item))?.stock).toBe(20);
  await until(async () => (await paymentState(o.order.orderId)) === 'refunded');
  expect(await paymentState(o.order.orderId)).toBe('refunded');
  expect(await paymentRow(o.order.payment.paymentId)).toMatchObject({ status: 'refunded' });
});

it('pay on delivery has nothing to pay before the door', async () => {
  const me = await freshResident();
  const [item, slotId] = await Promise.all([newItem(store.token), newSlot(store.token)]);
  const placed = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]));
  expect(placed.status).toBe(201);
  expect(OrderResponse.parse(placed.body).clientParams).toBeUndefined();
  const { orderId, payment } = placed.body.order;
  expect(await paymentRow(payment.paymentId)).toBeUndefined();
  expect((await call(shop.pay, { token: me.token, params: { orderId } })).status).toBe(409);
  const cancelled = await call(shop.cancel, { token: me.token, params: { orderId } });
  expect(OrderResponse.parse(cancelled.body).order.payment.state).toBe('cancelled');
});
