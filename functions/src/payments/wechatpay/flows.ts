import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, transactionReasons } from '../../lib/dynamo';
import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import type { PaymentPurpose, PaymentStatus, SettlementProof, TransactItem } from '../provider';
import { paymentKey, paymentsTable } from '../table';
import { wechatPayClient, WechatPayError, type WechatPayClient } from './client';
import { wechatPayConfig, type WechatPayConfig } from './config';
import { paidItem, refundedItem } from './items';
import {
  checkPaid,
  checkRefund,
  notifyAnswer,
  openNotification,
  type NotifyAnswer,
  type Refused,
} from './notification';
import type { HeaderSource } from './signature';
import type { Transaction } from './types';

/**
 * What moves money with WeChat Pay: a verified notification, or WeChat Pay's own answer to an
 * order query, settles a payment together with what it paid for, in one transaction, once per
 * transaction id; a verified REFUND.SUCCESS marks a refund done. Domains say what else their
 * transaction writes through `onPayment` (the order or bill marked paid or refunded).
 */
export interface PaymentRecord {
  paymentId: string;
  payerId: string;
  amountFen: number;
  purpose: PaymentPurpose;
  reference: string;
  description: string;
  /** ISO time after which it can no longer be paid. */
  expiresAt: string;
  status: PaymentStatus;
  provider: string;
  transactionId?: string;
  outRefundNo?: string;
  refundFen?: number;
  refundId?: string;
}

export interface PaymentHooks {
  /** Items marking what the payment paid for as paid; they commit with the payment or not at all. */
  paid?: (payment: PaymentRecord, now: Date) => TransactItem[];
  /** Items recording the refund's completion on what the payment paid for. */
  refunded?: (payment: PaymentRecord, now: Date) => TransactItem[];
}

const registry: Partial<Record<PaymentPurpose, PaymentHooks>> = {};
/** Called once by a domain's wiring. */
export function onPayment(purpose: PaymentPurpose, hooks: PaymentHooks): void {
  registry[purpose] = hooks;
}

export interface FlowDeps {
  config: WechatPayConfig;
  client: WechatPayClient;
  now: () => Date;
  hooks: Partial<Record<PaymentPurpose, PaymentHooks>>;
}

async function defaultDeps(): Promise<FlowDeps> {
  const config = await wechatPayConfig();
  return { config, client: wechatPayClient(config), now: () => new Date(), hooks: registry };
}

export type Outcome =
  | {
      ok: true;
      result: 'settled' | 'already-settled' | 'paid-after-close' | 'refunded' | 'already-refunded' | 'refund-problem';
    }
  | Refused
  | { ok: false; reason: 'TRY_AGAIN'; message: string };

export async function getPayment(paymentId: string): Promise<PaymentRecord | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: paymentsTable(), Key: paymentKey(paymentId), ConsistentRead: true }),
  );
  return out.Item as PaymentRecord | undefined;
}

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
  if (opened.kind === 'transaction') return settleTransaction(opened.transaction, d);
  const refund = opened.refund;
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
    await markRefundProblem(payment, `REFUND.${proof.status}`);
    return { ok: true, result: 'refund-problem' };
  }
  const now = d.now();
  const items = [
    refundedItem(payment.paymentId, payment.outRefundNo, proof.refundId, now),
    ...(d.hooks[payment.purpose]?.refunded?.(payment, now) ?? []),
  ];
  if (await commit(items)) return { ok: true, result: 'refunded' };
  const fresh = await getPayment(payment.paymentId);
  return fresh?.status === 'refunded' && fresh.refundId === proof.refundId
    ? { ok: true, result: 'already-refunded' }
    : { ok: false, reason: 'TRY_AGAIN', message: `refund of ${payment.paymentId} did not commit` };
}

