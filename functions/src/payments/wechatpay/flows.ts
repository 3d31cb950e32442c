import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import { metric } from '../../lib/metrics';
import type { SettlementProof } from '../provider';
import { WechatPayError } from './client';
import { defaultDeps, type FlowDeps, type Outcome } from './deps';
import { paidItem } from './items';
import { refundFirstLook } from './sweep-rules';
import { checkPaid, notifyAnswer, openNotification, type NotifyAnswer } from './notification';
import { requestRefund, settleRefund } from './refunds';
import type { HeaderSource } from './signature';
import { getPayment, updatePayment, type PaymentRecord } from './store';
import { transactIfUnchanged } from '../../lib/dynamo';
import type { Transaction } from './types';

/**
 * What moves money with WeChat Pay: a verified notification, or WeChat Pay's own answer to an
 * order query, settles a payment together with what it paid for, in one transaction, once per
 * transaction id; a verified REFUND.SUCCESS marks a refund done (refunds.ts). Domains say what
 * else their transaction writes through `onPayment` (deps.ts).
 */
export { onPayment, type FlowDeps, type Outcome, type PaymentHooks } from './deps';
export { getPayment, type PaymentRecord } from './store';
export { requestRefund } from './refunds';

/** The notify route's whole work: verify, check, settle; and the answer WeChat Pay expects. */
export async function handleNotification(
  headers: HeaderSource,
  rawBody: string,
  deps?: FlowDeps,
): Promise<{ answer: NotifyAnswer; outcome: Outcome }> {
  let outcome: Outcome;
  try {
    outcome = await processNotification(headers, rawBody, deps ?? (await defaultDeps()));
  } catch (err) {
    log.error('wechat pay notification failed', { error: (err as Error).message });
    outcome = { ok: false, reason: 'TRY_AGAIN', message: (err as Error).message };
  }
  if (!outcome.ok) log.warn('wechat pay notification refused', { reason: outcome.reason, detail: outcome.message });
  return { answer: notifyAnswer(outcome), outcome };
}

async function processNotification(headers: HeaderSource, rawBody: string, d: FlowDeps): Promise<Outcome> {
  const opened = openNotification(headers, rawBody, d.config, d.now());
  if (!opened.ok) return opened;
  return opened.kind === 'transaction' ? settleTransaction(opened.transaction, d) : settleRefund(opened.refund, d);
}

/**
 * Settles from a transaction WeChat Pay reported (notification or query), after every check.
 * `known`: the payment as just read by the caller (a query's), to spare reading it again.
 */
async function settleTransaction(tx: Transaction, d: FlowDeps, known?: PaymentRecord): Promise<Outcome> {
  const payment = known?.paymentId === tx.out_trade_no ? known : await getPayment(tx.out_trade_no);
  if (!payment || payment.provider !== 'wechat-pay') {
    return { ok: false, reason: 'UNKNOWN_PAYMENT', message: `no payment ${tx.out_trade_no}` };
  }
  const proof = checkPaid(tx, {
    mchId: d.config.mchId,
    appId: d.config.appId,
    paymentId: payment.paymentId,
    amountFen: payment.amountFen,
  });
  if (!proof.ok) return proof;
  if (payment.transactionId === proof.transactionId) return { ok: true, result: 'already-settled' };
  if (payment.status === 'pending') {
    const now = d.now();
    const items = [paidItem(proof, now), ...(d.hooks[payment.purpose]?.paid?.(payment, now) ?? [])];
    if (await transactIfUnchanged(items)) return { ok: true, result: 'settled' };
  }
  const fresh = await getPayment(payment.paymentId);
  if (fresh?.transactionId === proof.transactionId) return { ok: true, result: 'already-settled' };
  if (fresh?.status === 'pending')
    return { ok: false, reason: 'TRY_AGAIN', message: `settling ${payment.paymentId} did not commit` };
  // Paid after we closed or cancelled it (what it paid for was given up): the money goes back.
  await refundLatePayment(payment.paymentId, proof, d);
  return { ok: true, result: 'paid-after-close' };
}

/**
 * Money that arrived for a payment no longer pending (cancelled: its order or share was given
 * up): the evidence is kept, the payment marked refunding in full and the refund asked for at
 * once (the schedule asks again on failure). What it paid for is not touched: it was given up
 * already, so its domain's hooks do not run for this refund (refunds.ts). Once per payment.
 */
