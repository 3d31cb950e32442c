import { randomUUID } from 'node:crypto';
import type { WechatPaySim } from '../lib/wechatpay-sim';
import { answer } from './grocery-shop';
import { benchEvent } from './harness';
import type { RequestCase } from './requests';

/**
 * Utility bills through WeChat Pay, for the bench's payments table (payments.ts): a resident's
 * bill and a community worker's bulk pay for two households, each settled by its notification.
 * Utility payments are never refunded by the app (utility/payments/hooks.ts): no refund rows.
 */
export async function utilityPaymentCases(sim: WechatPaySim, worker: string, resident: string): Promise<RequestCase[]> {
  const { startUtilityPayment } = await import('../../functions/src/utility/payments/handlers');
  const { linkAccount } = await import('../../functions/src/utility/accounts/handlers');
  const { bulkQuote, bulkPay } = await import('../../functions/src/utility/community/handlers');
  const prepayOf = (params?: Record<string, string> | null) => (params?.package ?? '').replace('prepay_id=', '');
  let paid = { paymentId: '', prepayId: '' };
  const started = (res: { statusCode?: number; body?: string }) => {
    const body = answer(res);
    paid = { paymentId: body.payment.paymentId, prepayId: prepayOf(body.clientParams) };
  };
  let bulk = { accountNos: ['0101880011', '3100880022'], amountFen: 0 };

  return [
    {
      name: 'utility pay a bill: payment + JSAPI order',
      floor: 2,
      floorNote:
        '1 transaction (payment + bill held) + POST jsapi. Also needed: GetItem (the key’s payment), ' +
        'Query (account and bills), GetItem (openid)',
      // Linked already by the relief cases when the whole bench runs; refused then, which is fine.
      setup: () =>
        linkAccount(benchEvent({ token: resident, body: { accountNo: '0101234567', holderName: '王秀兰' } })),
      run: async () =>
        started(
          await startUtilityPayment(
            benchEvent({
              token: resident,
              body: { accountNo: '0101234567', billIds: ['0101234567-2020-01'] },
              headers: { 'idempotency-key': randomUUID() },
            }),
          ),
        ),
    },
    {
      name: 'utility notify: bill paid',
      floor: 2,
      floorNote: 'GetItem (payment) + 1 transaction (payment, bill paid, arrears down)',
      setup: async () => sim.pay(paid.prepayId, 'confirm', false),
      run: () => sim.sendVariant(paid.paymentId, 'genuine'),
    },
    {
      name: 'utility worker’s bulk pay, 2 households',
      floor: 2,
      floorNote:
        '1 transaction (payment + 3 bills held) + POST jsapi. Also needed: GetItem (roles, the key’s ' +
        'payment), Query per household (account and bills), GetItem (openid)',
      setup: async () => {
        const quote = answer(
          await bulkQuote(
            benchEvent({ token: worker, params: { community: 'zq-jianshe' }, body: { accountNos: bulk.accountNos } }),
          ),
        );
        bulk = { ...bulk, amountFen: quote.amountFen };
      },
      run: async () =>
        started(
          await bulkPay(
            benchEvent({
              token: worker,
              params: { community: 'zq-jianshe' },
              body: bulk,
              headers: { 'idempotency-key': randomUUID() },
            }),
          ),
        ),
    },
    {
      name: 'utility notify: bulk order paid (3 bills)',
      floor: 2,
      floorNote: 'GetItem (payment) + 1 transaction (payment, every bill paid, each account’s arrears down)',
      setup: async () => sim.pay(paid.prepayId, 'confirm', false),
      run: () => sim.sendVariant(paid.paymentId, 'genuine'),
    },
  ];
}
