import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from 'node:crypto';
import { wechatPayClient, WechatPayError, type JsapiOrder } from '../../src/payments/wechatpay/client';
import { checkPaid } from '../../src/payments/wechatpay/notification';
import { startWechatPaySim, type WechatPaySim } from '../../../scripts/lib/wechatpay-sim';
import { clientConfig, simOptions, testKeys } from '../wechatpay-fixtures';

/** The client against the simulator: signed requests, verified answers, errors by kind. */
const keys = testKeys();
let sim: WechatPaySim;
let seq = 0;
const order = (extra: Partial<JsapiOrder> = {}): JsapiOrder => ({
  outTradeNo: `PAYCLIENT${Date.now()}${seq++}`,
  description: '幸福便民超市-蔬菜套餐',
  amountFen: 3580,
  openid: 'o-resident',
  timeExpire: new Date(Date.now() + 15 * 60_000),
  ...extra,
});
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof WechatPayError ? { code: e.code, status: e.status, retryable: e.retryable } : e),
  );

beforeAll(async () => {
  sim = await startWechatPaySim(simOptions(keys, { autoCompleteRefunds: false }));
});
afterAll(() => sim.close());

const client = () => wechatPayClient(clientConfig(keys, sim.url, 'http://127.0.0.1:9/notify'));

it('places a JSAPI order and signs requestPayment for it', async () => {
  const o = order();
  const prepayId = await client().jsapi(o);
  expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{18}$/);
  expect(sim.orders.get(o.outTradeNo)?.transaction).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 3580 } });
  // The same order asked again (a retried checkout) gets the same prepay id.
  expect(await client().jsapi(o)).toBe(prepayId);

  const params = client().requestPayment(prepayId);
  const message = `${keys.appId}\n${params.timeStamp}\n${params.nonceStr}\nprepay_id=${prepayId}\n`;
  expect(
    verify('sha256', Buffer.from(message), keys.merchant.publicKeyPem, Buffer.from(params.paySign, 'base64')),
  ).toBe(true);
});

it('queries an order before and after it is paid, closes an unpaid one', async () => {
  const paid = order();
  const prepayId = await client().jsapi(paid);
  expect((await client().query(paid.outTradeNo)).trade_state).toBe('NOTPAY');
  sim.pay(prepayId, 'confirm', false);
  const tx = await client().query(paid.outTradeNo);
  const expected = { mchId: keys.mchId, appId: keys.appId, paymentId: paid.outTradeNo, amountFen: 3580 };
  expect(checkPaid(tx, expected)).toMatchObject({ ok: true, transactionId: tx.transaction_id });
  expect(await failure(client().close(paid.outTradeNo))).toEqual({ code: 'ORDERPAID', status: 400, retryable: false });

  const unpaid = order();
  await client().jsapi(unpaid);
  await client().close(unpaid.outTradeNo);
  expect((await client().query(unpaid.outTradeNo)).trade_state).toBe('CLOSED');
  expect(await failure(client().query('NOSUCHORDER1'))).toEqual({
    code: 'ORDER_NOT_EXIST',
    status: 404,
    retryable: false,
  });
});

it('asks for a refund of a paid order once per out_refund_no, never more than was paid', async () => {
  const o = order();
  sim.pay(await client().jsapi(o), 'confirm', false);
  const ask = (refundFen: number, outRefundNo = `R${o.outTradeNo}`) =>
    client().refund({ outTradeNo: o.outTradeNo, outRefundNo, refundFen, totalFen: 3580, reason: '订单取消' });
  const refund = await ask(3580);
  expect(refund).toMatchObject({ status: 'PROCESSING', amount: { refund: 3580, total: 3580 } });
  expect((await ask(3580)).refund_id).toBe(refund.refund_id);
  expect(await failure(ask(1, `R2${o.outTradeNo}`))).toMatchObject({ code: 'NOT_ENOUGH', retryable: false });
});

it('refuses, before any request, an out_trade_no WeChat Pay would not take (6–32 characters)', async () => {
  const before = sim.orders.size;
  const tooLong = `up${'0'.repeat(32)}`;
  expect(await failure(client().jsapi(order({ outTradeNo: tooLong })))).toEqual({
    code: 'PARAM_ERROR',
    status: undefined,
    retryable: false,
  });
  expect(sim.orders.size).toBe(before);
});

it('is refused by WeChat Pay when it signs with a key WeChat Pay does not have for it', async () => {
  const other = testKeys();
  const forged = wechatPayClient({
    ...clientConfig(keys, sim.url, 'http://127.0.0.1:9/notify'),
    merchant: { mchId: keys.mchId, serialNo: keys.merchant.serialNo, privateKeyPem: other.merchant.privateKeyPem },
  });
  expect(await failure(forged.jsapi(order()))).toEqual({ code: 'SIGN_ERROR', status: 401, retryable: false });
});

it('treats an answer not signed by a WeChat Pay key it knows as forged', async () => {
  const other = testKeys();
  const wrongKeys = wechatPayClient({
    ...clientConfig(keys, sim.url, 'http://127.0.0.1:9/notify'),
    publicKeys: new Map([[keys.platform.id, other.platform.publicKeyPem]]),
  });
  expect(await failure(wrongKeys.jsapi(order()))).toMatchObject({ code: 'UNVERIFIED', retryable: true });
  const unknownId = wechatPayClient({
    ...clientConfig(keys, sim.url, 'http://127.0.0.1:9/notify'),
    publicKeys: new Map([['PUB_KEY_ID_OTHER', keys.platform.publicKeyPem]]),
  });
  expect(await failure(unknownId.jsapi(order()))).toMatchObject({ code: 'UNVERIFIED', retryable: true });
});

describe('deadlines and server errors', () => {
  let server: Server;
  let url: string;
  let mode: 'hang' | 'busy' = 'hang';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (mode === 'busy') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统错误' }));
      }
      // 'hang': never answers.
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  it('gives up at its deadline with a retryable error', async () => {
    mode = 'hang';
    const started = Date.now();
    const slow = wechatPayClient(clientConfig(keys, url, 'http://127.0.0.1:9/notify', 200));
    expect(await failure(slow.query('P1234567'))).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('maps 5xx SYSTEM_ERROR and an unreachable host to retryable errors (503 for the caller)', async () => {
    mode = 'busy';
    const busy = wechatPayClient(clientConfig(keys, url, 'http://127.0.0.1:9/notify'));
    const error = await busy.query('P1234567').catch((e: WechatPayError) => e);
    expect(error).toMatchObject({ code: 'SYSTEM_ERROR', status: 500, retryable: true });
    expect((error as WechatPayError).toAppError()).toMatchObject({ status: 503, options: { retryAfterSeconds: 5 } });
    const down = wechatPayClient(clientConfig(keys, 'http://127.0.0.1:9', 'http://127.0.0.1:9/notify'));
    expect(await failure(down.query('P1234567'))).toMatchObject({ code: 'NETWORK', retryable: true });
  });
});
