import { BulkPayResponse, BulkQuote, StartPaymentResponse } from '@citycare/contract';
import { handler as notifyFunction } from '../../src/payments/lambdas/notify';
import { handler as payer } from '../../src/payments/lambdas/payer';
import { defaultDeps } from '../../src/payments/wechatpay/deps';
import { sweepPayments } from '../../src/payments/wechatpay/sweep';
import { setPaymentClock } from '../../src/utility/clock';
import { serveLambda } from '../../../scripts/lib/lambda-http';
import { startWechatPaySim, type WechatPaySim } from '../../../scripts/lib/wechatpay-sim';
import { simKeysFrom } from '../../../scripts/lib/wechatpay-sim-local';
import { call, loginAs } from './helpers';
import { residentHandlers as resident, workerHandlers as community } from './utility-api';
import { makeAccount, newHousehold, rowsOf, scanPaged, setNow } from './utility-fixtures';

/**
 * Bills are paid only on WeChat Pay's word: a simulator of this file's own (real signatures and
 * encryption) posts its notifications to the real notify function, served over HTTP here, which
 * settles the payment and its bills in one transaction through the utility hooks
 * (payments/wiring.ts). Replays change nothing; a worker's order for several households settles
 * all of them on one notification; an order left unpaid past its time_expire is closed by the
 * payments schedule and its bills can be paid again.
 */
let sim: WechatPaySim;
let notify: { url: string; close(): Promise<void> };

beforeAll(async () => {
  sim = await startWechatPaySim({
    ...simKeysFrom(process.env.LOCAL_KEYS_DIR ?? ''),
    mchId: process.env.WECHATPAY_MCH_ID ?? '',
    appId: process.env.WECHAT_APP_ID ?? '',
    retryDelaysMs: [50, 100],
  });
  notify = await serveLambda(notifyFunction);
  process.env.WECHATPAY_API_BASE = sim.url;
  process.env.WECHATPAY_NOTIFY_URL = `${notify.url}/payments/wechat/notify`;
});
afterAll(async () => {
  setPaymentClock(undefined);
  await sim.settled();
  await sim.close();
  await notify.close();
});
beforeEach(() => setNow(new Date('2020-02-25T02:00:00Z')));

const prepayOf = (params: Record<string, string> | null) => (params?.package ?? '').replace('prepay_id=', '');
const paymentRow = async (id: string) =>
  (await scanPaged(process.env.TABLE_PAYMENTS ?? '')).find((p) => p.paymentId === id);
/** Every row of the account: the account, its bills, its link, the records of its payments. */
const state = (no: string) => rowsOf(no);
const bills = async (no: string) => (await rowsOf(no)).filter((r) => String(r.sk).startsWith('BILL#'));
const arrears = async (no: string) => (await rowsOf(no)).find((r) => r.sk === 'ACCOUNT')?.arrearsFen;

it('settles a resident’s bill only on the verified notification, once; replays change nothing', async () => {
  const hh = await newHousehold();
  const no = await makeAccount();
  await call(resident.linkAccount, { token: hh.token, body: { accountNo: no, holderName: '王秀兰' } });
  const body = { accountNo: no, billIds: [`${no}-2020-01`] };
  const started = StartPaymentResponse.parse(
    (await call(resident.startUtilityPayment, { token: hh.token, body, headers: { 'idempotency-key': `n-${no}` } }))
      .body,
  );
  const { paymentId, amountFen } = started.payment;
  expect(amountFen).toBe(5282);
  expect(sim.orders.get(paymentId)?.transaction).toMatchObject({
    trade_state: 'NOTPAY',
    amount: { total: 5282 },
    payer: { openid: expect.stringMatching(/^dev:hh-/) },
  });

  // The payer's word, and the check route before WeChat Pay has the money: still unpaid.
  await call(resident.confirmUtilityPayment, { token: hh.token, params: { paymentId } });
  const check = () =>
    call<{ payment: { status: string } }>(payer, {
      method: 'GET',
      path: '/payments/{paymentId}',
      params: { paymentId },
      token: hh.token,
    });
  expect((await check()).body.payment.status).toBe('pending');
  expect((await bills(no)).map((b) => b.paid)).toEqual([false, false]);
  expect(await arrears(no)).toBe(10205);

  sim.pay(prepayOf(started.clientParams), 'confirm');
  await sim.settled();
  expect(await arrears(no)).toBe(4975);
  expect((await bills(no)).map((b) => [b.month, b.paid, b.lateFeePaidFen ?? null, b.paymentId ?? null])).toEqual([
    ['2020-01', true, 52, paymentId],
    ['2020-02', false, null, null],
  ]);
  expect((await bills(no))[0]).not.toHaveProperty('payingId');
  expect((await rowsOf(no)).find((r) => r.sk === 'UPAY' && r.paymentId === paymentId)).toMatchObject({
    status: 'paid',
  });
  expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid', amountFen: 5282 });
  expect((await check()).body.payment.status).toBe('paid');

  // The same notification replayed, then WeChat Pay sending it again: 204, nothing moves.
  const settled = await state(no);
  expect(await sim.sendVariant(paymentId, 'replay')).toMatchObject({ status: 204 });
  await sim.renotify(paymentId);
  await sim.settled();
  expect(await state(no)).toEqual(settled);
  // A retry of the request after it was paid: the paid payment, nothing to pay.
  const retry = await call(resident.startUtilityPayment, {
    token: hh.token,
    body,
    headers: { 'idempotency-key': `n-${no}` },
  });
  expect(StartPaymentResponse.parse(retry.body)).toEqual({
    payment: { ...started.payment, status: 'paid' },
    clientParams: null,
  });
});

