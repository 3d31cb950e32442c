import { log } from '../../lib/log';
import { metric } from '../../lib/metrics';
import { WechatPayError } from './client';
import { defaultDeps, type FlowDeps, type Outcome } from './deps';
import { refundedItem, refundProblemItem } from './items';
import { checkRefund } from './notification';
import { getPayment, updatePayment, type PaymentRecord } from './store';
import { transactIfUnchanged } from '../../lib/dynamo';
import { refundQueryAt, refundRetryAt } from './sweep-rules';
import type { Refund } from './types';

/**
 * Refunds of WeChat Pay payments. A paid payment marked `refunding` (with what it paid for, in
 * the domain's transaction) is asked for at once (`requestRefund`); the schedule asks again while
 * the request fails, and queries WeChat Pay while no REFUND.* notification has come. Only a
 * verified REFUND.SUCCESS, or WeChat Pay's own answer to a refund query, marks it `refunded`.
 * A refund that needs a person is recorded on the payment (`refundProblem`, bucket
 * `refund-problem`), logged as an error and counted (metric PaymentRefundProblems).
 */

/**
 * The purpose's hooks for a refund, or none for money that arrived after the payment was
 * cancelled (flows.ts `refundLatePayment`): what it paid for was given up before it was paid.
 */
const domainHooks = (payment: PaymentRecord, d: FlowDeps) =>
  payment.lateTransactionId ? undefined : d.hooks[payment.purpose];

/** Applies what WeChat Pay says about a refund (a notification or a query), after every check. */
export async function settleRefund(refund: Refund, d: FlowDeps): Promise<Outcome> {
  const payment = await getPayment(refund.out_refund_no);
  if (!payment || payment.provider !== 'wechat-pay' || payment.outRefundNo !== refund.out_refund_no) {
    return { ok: false, reason: 'UNKNOWN_REFUND', message: `no refund ${refund.out_refund_no}` };
  }
  const proof = checkRefund(refund, {
    mchId: d.config.mchId,
    paymentId: payment.paymentId,
    outRefundNo: payment.outRefundNo,
    refundFen: payment.refundFen ?? -1,
  });
  if (!proof.ok) return proof;
  if (payment.status === 'refunded') {
    return payment.refundId === proof.refundId
      ? { ok: true, result: 'already-refunded' }
      : { ok: false, reason: 'UNKNOWN_REFUND', message: `refund ${proof.refundId} is not ours` };
  }
  if (payment.status !== 'refunding')
    return { ok: false, reason: 'UNKNOWN_REFUND', message: `payment ${payment.status}` };
  if (proof.status !== 'SUCCESS') {
    await markRefundProblem(payment, `REFUND.${proof.status}`, d);
    return { ok: true, result: 'refund-problem' };
  }
  const now = d.now();
  const items = [
    refundedItem(payment.paymentId, payment.outRefundNo, proof.refundId, now),
    ...(domainHooks(payment, d)?.refunded?.(payment, now) ?? []),
  ];
  if (await transactIfUnchanged(items)) return { ok: true, result: 'refunded' };
  const fresh = await getPayment(payment.paymentId);
  return fresh?.status === 'refunded' && fresh.refundId === proof.refundId
    ? { ok: true, result: 'already-refunded' }
    : { ok: false, reason: 'TRY_AGAIN', message: `refund of ${payment.paymentId} did not commit` };
}

/** Records that a refund needs a person, with the domain's mark on what it paid for; once. */
export async function markRefundProblem(payment: PaymentRecord, problem: string, d: FlowDeps): Promise<void> {
  if (payment.refundProblem === problem) return;
  const now = d.now();
  log.error('wechat pay refund needs attention', { paymentId: payment.paymentId, purpose: payment.purpose, problem });
  metric('PaymentRefundProblems');
  const items = [
    refundProblemItem(payment.paymentId, problem, now),
    ...(domainHooks(payment, d)?.refundFailed?.(payment, problem, now) ?? []),
  ];
  if (!(await transactIfUnchanged(items)))
    log.warn('refund problem not recorded: the refund moved on', { paymentId: payment.paymentId });
}

export type RefundRequestResult = 'requested' | 'not-refunding' | 'will-retry' | 'problem';

/**
 * Asks WeChat Pay for the refund of a payment marked refunding; safe to call again (the same
 * out_refund_no is the same refund). Never throws for WeChat Pay's failures: a retryable one is
 * tried again by the schedule, a refusal becomes a refund problem. The domain's cancel or reject
 * has committed already, so its answer does not depend on this.
 */
export async function requestRefund(
  paymentId: string,
  deps?: FlowDeps,
  reason = '订单取消退款',
): Promise<RefundRequestResult> {
  const d = deps ?? (await defaultDeps());
  const payment = await getPayment(paymentId);
  if (payment?.status !== 'refunding' || !payment.outRefundNo || payment.refundProblem) return 'not-refunding';
  try {
    const refund = await d.client.refund({
      outTradeNo: paymentId,
      outRefundNo: payment.outRefundNo,
      refundFen: payment.refundFen ?? payment.amountFen,
      totalFen: payment.amountFen,
      reason,
    });
    await updatePayment(paymentId, 'SET refundId = :id, refundChecks = :zero, sweepAt = :look', '#s = :refunding', {
      ':id': refund.refund_id,
      ':zero': 0,
      ':look': refundQueryAt(1, d.now()).toISOString(),
      ':refunding': 'refunding',
    });
    return 'requested';
  } catch (err) {
    if (!(err instanceof WechatPayError)) throw err;
    if (!err.retryable) {
      await markRefundProblem(payment, err.code, d);
      return 'problem';
    }
    const failures = (payment.refundAttempts ?? 0) + 1;
    const again = refundRetryAt(failures, d.now());
    log.warn('wechat pay refund request failed', { paymentId, errorCode: err.code, failures });
    if (!again) {
      await markRefundProblem(payment, `RETRIES_EXHAUSTED:${err.code}`, d);
      return 'problem';
    }
    await updatePayment(paymentId, 'SET refundAttempts = :n, sweepAt = :again', '#s = :refunding', {
      ':n': failures,
      ':again': again.toISOString(),
      ':refunding': 'refunding',
    });
    return 'will-retry';
  }
}

/**
 * The schedule's look at a refund asked for but not yet confirmed: asks WeChat Pay about it and
 * settles from the answer with the same checks as a notification; still PROCESSING, looks again
 * later (less and less often).
 */
export async function queryRefundAndSettle(payment: PaymentRecord, d: FlowDeps): Promise<Outcome | 'processing'> {
  const refund = await d.client.queryRefund(payment.outRefundNo ?? payment.paymentId);
  if ((refund.status ?? refund.refund_status) === 'PROCESSING') {
    const checks = (payment.refundChecks ?? 0) + 1;
    await updatePayment(payment.paymentId, 'SET refundChecks = :n, sweepAt = :next', '#s = :refunding', {
      ':n': checks,
      ':next': refundQueryAt(checks + 1, d.now()).toISOString(),
      ':refunding': 'refunding',
    });
    return 'processing';
  }
  return settleRefund(refund, d);
}
