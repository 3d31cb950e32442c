import { serveLambda } from '../lib/lambda-http';
import { startLocalWechatPaySim } from '../lib/wechatpay-sim-local';
import { countRequests } from './requests';

/** WeChat Pay's API, as the bench names its calls. */
function wechatCall({ method, path }: { method: string; path: string }): string {
  if (path === '/v3/pay/transactions/jsapi') return 'WeChat jsapi';
  if (path.endsWith('/close')) return 'WeChat close';
  if (path.startsWith('/v3/pay/transactions/')) return 'WeChat order query';
  return method === 'GET' ? 'WeChat refund query' : 'WeChat refund';
}

/**
 * WeChat Pay: requests per pay (payment + JSAPI order), the payer's check, notify (payment,
 * replay, refund) and refund use case — DynamoDB requests and calls to WeChat Pay (the local
 * simulator, real protocol) together — next to the floor. Notifications reach the real notify
 * function over HTTP, in this process, so their DynamoDB requests are counted.
 */
export async function benchPaymentRequests(): Promise<void> {
  // Refunds finish when the case says so; notifications are not retried (each is counted once).
  const sim = await startLocalWechatPaySim(process.env.LOCAL_KEYS_DIR ?? '', 'local', 0, {
    autoCompleteRefunds: false,
    retryDelaysMs: [],
  });
  const { handler: notifyFunction } = await import('../../functions/src/payments/lambdas/notify');
  const notify = await serveLambda(notifyFunction);
  process.env.WECHATPAY_API_BASE = sim.url;
  process.env.WECHATPAY_NOTIFY_URL = `${notify.url}/payments/wechat/notify`;
  const { newPaymentId } = await import('../../functions/src/payments/ids');
  const { wechatPayProvider } = await import('../../functions/src/payments/wechatpay/provider');
  const { commit } = await import('../../functions/src/payments/wechatpay/store');
  const { refundingItem } = await import('../../functions/src/payments/wechatpay/items');
  const { requestRefund } = await import('../../functions/src/payments/wechatpay/refunds');
  const { myPayment } = await import('../../functions/src/payments/wechatpay/entry');
  const { sweepPayments } = await import('../../functions/src/payments/wechatpay/sweep');

  const newPayment = (minutesAgo = 0) => {
    const createdAt = new Date(Date.now() - minutesAgo * 60_000);
    return {
      createdAt,
      payment: {
        paymentId: newPaymentId(createdAt),
        payerId: 'u-bench-payer',
        amountFen: 3580,
        purpose: 'grocery-order' as const,
        reference: 'o-bench',
        description: '幸福便民超市-蔬菜套餐',
        payerOpenid: 'o-bench-openid',
        expiresAt: new Date(createdAt.getTime() + 15 * 60_000).toISOString(),
      },
    };
  };
  const placed = async (minutesAgo = 0) => {
    const { payment, createdAt } = newPayment(minutesAgo);
    await commit(wechatPayProvider.createItems(payment, createdAt));
    const params = await wechatPayProvider.clientParams(payment);
    return { id: payment.paymentId, prepayId: (params.package ?? '').replace('prepay_id=', '') };
  };
  /** Paid in the cashier, its notification lost (so only the case's own requests are counted). */
  const paidQuietly = async () => {
    const p = await placed();
    sim.pay(p.prepayId, 'confirm', false);
    return p;
  };
  let current = { id: '', prepayId: '' };
  const fresh = newPayment();

  try {
    await countRequests(
      'Requests per use case: WeChat Pay (DynamoDB + WeChat Pay calls)',
      [
        {
          name: 'pay: payment recorded, JSAPI order placed',
          floor: 2,
          floorNote: '1 transaction (payment + what it pays for) + POST jsapi',
          run: async () => {
            await commit(wechatPayProvider.createItems(fresh.payment, fresh.createdAt));
            await wechatPayProvider.clientParams(fresh.payment);
          },
        },
        {
          name: 'payer’s check, paid, notification late',
          floor: 3,
          floorNote: 'GetItem + order query + 1 transaction (settle); +1 UpdateItem is the check cap',
          setup: async () => (current = await paidQuietly()),
          run: () => myPayment(current.id, 'u-bench-payer'),
        },
        {
          name: 'notify: TRANSACTION.SUCCESS',
          floor: 2,
          floorNote: 'GetItem + 1 transaction (payment + what it pays for, once per transaction id)',
          setup: async () => (current = await paidQuietly()),
          run: () => sim.sendVariant(current.id, 'genuine'),
        },
        {
          name: 'notify: the same notification again',
          floor: 1,
          floorNote: 'GetItem (already settled by this transaction id: nothing written)',
          run: () => sim.sendVariant(current.id, 'replay'),
        },
        {
          name: 'refund: asked for after the cancel committed',
          floor: 2,
          floorNote: 'POST refund + UpdateItem (its refund id)',
          setup: () => commit([refundingItem(current.id, 3580, new Date())]),
          run: () => requestRefund(current.id),
        },
        {
          name: 'notify: REFUND.SUCCESS',
          floor: 2,
          floorNote: 'GetItem + 1 transaction (refunded + what it paid for)',
          run: () => sim.completeRefund(current.id),
        },
        {
          name: 'schedule: one lapsed order closed',
          floor: 4,
          floorNote: 'Query (due) + order query + close + 1 transaction (cancel + give back)',
          setup: async () => (current = await placed(20)),
          run: () => sweepPayments(),
        },
        {
          name: 'schedule: nothing due',
          floor: 2,
          floorNote: 'Query per bucket (pending, refunding)',
          run: () => sweepPayments(),
        },
      ],
      () => sim.requests.filter((r) => r.path.startsWith('/v3/')).map(wechatCall),
    );
  } finally {
    await sim.settled();
    await sim.close();
    await notify.close();
  }
}
