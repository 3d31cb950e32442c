import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import type { NewPayment, TransactItem } from '../../src/payments/provider';
import { paymentKey, paymentsTable } from '../../src/payments/table';
import { closeUnpaid, handleNotification, onPayment, reconcile } from '../../src/payments/wechatpay/flows';
import { wechatPayProvider } from '../../src/payments/wechatpay/provider';
import { notificationBody, signBody } from '../../../scripts/lib/wechatpay-sim-notify';
import { startWechatPaySim, type WechatPaySim } from '../../../scripts/lib/wechatpay-sim';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';
import { unique } from './helpers';

/**
 * Money moves only on what WeChat Pay says: the simulator (real signatures, real encryption)
 * sends notifications to a small HTTP server that runs the production notify code against
 * DynamoDB Local; a test "order" row stands for what a payment pays for.
 */
let sim: WechatPaySim;
let notifyServer: Server;
const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];

const orderKey = (id: string) => ({ pk: `TESTORDER#${id}` });
const orderUpdate = (reference: string, to: string, from: string): TransactItem => ({
  Update: {
    TableName: paymentsTable(),
    Key: orderKey(reference),
    UpdateExpression: 'SET #s = :to ADD changes :one',
    ConditionExpression: '#s = :from',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':to': to, ':from': from, ':one': 1 },
  },
});

beforeAll(async () => {
  const keysDir = process.env.LOCAL_KEYS_DIR ?? '';
  sim = await startWechatPaySim({
    ...simKeysFrom(keysDir),
    mchId: process.env.WECHATPAY_MCH_ID ?? '',
    appId: process.env.WECHAT_APP_ID ?? '',
    retryDelaysMs: [50, 100],
    autoCompleteRefunds: false,
  });
  notifyServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void handleNotification(req.headers as Record<string, string>, body).then(({ answer }) => {
        received.push({ headers: req.headers, body, status: answer.statusCode });
        res.writeHead(answer.statusCode, answer.headers).end(answer.body);
      });
    });
  });
  await new Promise<void>((r) => notifyServer.listen(0, '127.0.0.1', r));
  process.env.WECHATPAY_API_BASE = sim.url;
  process.env.WECHATPAY_NOTIFY_URL = `http://127.0.0.1:${(notifyServer.address() as AddressInfo).port}/payments/wechat/notify`;
  onPayment('grocery-order', {
    paid: (p) => [orderUpdate(p.reference, 'paid', 'awaiting-payment')],
    refunded: (p) => [orderUpdate(p.reference, 'refunded', 'refunding')],
  });
});
afterAll(async () => {
  await sim.settled();
  await sim.close();
  await new Promise<void>((r) => notifyServer.close(() => r()));
});

/** A pending payment and its order, written together; then the payer's cashier parameters. */
async function checkout(amountFen = 3580) {
  const id = unique('o').replace(/-/g, '').slice(0, 20);
  const payment: NewPayment = {
    paymentId: `P${id}`,
    payerId: 'u-test',
    amountFen,
    purpose: 'grocery-order',
    reference: id,
    description: '幸福便民超市-蔬菜套餐',
    payerOpenid: 'o-resident-test',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  };
  const now = new Date();
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        ...wechatPayProvider.createItems(payment, now),
        { Put: { TableName: paymentsTable(), Item: { ...orderKey(id), status: 'awaiting-payment', changes: 0 } } },
      ],
    }),
  );
  const params = await wechatPayProvider.clientParams(payment);
  return { payment, params, prepayId: (params.package ?? '').replace('prepay_id=', '') };
}
const get = async (key: Record<string, string>) =>
  (await db().send(new GetCommand({ TableName: paymentsTable(), Key: key, ConsistentRead: true }))).Item ?? {};
const state = async (payment: NewPayment) => ({
  payment: (await get(paymentKey(payment.paymentId))).status,
  order: (await get(orderKey(payment.reference))).status,
  changes: (await get(orderKey(payment.reference))).changes,
});

it('settles a payment and its order once, on the verified notification only; replays change nothing', async () => {
  const { payment, params, prepayId } = await checkout();
  expect(params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) });
  expect(await state(payment)).toEqual({ payment: 'pending', order: 'awaiting-payment', changes: 0 });
  // The old way, the payer's word: refused by the WeChat Pay provider.
  expect(() => wechatPayProvider.settleItems(payment.paymentId, payment.amountFen, new Date())).toThrow('微信支付');

  sim.pay(prepayId, 'confirm');
  await sim.settled();
  expect(await state(payment)).toEqual({ payment: 'paid', order: 'paid', changes: 1 });
  const stored = await get(paymentKey(payment.paymentId));
  expect(stored.transactionId).toBe(sim.orders.get(payment.paymentId)?.transaction.transaction_id);
  expect(stored).not.toHaveProperty('payerOpenid');
  expect(received.at(-1)?.status).toBe(204);

  // WeChat Pay sends it again (freshly signed), and someone replays the very same request.
  await sim.renotify(payment.paymentId);
  const first = received.find((r) => r.status === 204 && r.body.includes('TRANSACTION.SUCCESS'));
  const replay = await handleNotification(first?.headers as Record<string, string>, first?.body ?? '');
  expect(replay.outcome).toEqual({ ok: true, result: 'already-settled' });
  expect(replay.answer.statusCode).toBe(204);
  expect(await state(payment)).toEqual({ payment: 'paid', order: 'paid', changes: 1 });
});