async function refundLatePayment(paymentId: string, proof: SettlementProof, d: FlowDeps): Promise<void> {
  log.error('wechat pay: money arrived for a payment that is no longer pending; refunding it', { paymentId });
  metric('PaymentsPaidAfterClose');
  const now = d.now();
  const marked = await updatePayment(
    paymentId,
    'SET lateTransactionId = :tx, lateAmountFen = :amount, transactionId = :tx, #s = :refunding, ' +
      'refundRequestedAt = :now, outRefundNo = :no, refundFen = :amount, sweep = :bucket, sweepAt = :look',
    '#s = :cancelled AND attribute_not_exists(lateTransactionId)',
    {
      ':tx': proof.transactionId,
      ':amount': proof.amountFen,
      ':refunding': 'refunding',
      ':cancelled': 'cancelled',
      ':now': now.toISOString(),
      ':no': paymentId,
      ':bucket': 'refunding',
      ':look': refundFirstLook(now).toISOString(),
    },
  );
  if (marked) await requestRefund(paymentId, d, '订单已取消，自动退款');
}

/** Runs a WeChat Pay call; its failures become the API's errors (503 + Retry-After when retryable). */
export async function withWechatPayErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WechatPayError) {
      log.warn('wechat pay call failed', { errorCode: err.code, status: err.status, retryable: err.retryable });
      throw err.toAppError();
    }
    throw err;
  }
}

/**
 * After the app returns from the cashier, or when a notification is late: asks WeChat Pay for
 * the order and settles from its answer with the same checks. Returns the outcome, or the
 * order's trade state when it is not paid.
 */
export async function reconcile(
  paymentId: string,
  deps?: FlowDeps,
  known?: PaymentRecord,
): Promise<Outcome | { ok: true; result: 'not-paid'; tradeState: string }> {
  const d = deps ?? (await defaultDeps());
  const tx = await withWechatPayErrors(() => queryOrder(d, paymentId));
  if (tx.trade_state !== 'SUCCESS') return { ok: true, result: 'not-paid', tradeState: tx.trade_state };
  return settleTransaction(tx, d, known);
}

/** WeChat Pay's order; one never placed (the payer did not reach the cashier) is simply not paid. */
async function queryOrder(d: FlowDeps, paymentId: string): Promise<Transaction> {
  try {
    return await d.client.query(paymentId);
  } catch (err) {
    if (err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST') {
      return { appid: d.config.appId, mchid: d.config.mchId, out_trade_no: paymentId, trade_state: 'NOTPAY' };
    }
    throw err;
  }
}

/**
 * Before an unpaid payment is cancelled (at its expiry, or its order cancelled by the payer):
 * settles it if it was paid after all, leaves it while the payer is paying, else closes the
 * WeChat Pay order so it cannot be paid. The caller cancels the payment (`cancelItems`) and
 * releases what it held only on 'closed'.
 */
export async function closeUnpaid(paymentId: string, deps?: FlowDeps): Promise<'closed' | 'paid' | 'paying'> {
  const d = deps ?? (await defaultDeps());
  let tx: Transaction;
  try {
    tx = await d.client.query(paymentId);
  } catch (err) {
    // Never placed with WeChat Pay (the payer never reached the cashier): nothing to close.
    if (err instanceof WechatPayError && err.code === 'ORDER_NOT_EXIST') return 'closed';
    throw err instanceof WechatPayError ? err.toAppError() : err;
  }
  if (tx.trade_state === 'USERPAYING') return 'paying';
  if (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'CLOSED') {
    try {
      await d.client.close(paymentId);
      return 'closed';
    } catch (err) {
      // Paid between the query and the close: settle it instead.
      if (!(err instanceof WechatPayError && err.code === 'ORDERPAID')) throw wechatPayError(err);
      tx = await withWechatPayErrors(() => d.client.query(paymentId));
    }
  }
  if (tx.trade_state === 'SUCCESS') {
    const outcome = await settleTransaction(tx, d);
    if (!outcome.ok) throw new AppError('TRY_AGAIN', `payment ${paymentId}: ${outcome.reason}`);
    return 'paid';
  }
  return 'closed';
}

function wechatPayError(err: unknown): unknown {
  if (!(err instanceof WechatPayError)) return err;
  log.warn('wechat pay call failed', { errorCode: err.code, status: err.status, retryable: err.retryable });
  return err.toAppError();
}