it('settles a worker’s order for two households’ bills together, on its one notification', async () => {
  const worker = await loginAs('worker');
  const one = (amountFen: number) => ({
    community: 'zq-jianshe',
    bills: [{ month: '2020-01', amountFen, dueDate: '2020-02-15' }],
  });
  const a = await makeAccount(one(3120));
  const b = await makeAccount({ ...one(9870), company: 'ut-power' });
  const q = BulkQuote.parse(
    (
      await call(community.bulkQuote, {
        token: worker.token,
        params: { community: 'zq-jianshe' },
        body: { accountNos: [a, b] },
      })
    ).body,
  );
  // 10 days late: 31 and 98 fen.
  expect(q.amountFen).toBe(3120 + 31 + 9870 + 98);
  const pay = () =>
    call(community.bulkPay, {
      token: worker.token,
      params: { community: 'zq-jianshe' },
      headers: { 'idempotency-key': `bulk2-${a}` },
      body: { accountNos: [a, b], amountFen: q.amountFen },
    });
  const placed = BulkPayResponse.parse((await pay()).body);
  expect(BulkPayResponse.parse((await pay()).body).payment.paymentId).toBe(placed.payment.paymentId);
  expect(sim.orders.get(placed.payment.paymentId)?.transaction.amount?.total).toBe(q.amountFen);
  expect([await arrears(a), await arrears(b)]).toEqual([3120, 9870]);

  const before = sim.deliveries.length;
  sim.pay(prepayOf(placed.clientParams), 'confirm');
  await sim.settled();
  expect(sim.deliveries.slice(before).map((d) => d.status)).toEqual([204]);
  expect([await arrears(a), await arrears(b)]).toEqual([0, 0]);
  expect([...(await bills(a)), ...(await bills(b))].map((x) => [x.paid, x.paymentId, x.lateFeePaidFen])).toEqual([
    [true, placed.payment.paymentId, 31],
    [true, placed.payment.paymentId, 98],
  ]);
  const again = BulkPayResponse.parse((await pay()).body);
  expect([again.payment.status, again.clientParams]).toEqual(['paid', null]);
});

it('closes an order left unpaid past its time_expire; its bills can be paid again', async () => {
  // This payment lives in June 2019 (WeChat Pay's clock for it): the schedule run below sees no other test's payments.
  const placedAt = new Date('2019-06-01T02:00:00.000Z');
  setPaymentClock(() => placedAt);
  const hh = await newHousehold();
  const no = await makeAccount();
  await call(resident.linkAccount, { token: hh.token, body: { accountNo: no, holderName: '王秀兰' } });
  const body = { accountNo: no, billIds: [`${no}-2020-01`, `${no}-2020-02`] };
  const lapsed = StartPaymentResponse.parse((await call(resident.startUtilityPayment, { token: hh.token, body })).body);
  const id = lapsed.payment.paymentId;
  expect((await bills(no)).map((b) => b.payingId)).toEqual([id, id]);

  const deps = { ...(await defaultDeps()), now: () => new Date(placedAt.getTime() + 16 * 60_000) };
  const summary = await sweepPayments(deps);
  expect(summary).toMatchObject({ closed: 1, failed: 0 });
  expect(sim.orders.get(id)?.transaction.trade_state).toBe('CLOSED');
  expect(await paymentRow(id)).toMatchObject({ status: 'cancelled' });
  expect((await rowsOf(no)).find((r) => r.sk === 'UPAY' && r.paymentId === id)).toMatchObject({ status: 'cancelled' });
  expect((await bills(no)).map((b) => [b.paid, b.payingId ?? null])).toEqual([
    [false, null],
    [false, null],
  ]);
  // Too late in the cashier: WeChat Pay refuses, nothing is paid.
  expect(sim.pay(prepayOf(lapsed.clientParams), 'confirm').trade_state).toBe('CLOSED');
  expect(await arrears(no)).toBe(10205);

  setPaymentClock(undefined);
  const again = await call(resident.startUtilityPayment, { token: hh.token, body });
  expect(again.status).toBe(200);
  const fresh = StartPaymentResponse.parse(again.body).payment;
  expect([fresh.status, fresh.paymentId === id]).toEqual(['pending', false]);
  expect((await bills(no)).map((b) => b.payingId)).toEqual([fresh.paymentId, fresh.paymentId]);
});