it('refuses a tampered notification and one for another amount; WeChat Pay retries, nothing is credited', async () => {
  const { payment, prepayId } = await checkout(1200);
  // Our record says 12.00; WeChat Pay's order for the same out_trade_no is made to say 0.01.
  const order = sim.orders.get(payment.paymentId);
  if (!order?.transaction.amount) throw new Error('no order in the simulator');
  order.transaction.amount.total = 1;
  const before = received.length;
  sim.pay(prepayId, 'confirm');
  await sim.settled();
  const attempts = received.slice(before);
  expect(attempts.map((r) => r.status)).toEqual([400, 400, 400]);
  expect(await state(payment)).toEqual({ payment: 'pending', order: 'awaiting-payment', changes: 0 });

  const tampered = attempts[0]?.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') ?? '';
  const answer = await handleNotification(attempts[0]?.headers as Record<string, string>, tampered);
  expect([answer.answer.statusCode, JSON.parse(answer.answer.body)]).toEqual([
    401,
    { code: 'FAIL', message: 'BAD_SIGNATURE' },
  ]);
  expect(await state(payment)).toEqual({ payment: 'pending', order: 'awaiting-payment', changes: 0 });
});

it('settles from WeChat Pay’s order query when the notification was lost, with the same checks, once', async () => {
  const { payment, prepayId } = await checkout(990);
  expect(await reconcile(payment.paymentId)).toEqual({ ok: true, result: 'not-paid', tradeState: 'NOTPAY' });
  sim.pay(prepayId, 'confirm', false);
  expect(await state(payment)).toEqual({ payment: 'pending', order: 'awaiting-payment', changes: 0 });
  expect(await reconcile(payment.paymentId)).toEqual({ ok: true, result: 'settled' });
  expect(await reconcile(payment.paymentId)).toEqual({ ok: true, result: 'already-settled' });
  // The notification arrives late after all: nothing more happens.
  await sim.renotify(payment.paymentId);
  expect(await state(payment)).toEqual({ payment: 'paid', order: 'paid', changes: 1 });
});

it('closes an unpaid order at expiry, so it can no longer be paid', async () => {
  const { payment, prepayId } = await checkout(500);
  expect(await closeUnpaid(payment.paymentId)).toBe('closed');
  expect(sim.orders.get(payment.paymentId)?.transaction.trade_state).toBe('CLOSED');
  expect(sim.pay(prepayId, 'confirm').trade_state).toBe('CLOSED');
  expect(await state(payment)).toEqual({ payment: 'pending', order: 'awaiting-payment', changes: 0 });
});

it('refunds: refunding until the verified REFUND.SUCCESS, then refunded once; unknown refunds refused', async () => {
  const { payment, prepayId } = await checkout(2600);
  sim.pay(prepayId, 'confirm');
  await sim.settled();
  // Cancelling the paid order: the payment and the order move together.
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        ...wechatPayProvider.refundItems(payment.paymentId, 2600, new Date()),
        orderUpdate(payment.reference, 'refunding', 'paid'),
      ],
    }),
  );
  await wechatPayProvider.requestRefund?.(payment.paymentId);
  await wechatPayProvider.requestRefund?.(payment.paymentId); // a retry asks for the same refund
  expect(sim.refunds.get(payment.paymentId)?.refund).toMatchObject({ status: 'PROCESSING', amount: { refund: 2600 } });
  expect((await state(payment)).payment).toBe('refunding');

  await sim.completeRefund(payment.paymentId);
  expect(await state(payment)).toEqual({ payment: 'refunded', order: 'refunded', changes: 3 });
  const refundNote = received.find((r) => r.body.includes('REFUND.SUCCESS') && r.status === 204);
  const replay = await handleNotification(refundNote?.headers as Record<string, string>, refundNote?.body ?? '');
  expect(replay.outcome).toEqual({ ok: true, result: 'already-refunded' });
  expect(await state(payment)).toEqual({ payment: 'refunded', order: 'refunded', changes: 3 });

  // A correctly signed REFUND.SUCCESS for a paid payment nobody asked to refund.
  const other = await checkout(700);
  sim.pay(other.prepayId, 'confirm');
  await sim.settled();
  const keys = simKeysFrom(process.env.LOCAL_KEYS_DIR ?? '');
  const forged = {
    mchid: process.env.WECHATPAY_MCH_ID,
    refund_id: '50300000000000000000000000099',
    out_refund_no: other.payment.paymentId,
    out_trade_no: other.payment.paymentId,
    transaction_id: '4200000000000000000000000099',
    refund_status: 'SUCCESS',
    amount: { total: 700, refund: 700 },
  };
  const message = signBody(
    keys.platform,
    notificationBody(keys.apiV3Key, 'REFUND.SUCCESS', 'refund', forged, new Date()),
    new Date(),
  );
  const unknown = await handleNotification(message.headers, message.body);
  expect(unknown.outcome).toMatchObject({ ok: false, reason: 'UNKNOWN_REFUND' });
  expect(unknown.answer.statusCode).toBe(404);
  expect((await state(other.payment)).payment).toBe('paid');
});

