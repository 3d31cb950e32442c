import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, type TransactItem } from '../../src/lib/dynamo';
import { newPaymentId } from '../../src/payments/ids';
import { paymentKey, paymentsTable } from '../../src/payments/table';
import { wechatPayClient } from '../../src/payments/wechatpay/client';
import { wechatPayConfig } from '../../src/payments/wechatpay/config';
import type { FlowDeps, PaymentHooks } from '../../src/payments/wechatpay/deps';
import { handleNotification } from '../../src/payments/wechatpay/flows';
import { refundingItem } from '../../src/payments/wechatpay/items';
import { requestRefund } from '../../src/payments/wechatpay/refunds';
import { commit } from '../../src/payments/wechatpay/store';
import { sweepPayments } from '../../src/payments/wechatpay/sweep';
import { wechatPayProvider } from '../../src/payments/wechatpay/provider';
import { startWechatPaySim, type WechatPaySim } from '../../../scripts/lib/wechatpay-sim';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';

/**
 * The payments schedule against DynamoDB Local and the simulator, on a clock of its own: the
 * world (simulator, client, flows) runs in February 2020, so the sweep sees only this file's
 * payments, and minutes pass without waiting. A test "order" row stands for what a payment pays
 * for; the hooks move it as a domain would.
 */
let clock = new Date('2020-02-10T02:00:00.000Z');
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
let sim: WechatPaySim;
let server: Server;
let deps: FlowDeps;
/** When false, the notify server answers 500 without looking (notifications are lost). */
let notificationsArrive = true;

const orderKey = (id: string) => ({ pk: `SWEEPORDER#${id}` });
const move = (reference: string, to: string, from: string, extra = ''): TransactItem => ({
  Update: {
    TableName: paymentsTable(),
    Key: orderKey(reference),
    UpdateExpression: `SET #s = :to${extra} ADD changes :one`,
    ConditionExpression: '#s = :from',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':to': to, ':from': from, ':one': 1 },
  },
});
const hooks: PaymentHooks = {
  paid: (p) => [move(p.reference, 'paid', 'awaiting-payment')],
  closed: (p) => [move(p.reference, 'cancelled', 'awaiting-payment', ', stockReturned = :one')],
  refunded: (p) => [move(p.reference, 'refunded', 'refunding')],
  refundFailed: (p) => [move(p.reference, 'refund-problem', 'refunding')],
};

