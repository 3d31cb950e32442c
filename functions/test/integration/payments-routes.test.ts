import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getOpenid } from '../../src/auth/storage';
import { db } from '../../src/lib/dynamo';
import { newPaymentId } from '../../src/payments/ids';
import { handler as notify } from '../../src/payments/lambdas/notify';
import { handler as payer } from '../../src/payments/lambdas/payer';
import { paymentKey, paymentsTable } from '../../src/payments/table';
import { call, httpEvent, loginAs, unique } from './helpers';
import { residentHandlers as utility } from './utility-api';
import { makeAccount } from './utility-fixtures';

/**
 * The payments functions as API Gateway calls them, with the WeChat Pay simulator the global
 * setup runs and its notifications going to the real notify function (served beside it): the
 * public notify route, and the payer back from the cashier asking for their payment.
 */
const simUrl = () => process.env.WECHATPAY_SIM_URL ?? '';

/** A resident's pending payment of one bill of `amountFen` (not late: no fee), placed by the utility handler. */
async function pendingPayment(token: string, amountFen: number) {
  const accountNo = await makeAccount({ bills: [{ month: '2020-01', amountFen, dueDate: '2030-01-15' }] });
  await call(utility.linkAccount, { token, body: { accountNo, holderName: '王秀兰' } });
  const started = await call<{ payment: { paymentId: string }; clientParams: Record<string, string> }>(
    utility.startUtilityPayment,
    { token, body: { accountNo, billIds: [`${accountNo}-2020-01`] } },
  );
  const prepayId = (started.body.clientParams?.package ?? '').replace('prepay_id=', '');
  return { paymentId: started.body.payment.paymentId, prepayId };
}
const status = async (id: string) =>
  (await db().send(new GetCommand({ TableName: paymentsTable(), Key: paymentKey(id), ConsistentRead: true }))).Item
    ?.status;
/** The H5 cashier's button, over HTTP. */
const cashier = (prepayId: string, body: object) =>
  fetch(`${simUrl()}/sim/pay/${prepayId}`, { method: 'POST', body: JSON.stringify(body) });
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
};

it('settles through the public notify function only on WeChat Pay’s signed notification', async () => {
  const { token } = await loginAs(unique('pr'));
  const { paymentId, prepayId } = await pendingPayment(token, 3150);
  expect((await cashier(prepayId, { action: 'confirm' })).status).toBe(200);
  await until(async () => (await status(paymentId)) === 'paid');
  expect(await status(paymentId)).toBe('paid');

  // Anyone else posting to the public route: refused in WeChat Pay's shape, nothing changes.
  const forged = await notify(
    httpEvent({
      method: 'POST',
      path: '/payments/wechat/notify',
      rawBody: JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', out_trade_no: paymentId }),
      headers: { 'wechatpay-serial': 'PUB_KEY_ID_x', 'wechatpay-timestamp': '1', 'wechatpay-nonce': 'n' },
    }),
  );
  expect([forged.statusCode, JSON.parse(String(forged.body))]).toEqual([
    401,
    { code: 'FAIL', message: 'MISSING_HEADERS' },
  ]);
});

it('tells the payer back from the cashier their payment’s status, asking WeChat Pay, and nobody else', async () => {
  const resident = await loginAs(unique('pr'));
  const other = await loginAs(unique('pr'));
  const { paymentId, prepayId } = await pendingPayment(resident.token, 880);
  const ask = (token?: string) =>
    call<{ payment: { status: string; amountFen: number } }>(payer, {
      method: 'GET',
      path: '/payments/{paymentId}',
      params: { paymentId },
      token,
    });

  expect((await ask(resident.token)).body.payment).toEqual({ paymentId, status: 'pending', amountFen: 880 });
  // Paid in the cashier, its notification lost: the check asks WeChat Pay and settles from its answer.
  await cashier(prepayId, { action: 'confirm', notify: false });
  expect(await status(paymentId)).toBe('pending');
  expect((await ask(other.token)).status).toBe(404);
  expect((await ask()).status).toBe(401);
  expect(await status(paymentId)).toBe('pending');
  expect((await ask(resident.token)).body.payment).toEqual({ paymentId, status: 'paid', amountFen: 880 });

  const unknown = await call(payer, {
    method: 'GET',
    path: '/payments/{paymentId}',
    params: { paymentId: newPaymentId() },
    token: resident.token,
  });
  expect(unknown.status).toBe(404);
});

it('finds the payer’s openid for the JSAPI order where sign-in stored it', async () => {
  const key = unique('pr');
  const { userId } = await loginAs(key);
  expect(await getOpenid(userId)).toBe(`dev:${key}`);
  expect(await getOpenid('u-nobody')).toBeUndefined();
});

it('lets the payer’s cancelled cashier leave the payment pending', async () => {
  const resident = await loginAs(unique('pr'));
  const { paymentId, prepayId } = await pendingPayment(resident.token, 450);
  const cancelled = (await (await cashier(prepayId, { action: 'cancel' })).json()) as { trade_state: string };
  expect(cancelled.trade_state).toBe('NOTPAY');
  const answer = await call<{ payment: { status: string } }>(payer, {
    method: 'GET',
    path: '/payments/{paymentId}',
    params: { paymentId },
    token: resident.token,
  });
  expect(answer.body.payment.status).toBe('pending');
});
