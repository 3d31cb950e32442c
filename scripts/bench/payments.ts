import { randomUUID } from 'node:crypto';
import { serveLambda } from '../lib/lambda-http';
import { startLocalWechatPaySim } from '../lib/wechatpay-sim-local';
import { answer, benchShop } from './grocery-shop';
import { benchEvent } from './harness';
import { utilityPaymentCases } from './payments-utility';
import { countRequests, type RequestCase } from './requests';

/** WeChat Pay's API, as the bench names its calls. */
function wechatCall({ method, path }: { method: string; path: string }): string {
  if (path === '/v3/pay/transactions/jsapi') return 'WeChat jsapi';
  if (path.endsWith('/close')) return 'WeChat close';
  if (path.startsWith('/v3/pay/transactions/')) return 'WeChat order query';
  return method === 'GET' ? 'WeChat refund query' : 'WeChat refund';
}

const prepayOf = (params?: Record<string, string> | null) => (params?.package ?? '').replace('prepay_id=', '');

/**
 * WeChat Pay in the domains, through their real handlers: requests per pay (a prepaid grocery
 * checkout, a utility bill, a worker's bulk pay), the payer's check, notify (paid, replayed,
 * refunded), refund (a paid order cancelled), pay on delivery collected at the door, and the
 * payments schedule — DynamoDB requests and calls to WeChat Pay (the local simulator, real
 * protocol) together — next to the floor. Notifications reach the real notify function over
 * HTTP, in this process, so their DynamoDB requests are counted.
 */
export async function benchPaymentRequests(): Promise<void> {
  // Refunds finish when the case says so; notifications are not retried (each is counted once).
  const sim = await startLocalWechatPaySim(process.env.LOCAL_KEYS_DIR ?? '', 'local', 0, {
    autoCompleteRefunds: false,
    retryDelaysMs: [],
  });
  const { handler: notifyFunction } = await import('../../functions/src/payments/lambdas/notify');
  const notify = await serveLambda(notifyFunction);
  const provider = process.env.PAYMENT_PROVIDER;
  Object.assign(process.env, {
    PAYMENT_PROVIDER: 'wechat-pay',
    WECHATPAY_API_BASE: sim.url,
    WECHATPAY_NOTIFY_URL: `${notify.url}/payments/wechat/notify`,
  });
  const { cancel } = await import('../../functions/src/grocery/release/handlers');
  const delivery = await import('../../functions/src/grocery/delivery/handlers');
  const { myPayment } = await import('../../functions/src/payments/wechatpay/entry');
  const { sweepPayments } = await import('../../functions/src/payments/wechatpay/sweep');
  const { defaultDeps } = await import('../../functions/src/payments/wechatpay/deps');
  const { userIdForOpenid } = await import('../../functions/src/auth/identity');
  const shop = await benchShop();
  const { resident, worker } = shop.tokens;

  let order = { orderId: '', pickupCode: '', paymentId: '', prepayId: '' };
  /** A resident's order, prepaid: the order, its payment and the WeChat Pay order to pay it. */
  const prepaid = async (room = '502') => {
    const placed = answer(await shop.checkout(room, 'prepaid'));
    return { ...placed.order, paymentId: placed.order.payment.paymentId, prepayId: prepayOf(placed.clientParams) };
  };
  /** Paid in the cashier, its notification lost (so only the case's own requests are counted). */
  const paidQuietly = async (fresh = true) => {
    if (fresh) order = await prepaid();
    sim.pay(order.prepayId, 'confirm', false);
  };
  const inTwentyMinutes = async () => ({ ...(await defaultDeps()), now: () => new Date(Date.now() + 20 * 60_000) });

  const grocery: RequestCase[] = [
    {
      name: 'grocery checkout, prepaid (1 line)',
      floor: 2,
      floorNote:
        '1 transaction (stock, slot, order, payment) + POST jsapi. Also needed: BatchGetItem, ' +
        'Query (health colour), GetItem (the payer’s openid)',
      run: async () => (order = await prepaid()),
    },
    {
      name: 'payer’s check, paid, notification late',
      floor: 3,
      floorNote: 'GetItem + order query + 1 transaction (settle); +1 UpdateItem is the check cap',
      setup: () => paidQuietly(false),
      run: () => myPayment(order.paymentId, userIdForOpenid('dev:resident')),
    },
    {
      name: 'notify: TRANSACTION.SUCCESS (order paid)',
      floor: 2,
      floorNote: 'GetItem (payment) + 1 transaction (payment + order, once per transaction id)',
      setup: () => paidQuietly(),
      run: () => sim.sendVariant(order.paymentId, 'genuine'),
    },
    {
      name: 'notify: the same notification again',
      floor: 1,
      floorNote: 'GetItem (already settled by this transaction id: nothing written)',
      run: () => sim.sendVariant(order.paymentId, 'replay'),
    },
    {
      name: 'grocery cancel a paid order: refund asked',
      floor: 3,
      floorNote:
        '1 transaction (order, stock, slot, payment refunding) + POST refund + UpdateItem (its refund id). ' +
        'Also needed: GetItem of the order',
      run: async () => answer(await cancel(benchEvent({ token: resident, params: { orderId: order.orderId } }))),
    },
    {
      name: 'notify: REFUND.SUCCESS (order refunded)',
      floor: 2,
      floorNote: 'GetItem (payment) + 1 transaction (payment + order refunded)',
      run: () => sim.completeRefund(order.paymentId),
    },
    {
      name: 'grocery pay on delivery: 已收款 at the door',
      floor: 2,
      floorNote:
        'GetItem (the order: its amount) + 1 transaction (delivered + collected, audit row, idempotency). ' +
        'Also needed: GetItem of the worker’s roles',
      setup: async () => {
        order = { ...answer(await shop.checkout('503')).order, paymentId: '', prepayId: '' };
        await shop.sendOut(order.orderId);
      },
      run: async () =>
        answer(
          await delivery.confirm(
            benchEvent({
              token: worker,
              params: { orderId: order.orderId },
              body: { pickupCode: order.pickupCode, collected: 'cash' },
              headers: { 'idempotency-key': randomUUID() },
            }),
          ),
        ),
    },
    {
      name: 'schedule: one lapsed order closed',
      floor: 4,
      floorNote: 'Query (due) + order query + close + 1 transaction (cancel, stock, slot given back)',
      setup: async () => (order = await prepaid('504')),
      run: async () => sweepPayments(await inTwentyMinutes()),
    },
    {
      name: 'schedule: nothing due',
      floor: 2,
      floorNote: 'Query per bucket (pending, refunding)',
      run: () => sweepPayments(),
    },
  ];

  try {
    await countRequests(
      'Requests per use case: WeChat Pay in grocery and utility (DynamoDB + WeChat Pay calls)',
      [...grocery, ...(await utilityPaymentCases(sim, worker, resident))],
      () => sim.requests.filter((r) => r.path.startsWith('/v3/')).map(wechatCall),
    );
  } finally {
    process.env.PAYMENT_PROVIDER = provider;
    await sim.settled();
    await sim.close();
    await notify.close();
  }
}