beforeAll(async () => {
  sim = await startWechatPaySim({
    ...simKeysFrom(process.env.LOCAL_KEYS_DIR ?? ''),
    mchId: process.env.WECHATPAY_MCH_ID ?? '',
    appId: process.env.WECHAT_APP_ID ?? '',
    clock: () => clock,
    retryDelaysMs: [],
    autoCompleteRefunds: false,
  });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!notificationsArrive) return void res.writeHead(500).end();
      void handleNotification(req.headers as Record<string, string>, Buffer.concat(chunks).toString(), deps).then(
        ({ answer }) => res.writeHead(answer.statusCode, answer.headers).end(answer.body),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const config = {
    ...(await wechatPayConfig()),
    apiBase: sim.url,
    notifyUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/wechat/notify`,
  };
  deps = {
    config,
    client: wechatPayClient(config, () => clock),
    now: () => clock,
    hooks: { 'grocery-order': hooks },
  };
});
afterAll(async () => {
  await sim.settled();
  await sim.close();
  await new Promise<void>((r) => server.close(() => r()));
});

/** A pending payment and its order, written together at the test's clock; its WeChat Pay order placed unless `placed` is false. */
async function checkout(amountFen: number, placed = true) {
  const paymentId = newPaymentId(clock);
  const payment = {
    paymentId,
    payerId: 'u-sweep',
    amountFen,
    purpose: 'grocery-order' as const,
    reference: paymentId,
    description: '幸福便民超市-蔬菜套餐',
    expiresAt: new Date(clock.getTime() + 15 * 60_000).toISOString(),
  };
  const order = { Put: { TableName: paymentsTable(), Item: { ...orderKey(paymentId), status: 'awaiting-payment' } } };
  expect(await commit([...wechatPayProvider.createItems(payment, clock), order])).toBe(true);
  if (!placed) return { paymentId, prepayId: '' };
  const prepayId = await deps.client.jsapi({
    outTradeNo: paymentId,
    description: payment.description,
    amountFen,
    openid: 'o-sweep',
    timeExpire: new Date(payment.expiresAt),
  });
  return { paymentId, prepayId };
}
const get = async (key: Record<string, string>) =>
  (await db().send(new GetCommand({ TableName: paymentsTable(), Key: key, ConsistentRead: true }))).Item ?? {};

/** Paid with its notification lost, settled by the schedule; then cancelled: refunding. */
async function paidThenRefunding(amountFen: number) {
  const { paymentId, prepayId } = await checkout(amountFen);
  sim.pay(prepayId, 'confirm', false);
  later(6);
  await sweepPayments(deps);
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'paid' });
  await db().send(
    new PutCommand({ TableName: paymentsTable(), Item: { ...orderKey(paymentId), status: 'refunding', changes: 1 } }),
  );
  expect(await commit([refundingItem(paymentId, amountFen, clock)])).toBe(true);
  return paymentId;
}

it('settles a payment whose notification was lost, before its expiry, with its order, once', async () => {
  const { paymentId, prepayId } = await checkout(1280);
  later(1);
  sim.pay(prepayId, 'confirm', false);
  later(5);
  expect(await sweepPayments(deps)).toMatchObject({ settled: 1, closed: 0 });
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'paid' });
  expect(await get(orderKey(paymentId))).toMatchObject({ status: 'paid', changes: 1 });
  expect(await get(paymentKey(paymentId))).not.toHaveProperty('sweep');
  later(20);
  expect(await sweepPayments(deps)).toMatchObject({ settled: 0, closed: 0 });
  expect(await get(orderKey(paymentId))).toMatchObject({ status: 'paid', changes: 1 });
});

it('closes an unpaid WeChat Pay order past time_expire: payment cancelled, what it held given back, once', async () => {
  const { paymentId, prepayId } = await checkout(990);
  later(6);
  // Not yet expired: WeChat Pay is asked, the order is not paid, the next look is at the expiry.
  expect(await sweepPayments(deps)).toMatchObject({ stillPending: 1, closed: 0 });
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'pending', sweep: 'pending' });
  later(10);
  expect(await sweepPayments(deps)).toMatchObject({ closed: 1 });
  expect(sim.orders.get(paymentId)?.transaction.trade_state).toBe('CLOSED');
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'cancelled' });
  expect(await get(paymentKey(paymentId))).not.toHaveProperty('sweep');
  expect(await get(orderKey(paymentId))).toMatchObject({ status: 'cancelled', stockReturned: 1, changes: 1 });
  // The cashier can no longer take money for it, and the next run changes nothing.
  expect(sim.pay(prepayId, 'confirm').trade_state).toBe('CLOSED');
  later(5);
  expect(await sweepPayments(deps)).toMatchObject({ closed: 0 });
  expect(await get(orderKey(paymentId))).toMatchObject({ changes: 1 });
});

it('lets a payment lapse whose payer never reached the cashier (no WeChat Pay order): nothing to close', async () => {
  const { paymentId } = await checkout(450, false);
  later(6);
  expect(await sweepPayments(deps)).toMatchObject({ stillPending: 1, failed: 0 });
  later(10);
  expect(await sweepPayments(deps)).toMatchObject({ closed: 1, failed: 0 });
  expect(sim.orders.has(paymentId)).toBe(false);
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'cancelled' });
  expect(await get(orderKey(paymentId))).toMatchObject({ status: 'cancelled', stockReturned: 1 });
});

it('asks again for a refund whose request failed, queries it while WeChat Pay processes it, refunds once', async () => {
  const paymentId = await paidThenRefunding(2600);
  notificationsArrive = false;
  sim.failNext('/v3/refund/domestic/refunds', 503, 'SYSTEM_ERROR');
  expect(await requestRefund(paymentId, deps)).toBe('will-retry');
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'refunding', refundAttempts: 1 });
  expect(sim.refunds.has(paymentId)).toBe(false);

  later(3);
  expect(await sweepPayments(deps)).toMatchObject({ refundsRequested: 1 });
  expect(sim.refunds.get(paymentId)?.refund.status).toBe('PROCESSING');
  later(2);
  expect(await sweepPayments(deps)).toMatchObject({ refunded: 0 });
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'refunding', refundChecks: 1 });

  // WeChat Pay finishes; its REFUND.SUCCESS is lost; the next query finds it done.
  await sim.completeRefund(paymentId);
  later(6);
  expect(await sweepPayments(deps)).toMatchObject({ refunded: 1 });
  expect(await get(paymentKey(paymentId))).toMatchObject({ status: 'refunded' });
  expect(await get(paymentKey(paymentId))).not.toHaveProperty('sweep');
  expect(await get(orderKey(paymentId))).toMatchObject({ status: 'refunded', changes: 2 });
  notificationsArrive = true;
  later(60);
  expect(await sweepPayments(deps)).toMatchObject({ refunded: 0, refundsRequested: 0 });
  expect(sim.refunds.get(paymentId)?.refund.amount.refund).toBe(2600);
});

it('records a refund WeChat Pay refuses, or that keeps failing, where the store and ops see it', async () => {
  const refused = await paidThenRefunding(700);
  sim.failNext('/v3/refund/domestic/refunds', 403, 'NOT_ENOUGH');
  expect(await requestRefund(refused, deps)).toBe('problem');
  expect(await get(paymentKey(refused))).toMatchObject({
    status: 'refunding',
    refundProblem: 'NOT_ENOUGH',
    sweep: 'refund-problem',
  });
  expect(await get(orderKey(refused))).toMatchObject({ status: 'refund-problem' });

  const failing = await paidThenRefunding(800);
  const results: string[] = [];
  for (let i = 0; i < 8; i++) {
    sim.failNext('/v3/refund/domestic/refunds', 500, 'SYSTEM_ERROR');
    results.push(await requestRefund(failing, deps));
  }
  expect(results).toEqual([...Array(7).fill('will-retry'), 'problem']);
  expect(await get(paymentKey(failing))).toMatchObject({
    refundProblem: 'RETRIES_EXHAUSTED:SYSTEM_ERROR',
    sweep: 'refund-problem',
  });
  // Ops' list is not swept: nothing is asked of WeChat Pay for them any more.
  const before = sim.requests.length;
  later(120);
  await sweepPayments(deps);
  expect(sim.requests.slice(before).filter((r) => r.path.includes('/refund'))).toEqual([]);
  expect(sim.refunds.has(refused) || sim.refunds.has(failing)).toBe(false);
});
