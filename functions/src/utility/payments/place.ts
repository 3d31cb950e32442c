import { cityClock } from '@citycare/contract';
import { AppError, badRequest, conflict } from '../../lib/errors';
import { log } from '../../lib/log';
import { closeUnpaid, type NewPayment } from '../../payments';
import type { PaymentRecord } from '../items';
import { payers, payments } from '../wiring';
import { holdItems, recordPut, releaseItems } from './items';
import { descriptionOf, fitsOneTransaction, holdAction, newRecord, referenceOf, type Draft } from './rules';
import { transactIfUnchanged } from '../../lib/dynamo';
import { commitNew, getRecord } from './storage';

/**
 * Placing a WeChat Pay payment for bills, for residents and community workers alike: the
 * payments table's row, the record of what it pays and the hold on each bill in one
 * transaction; then WeChat Pay's JSAPI order and the cashier's parameters. Nothing here marks a
 * bill paid: the payments hooks (hooks.ts) do, on WeChat Pay's verified word.
 */

export const KEY_REUSED = '同一个 Idempotency-Key 已用于另一笔不同的请求';

/** What the payments table records for this payment. */
export function newPayment(record: PaymentRecord): NewPayment {
  return {
    paymentId: record.paymentId,
    payerId: record.payerId,
    amountFen: record.amountFen,
    purpose: record.purpose,
    reference: referenceOf(record.bills),
    description: descriptionOf(record),
    expiresAt: record.expiresAt,
  };
}

/** An earlier payment found by its request's key: the same request, or a refusal. */
export function sameRequest(record: PaymentRecord, request: string): PaymentRecord {
  if (record.request !== request) throw conflict(KEY_REUSED);
  return record;
}

/**
 * A pending payment for the draft's bills: a new one, or the payer's own one already waiting for
 * exactly these bills. `holders`: the pending payments now holding some of them.
 */
export async function placePayment(draft: Draft, holders: string[], now: Date): Promise<PaymentRecord> {
  if (!fitsOneTransaction(draft.lines)) throw badRequest('一次缴的账单太多，请分几次缴');
  for (const holderId of holders) {
    const hold = await getRecord(holderId);
    if (hold?.status !== 'pending') {
      log.error('utility bill held by a payment that is not pending', { paymentId: holderId });
      throw new AppError('TRY_AGAIN', '账单状态正在更新，请稍后再试');
    }
    const action = holdAction(hold, draft, now);
    if (action === 'reuse' && holders.length === 1) return hold;
    if (action === 'wait') {
      throw conflict(
        `所选账单已有一笔缴费正在支付（可能是社区工作人员代缴），请于 ${cityClock(hold.expiresAt)} 以后再试`,
      );
    }
    await release(hold, now);
  }
  const record = newRecord(draft, now);
  const outcome = await commitNew([
    ...payments().createItems(newPayment(record), now),
    recordPut(record),
    ...holdItems(record),
  ]);
  if (outcome === 'created') return record;
  const earlier = outcome === 'existing' ? await getRecord(record.paymentId) : undefined;
  if (earlier) return sameRequest(earlier, draft.request);
  throw conflict('所选账单刚刚有变化，请刷新后再缴');
}

/** Closes a pending payment's WeChat Pay order, then cancels it and frees its bills, together. */
async function release(hold: PaymentRecord, now: Date): Promise<void> {
  const closed = await closeUnpaid(hold.paymentId);
  if (closed === 'paying') throw conflict('所选账单正在支付中，请稍候再试');
  if (closed === 'paid') throw conflict('所选账单刚刚已经缴费成功，请刷新查看');
  const items = [...payments().cancelItems(hold.paymentId, now), ...releaseItems(hold.paymentId, hold.bills, now)];
  if (!(await transactIfUnchanged(items))) throw conflict('所选账单刚刚有变化，请刷新后再缴');
  log.info('utility payment replaced before it was paid', { paymentId: hold.paymentId });
}

/**
 * WeChat's cashier parameters for a pending payment (its JSAPI order placed, or found again);
 * null once it is paid. 422 without the payer's openid, 503 + Retry-After while WeChat Pay is down.
 */
export async function cashierFor(record: PaymentRecord): Promise<Record<string, string> | null> {
  if (record.status === 'paid') return null;
  if (record.status === 'cancelled') throw conflict('这笔缴费已过期或已取消，请重新发起');
  const payerOpenid = await payers.openid(record.payerId);
  return payments().clientParams({ ...newPayment(record), payerOpenid });
}
