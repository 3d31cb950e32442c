import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import { WechatPayError } from './client';
import { defaultDeps, type FlowDeps } from './deps';
import { closeUnpaid, reconcile } from './flows';
import { cancelItem } from './items';
import { markRefundProblem, queryRefundAndSettle, requestRefund } from './refunds';
import { duePayments, getPayment, updatePayment, type PaymentRecord } from './store';
import { transactIfUnchanged } from '../../lib/dynamo';
import { afterNotPaid, afterPaying, afterUnreachable, pendingAction, refundAction } from './sweep-rules';

/**
 * The payments schedule (EventBridge, every few minutes; locally serverless-offline's timer):
 * - pending payments past their time_expire: the WeChat Pay order is closed, the payment
 *   cancelled and what it held given back by its purpose's `closed` hook, in one transaction
 *   (paid after all: settled instead; payer still in the cashier: looked at again in a minute);
 * - pending payments whose notification is late: WeChat Pay's order query settles them;
 * - refunds: a failed request is made again, one asked for is queried until WeChat Pay says done.
 * One payment's failure is logged and left for the next run; safe to run twice at once.
 */
export interface SweepSummary {
  closed: number;
  settled: number;
  stillPending: number;
  refundsRequested: number;
  refunded: number;
  refundProblems: number;
  /** Payments left for the next run because WeChat Pay or DynamoDB failed. */
  failed: number;
  /** Due payments not reached in this run (the run's time or size was used up). */
  leftOver: number;
}

export interface SweepOptions {
  /** Payments taken per bucket per run. */
  max?: number;
  /** Payments worked on at once. */
  parallel?: number;
  /** No new payment is started after this many milliseconds (the function's timeout is 60 s). */
  budgetMs?: number;
}

const empty = (): SweepSummary => ({
  closed: 0,
  settled: 0,
  stillPending: 0,
  refundsRequested: 0,
  refunded: 0,
  refundProblems: 0,
  failed: 0,
  leftOver: 0,
});

export async function sweepPayments(deps?: FlowDeps, options: SweepOptions = {}): Promise<SweepSummary> {
  const { max = 50, parallel = 4, budgetMs = 40_000 } = options;
  const started = Date.now();
  const summary = empty();
  const now = deps?.now() ?? new Date();
  const pending = await duePayments('pending', now, max);
  const refunding = await duePayments('refunding', now, max);
  // Most runs find nothing due: the keys and the client are made only when there is work.
  if (pending.length + refunding.length === 0) return summary;
  const d = deps ?? (await defaultDeps());
  const work = async (ids: string[], one: (payment: PaymentRecord) => Promise<void>) => {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        if (Date.now() - started > budgetMs) {
          summary.leftOver += ids.length - next;
          next = ids.length;
          return;
        }
        const id = ids[next++] as string;
        try {
          const payment = await getPayment(id);
          if (payment) await one(payment);
        } catch (err) {
          summary.failed += 1;
          log.warn('payment left for the next sweep', { paymentId: id, error: (err as Error).message });
          await updatePayment(id, 'SET sweepAt = :again', 'attribute_exists(sweep)', {
            ':again': afterUnreachable(d.now()).toISOString(),
          }).catch(() => undefined);
        }
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  };

  await work(pending, (p) => lookAtPending(p, d, summary));
  await work(refunding, (p) => lookAtRefund(p, d, summary));
  return summary;
}

async function lookAtPending(payment: PaymentRecord, d: FlowDeps, summary: SweepSummary): Promise<void> {
  if (payment.status !== 'pending' || payment.provider !== 'wechat-pay') return;
  const now = d.now();
  const expiresAt = new Date(payment.expiresAt);
  if (pendingAction(expiresAt, now) === 'reconcile') {
    const outcome = await reconcile(payment.paymentId, d, payment);
    if (outcome.ok && outcome.result === 'not-paid') {
      summary.stillPending += 1;
      await bump(payment, 'pending', afterNotPaid(expiresAt, now));
    } else if (outcome.ok) summary.settled += 1;
    else throw new AppError('TRY_AGAIN', `${outcome.reason}: ${outcome.message}`);
    return;
  }
  const closed = await closeUnpaid(payment.paymentId, d);
  if (closed === 'paid') summary.settled += 1;
  if (closed === 'paying') {
    summary.stillPending += 1;
    await bump(payment, 'pending', afterPaying(now));
  }
  if (closed !== 'closed') return;
  const items = [cancelItem(payment.paymentId, now), ...(d.hooks[payment.purpose]?.closed?.(payment, now) ?? [])];
  if (await transactIfUnchanged(items)) {
    summary.closed += 1;
    log.info('unpaid payment closed at its expiry', { paymentId: payment.paymentId, purpose: payment.purpose });
    return;
  }
  const fresh = await getPayment(payment.paymentId);
  if (fresh?.status === 'pending') {
    throw new AppError('TRY_AGAIN', `closing ${payment.paymentId}: what it pays for refused the cancellation`);
  }
}

async function lookAtRefund(payment: PaymentRecord, d: FlowDeps, summary: SweepSummary): Promise<void> {
  if (payment.status !== 'refunding' || payment.refundProblem) return;
  if (refundAction(payment.refundId) === 'request') {
    const result = await requestRefund(payment.paymentId, d);
    if (result === 'requested') summary.refundsRequested += 1;
    if (result === 'problem') summary.refundProblems += 1;
    if (result === 'will-retry') summary.failed += 1;
    return;
  }
  try {
    const outcome = await queryRefundAndSettle(payment, d);
    if (outcome === 'processing') return;
    if (outcome.ok && outcome.result === 'refund-problem') summary.refundProblems += 1;
    else if (outcome.ok) summary.refunded += 1;
    else throw new AppError('TRY_AGAIN', `${outcome.reason}: ${outcome.message}`);
  } catch (err) {
    if (!(err instanceof WechatPayError) || err.retryable) throw err;
    // WeChat Pay does not know the refund it gave us an id for: a person must look.
    await markRefundProblem(payment, err.code, d);
    summary.refundProblems += 1;
  }
}

/** Looks again at `at`, if the payment is still in the same state. */
async function bump(payment: PaymentRecord, status: string, at: Date): Promise<void> {
  await updatePayment(payment.paymentId, 'SET sweepAt = :at', '#s = :status AND attribute_exists(sweep)', {
    ':at': at.toISOString(),
    ':status': status,
  });
}
