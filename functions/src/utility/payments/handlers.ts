import { notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { reliefConfig } from '../config';
import type { PaymentRecord } from '../items';
import { readOwnAccount } from '../storage';
import { clock, payments } from '../wiring';
import { paymentFor, unpaidBills } from './rules';
import { getPayment, newPaymentId, settlePayment, startPayment } from './storage';

/** Residents pay their bills (late fees included) through the payment provider. */

const paymentView = (r: PaymentRecord) => ({
  paymentId: r.paymentId,
  accountNo: r.accountNo,
  billIds: r.bills.map((b) => b.billId),
  amountFen: r.amountFen,
  status: r.status === 'paid' ? ('paid' as const) : ('pending' as const),
});

/** POST /utility/payments (startUtilityPayment): a pending payment for chosen bills (Idempotency-Key honoured). */
export const startUtilityPayment = endpoint('startUtilityPayment', {}, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, false);
  const scope = key
    ? { userId: caller.userId, operation: 'utility.pay', key, fingerprint: fingerprint(body) }
    : undefined;
  const at = clock.now();
  const { account: a, bills } = await readOwnAccount(caller.userId, body.accountNo);
  const chosen = unpaidBills(bills, body.billIds);
  const record = paymentFor(reliefConfig(), caller.userId, newPaymentId(), a, chosen, at);
  const provider = payments();
  return startPayment(
    record,
    scope,
    async (r) => ({
      payment: paymentView(r),
      clientParams: await provider.clientParams({
        paymentId: r.paymentId,
        payerId: r.payerId,
        amountFen: r.amountFen,
        purpose: 'utility-bill',
        reference: r.bills.map((b) => b.billId).join(','),
        description: `户号 ${r.accountNo} 缴费`,
      }),
    }),
    at,
  ) as Promise<{ payment: ReturnType<typeof paymentView>; clientParams: Record<string, string> }>;
});

/** POST /utility/payments/{paymentId}/confirm (confirmUtilityPayment): the payer confirmed on the phone; settles. */
export const confirmUtilityPayment = endpoint('confirmUtilityPayment', {}, async ({ params, caller }) => {
  const record = await getPayment(params.paymentId ?? '');
  if (!record || record.payerId !== caller.userId) throw notFound('没有找到这笔缴费');
  return { payment: paymentView(await settlePayment(record, clock.now())) };
});
