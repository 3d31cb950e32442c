import { notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { newPaymentId, paymentIdFor } from '../../payments';
import { reliefConfig } from '../config';
import type { PaymentRecord } from '../items';
import { readOwnAccount } from '../storage';
import { clock, paymentsClock } from '../wiring';
import { cashierFor, placePayment, sameRequest } from './place';
import { holdersOf, linesFor, unpaidBills } from './rules';
import { getRecord } from './storage';

/** Residents pay their bills (late fees included) through WeChat Pay. */

const paymentView = (r: PaymentRecord) => ({
  paymentId: r.paymentId,
  accountNo: r.accountNo,
  billIds: r.bills.map((b) => b.billId),
  amountFen: r.amountFen,
  status: r.status,
});

/**
 * POST /utility/payments (startUtilityPayment): a pending WeChat Pay payment for chosen bills and
 * the cashier's parameters. With an Idempotency-Key the payment's id comes from it, so a retry
 * finds the same payment; without one, the payer's own payment waiting for the same bills is reused.
 */
export const startUtilityPayment = endpoint('startUtilityPayment', {}, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, false);
  const request = fingerprint(body);
  const now = paymentsClock.now();
  const paymentId = key ? paymentIdFor('utility-bill', caller.userId, key) : newPaymentId(now);
  const earlier = key ? await getRecord(paymentId) : undefined;
  let record = earlier && sameRequest(earlier, request);
  if (!record) {
    const { account, bills } = await readOwnAccount(caller.userId, body.accountNo);
    const chosen = unpaidBills(bills, body.billIds);
    const lines = linesFor(reliefConfig(), account, chosen, clock.now());
    const draft = { paymentId, payerId: caller.userId, purpose: 'utility-bill' as const, lines, request };
    record = await placePayment(draft, holdersOf(chosen, paymentId), now);
  }
  return { payment: paymentView(record), clientParams: await cashierFor(record) };
});

/**
 * POST /utility/payments/{paymentId}/confirm (confirmUtilityPayment): the payer's word that they
 * paid. It settles nothing (WeChat Pay's verified notification does): the payment as stored.
 */
export const confirmUtilityPayment = endpoint('confirmUtilityPayment', {}, async ({ params, caller }) => {
  const record = await getRecord(params.paymentId ?? '');
  if (!record || record.payerId !== caller.userId || record.purpose !== 'utility-bill') {
    throw notFound('没有找到这笔缴费');
  }
  return { payment: paymentView(record) };
});