/** Settles from a transaction WeChat Pay reported (notification or query), after every check. */
async function settleTransaction(tx: Transaction, d: FlowDeps): Promise<Outcome> {
  const payment = await getPayment(tx.out_trade_no);
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
    if (await commit(items)) return { ok: true, result: 'settled' };
  }
  const fresh = await getPayment(payment.paymentId);
  if (fresh?.transactionId === proof.transactionId) return { ok: true, result: 'already-settled' };
  if (fresh?.status === 'pending')
    return { ok: false, reason: 'TRY_AGAIN', message: `settling ${payment.paymentId} did not commit` };
  // Paid after we closed or cancelled it: keep the evidence for ops to refund, and stop the retries.
  await recordLatePayment(payment.paymentId, proof);
  return { ok: true, result: 'paid-after-close' };
}

async function commit(items: TransactItem[]): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    const reasons = transactionReasons(err);
    if (reasons?.includes('ConditionalCheckFailed')) return false;
    throw err;
  }
}

async function recordLatePayment(paymentId: string, proof: SettlementProof): Promise<void> {
  log.error('wechat pay: money arrived for a payment that is no longer pending; refund it', { paymentId });
  await update(paymentId, 'SET lateTransactionId = :tx, lateAmountFen = :amount', 'attribute_exists(pk)', {
    ':tx': proof.transactionId,
    ':amount': proof.amountFen,
  });
}

async function markRefundProblem(payment: PaymentRecord, problem: string): Promise<void> {
  log.error('wechat pay refund needs attention', { paymentId: payment.paymentId, problem });
  await update(payment.paymentId, 'SET refundProblem = :p', '#s = :refunding', {
    ':p': problem,
    ':refunding': 'refunding',
  });
}

async function update(paymentId: string, expression: string, condition: string, values: Record<string, unknown>) {
  try {
    await db().send(
      new UpdateCommand({
        TableName: paymentsTable(),
        Key: paymentKey(paymentId),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ...(condition.includes('#s') ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ExpressionAttributeValues: values,
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
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
): Promise<Outcome | { ok: true; result: 'not-paid'; tradeState: string }> {
  const d = deps ?? (await defaultDeps());
  const tx = await withWechatPayErrors(() => d.client.query(paymentId));
  if (tx.trade_state !== 'SUCCESS') return { ok: true, result: 'not-paid', tradeState: tx.trade_state };
  return settleTransaction(tx, d);
}

/**
 * Before an unpaid payment is cancelled at its expiry: settles it if it was paid after all,
 * leaves it while the payer is paying, else closes the WeChat Pay order so it cannot be paid.
 * The caller cancels the payment (`cancelItems`) and releases what it held only on 'closed'.
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
  if (tx.trade_state === 'SUCCESS') {
    const outcome = await settleTransaction(tx, d);
    if (!outcome.ok) throw new AppError('TRY_AGAIN', `payment ${paymentId}: ${outcome.reason}`);
    return 'paid';
  }
  if (tx.trade_state === 'USERPAYING') return 'paying';
  if (tx.trade_state !== 'CLOSED') await withWechatPayErrors(() => d.client.close(paymentId));
  return 'closed';
}

/** Asks WeChat Pay for the refund of a payment marked refunding. Safe to call again. */
export async function requestRefund(paymentId: string, deps?: FlowDeps, reason = '订单取消退款'): Promise<void> {
  const d = deps ?? (await defaultDeps());
  const payment = await getPayment(paymentId);
  if (payment?.status !== 'refunding' || !payment.outRefundNo) return;
  try {
    const refund = await d.client.refund({
      outTradeNo: paymentId,
      outRefundNo: payment.outRefundNo,
      refundFen: payment.refundFen ?? payment.amountFen,
      totalFen: payment.amountFen,
      reason,
    });
    await update(paymentId, 'SET refundId = :id', '#s = :refunding', {
      ':id': refund.refund_id,
      ':refunding': 'refunding',
    });
  } catch (err) {
    if (err instanceof WechatPayError && !err.retryable) await markRefundProblem(payment, err.code);
    if (err instanceof WechatPayError) throw err.toAppError();
    throw err;
  }
}
