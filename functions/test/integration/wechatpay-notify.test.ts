import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import type { NewPayment } from '../../src/payments/provider';
import { paymentKey, paymentsTable } from '../../src/payments/table';
import { checkMyPayment, notifyHandler } from '../../src/payments/wechatpay/entry';
import { wechatPayProvider } from '../../src/payments/wechatpay/provider';
import { startWechatPaySim, type WechatPaySim } from '../../../scripts/lib/wechatpay-sim';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';
import { httpEvent, unique } from './helpers';

/**
 * The notify route's Lambda entry as API Gateway calls it (lower-case headers, body maybe
 * base64), fed by the simulator over HTTP, including the notifications an attacker or a
 * network can produce: tampered, stale, wrong key id, replayed. And the payer's own check.
 */
let sim: WechatPaySim;
let server: Server;

beforeAll(async () => {
  sim = await startWechatPaySim({
    ...simKeysFrom(process.env.LOCAL_KEYS_DIR ?? ''),
    mchId: process.env.WECHATPAY_MCH_ID ?? '',
    appId: process.env.WECHAT_APP_ID ?? '',
    retryDelaysMs: [],
  });
  // A stand-in for API Gateway: the raw request becomes an HTTP API (v2) event, base64 every other time.
  let n = 0;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const base64 = n++ % 2 === 1;
      const event = {
        ...httpEvent({
          method: 'POST',
          path: '/payments/wechat/notify',
          headers: req.headers as Record<string, string>,
        }),
        body: base64 ? Buffer.from(raw).toString('base64') : raw,
        isBase64Encoded: base64,
      };
      void notifyHandler(event).then((r) =>
        res.writeHead(r.statusCode ?? 500, r.headers as Record<string, string>).end(r.body),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.WECHATPAY_API_BASE = sim.url;
  process.env.WECHATPAY_NOTIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/wechat/notify`;
});
afterAll(async () => {
  await sim.settled();
  await sim.close();
  await new Promise<void>((r) => server.close(() => r()));
});

async function pending(amountFen: number) {
  const payment: NewPayment = {
    paymentId: `P${unique('n').replace(/-/g, '').slice(0, 20)}`,
    payerId: 'u-payer',
    amountFen,
    purpose: 'utility-bill',
    reference: 'bill-1',
    description: '自来水费',
    payerOpenid: 'o-payer',
  };
  await db().send(new TransactWriteCommand({ TransactItems: wechatPayProvider.createItems(payment, new Date()) }));
  const params = await wechatPayProvider.clientParams(payment);
  return { payment, prepayId: (params.package ?? '').slice('prepay_id='.length) };
}
const status = async (id: string) =>
  (await db().send(new GetCommand({ TableName: paymentsTable(), Key: paymentKey(id), ConsistentRead: true }))).Item
    ?.status;
const post = async (id: string, variant: string) => {
  const res = await fetch(`${sim.url}/sim/notify/${id}`, { method: 'POST', body: JSON.stringify({ variant }) });
  return ((await res.json()) as { status: number }).status;
};

it('refuses tampered, stale and wrong-key notifications; settles on a genuine one; a replay changes nothing', async () => {
  const { payment, prepayId } = await pending(4200);
  // The simulated cashier, over HTTP as the H5 page calls it; the notification is lost.
  const paid = await fetch(`${sim.url}/sim/pay/${prepayId}`, {
    method: 'POST',
    body: JSON.stringify({ action: 'confirm', notify: false }),
  });
  expect(((await paid.json()) as { trade_state: string }).trade_state).toBe('SUCCESS');

  expect(await post(payment.paymentId, 'tampered')).toBe(401);
  expect(await post(payment.paymentId, 'stale')).toBe(401);
  expect(await post(payment.paymentId, 'wrong-serial')).toBe(401);
  expect(await status(payment.paymentId)).toBe('pending');

  expect(await post(payment.paymentId, 'genuine')).toBe(204);
  expect(await status(payment.paymentId)).toBe('paid');
  expect(await post(payment.paymentId, 'replay')).toBe(204);
  const stored = (await db().send(new GetCommand({ TableName: paymentsTable(), Key: paymentKey(payment.paymentId) })))
    .Item;
  expect(stored).toMatchObject({ status: 'paid', amountFen: 4200 });
});

it('refuses an oversized body before any work', async () => {
  const big = 'x'.repeat(70 * 1024);
  const answer = await notifyHandler({ ...httpEvent({ method: 'POST', path: '/payments/wechat/notify' }), body: big });
  expect([answer.statusCode, JSON.parse(String(answer.body))]).toEqual([413, { code: 'FAIL', message: 'MALFORMED' }]);
});

it('lets the payer check a payment after the cashier: asks WeChat Pay, never takes the payer’s word', async () => {
  const { payment, prepayId } = await pending(1500);
  expect(await checkMyPayment(payment.paymentId, 'u-payer')).toEqual({ status: 'pending' });
  sim.pay(prepayId, 'confirm', false);
  await expect(checkMyPayment(payment.paymentId, 'u-someone-else')).rejects.toMatchObject({ status: 404 });
  expect(await status(payment.paymentId)).toBe('pending');
  expect(await checkMyPayment(payment.paymentId, 'u-payer')).toEqual({ status: 'paid' });
});

it('places the WeChat Pay order for the stored amount and expiry, whatever the caller passes; none once paid', async () => {
  const { payment, prepayId } = await pending(2300);
  const again = await wechatPayProvider.clientParams({ ...payment, amountFen: 1, expiresAt: '2099-01-01T00:00:00Z' });
  expect(again.package).toBe(`prepay_id=${prepayId}`);
  expect(sim.orders.get(payment.paymentId)?.transaction.amount?.total).toBe(2300);
  await expect(wechatPayProvider.clientParams({ ...payment, payerOpenid: undefined })).rejects.toMatchObject({
    status: 422,
  });
  sim.pay(prepayId, 'confirm');
  await sim.settled();
  expect(await status(payment.paymentId)).toBe('paid');
  await expect(wechatPayProvider.clientParams(payment)).rejects.toMatchObject({ status: 409 });
});