it('keeps a refund WeChat Pay could not complete visible as refunding with its problem', async () => {
  const { payment, prepayId } = await checkout(1800);
  sim.pay(prepayId, 'confirm');
  await sim.settled();
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        ...wechatPayProvider.refundItems(payment.paymentId, 1800, new Date()),
        orderUpdate(payment.reference, 'refunding', 'paid'),
      ],
    }),
  );
  await wechatPayProvider.requestRefund?.(payment.paymentId);
  await sim.completeRefund(payment.paymentId, 'ABNORMAL');
  expect(received.at(-1)?.status).toBe(204);
  expect(await get(paymentKey(payment.paymentId))).toMatchObject({
    status: 'refunding',
    refundProblem: 'REFUND.ABNORMAL',
  });
  expect(await state(payment)).toMatchObject({ order: 'refunding' });
});

it('refunds money that arrives for a payment already cancelled, by itself and once, without touching its order', async () => {
  const { payment, prepayId } = await checkout(800);
  await db().send(
    new TransactWriteCommand({ TransactItems: wechatPayProvider.cancelItems(payment.paymentId, new Date()) }),
  );
  await db().send(
    new UpdateCommand({
      TableName: paymentsTable(),
      Key: orderKey(payment.reference),
      UpdateExpression: 'SET #s = :c',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':c': 'cancelled' },
    }),
  );
  sim.pay(prepayId, 'confirm');
  await sim.settled();
  expect(received.at(-1)?.status).toBe(204);
  const stored = await get(paymentKey(payment.paymentId));
  expect(stored).toMatchObject({ status: 'refunding', lateAmountFen: 800, refundFen: 800, sweep: 'refunding' });
  expect(stored.lateTransactionId).toBe(sim.orders.get(payment.paymentId)?.transaction.transaction_id);
  expect(sim.refunds.get(payment.paymentId)?.refund).toMatchObject({ amount: { refund: 800, total: 800 } });
  // WeChat Pay sends the same notification again: answered, still one refund
  expect(await sim.sendVariant(payment.paymentId, 'replay')).toMatchObject({ status: 204 });
  expect(await get(paymentKey(payment.paymentId))).toMatchObject({ status: 'refunding' });
  expect([...sim.refunds.keys()].filter((no) => no === payment.paymentId)).toHaveLength(1);
  // REFUND.SUCCESS: refunded; the order (given up before it was paid) is not touched
  await sim.completeRefund(payment.paymentId);
  await sim.settled();
  expect(received.at(-1)?.status).toBe(204);
  expect(await get(paymentKey(payment.paymentId))).toMatchObject({ status: 'refunded' });
  expect(await state(payment)).toMatchObject({ order: 'cancelled', changes: 0 });
});

it('refuses a notification for a payment it does not know', async () => {
  const keys = simKeysFrom(process.env.LOCAL_KEYS_DIR ?? '');
  const tx = {
    appid: process.env.WECHAT_APP_ID,
    mchid: process.env.WECHATPAY_MCH_ID,
    out_trade_no: 'PNOSUCHPAYMENT01',
    transaction_id: '4200000000000000000000000001',
    trade_state: 'SUCCESS',
    amount: { total: 100, payer_total: 100, currency: 'CNY' },
  };
  const message = signBody(
    keys.platform,
    notificationBody(keys.apiV3Key, 'TRANSACTION.SUCCESS', 'transaction', tx, new Date()),
    new Date(),
  );
  const out = await handleNotification(message.headers, message.body);
  expect([out.outcome.ok ? 'ok' : out.outcome.reason, out.answer.statusCode]).toEqual(['UNKNOWN_PAYMENT', 404]);
});
