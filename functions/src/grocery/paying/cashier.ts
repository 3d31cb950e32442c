import { closeUnpaid } from '../../payments';
import { AppError, conflict } from '../../lib/errors';
import { log } from '../../lib/log';
import type { GroupItem, ShareItem } from '../groups/rules';
import { commit, getOrder, tagAll } from '../storage';
import type { OrderItem } from '../views';
import { payments, users } from '../wiring';
import { dropShareItems, sharePayment, shareHold } from './share-hooks';

/**
 * A prepaid order or a group share and WeChat Pay outside grocery's transactions: the cashier's
 * parameters for a pending payment, closing an unpaid WeChat Pay order before its order (or
 * share) is given up, and asking for a refund once a cancel or reject has committed. Nothing here marks anything paid: only the
 * verified notification does (paying/hooks.ts).
 */

export interface Payable {
  orderId: string;
  userId: string;
  paymentId: string;
  totalFen: number;
  storeName: string;
}

/** WeChat Pay's `requestPayment` parameters for the order's pending payment (422 without openid, 409 when not pending). */
export async function cashierParams(o: Payable): Promise<Record<string, string>> {
  return payments().clientParams({
    paymentId: o.paymentId,
    payerId: o.userId,
    amountFen: o.totalFen,
    purpose: 'grocery-order',
    reference: o.orderId,
    description: `${o.storeName} 订单`,
    payerOpenid: await users.openid(o.userId),
  });
}

/** The same, or nothing when the payment is no longer pending (a retried checkout after paying). */
export async function cashierParamsIfPending(o: Payable): Promise<Record<string, string> | undefined> {
  return orNothingOnConflict(() => cashierParams(o));
}

async function orNothingOnConflict<T>(ask: () => Promise<T>): Promise<T | undefined> {
  try {
    return await ask();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return undefined;
    throw err;
  }
}

/** WeChat Pay's `requestPayment` parameters for a household's pending share (409 when it is not pending). */
export async function shareCashierParams(
  share: ShareItem,
  group: GroupItem,
  now: Date,
): Promise<Record<string, string>> {
  return payments().clientParams({ ...sharePayment(share, group, now), payerOpenid: await users.openid(share.userId) });
}

/** The same, or nothing when the share is no longer to be paid (a retried join after paying). */
export async function shareCashierParamsIfPending(share: ShareItem, group: GroupItem, now: Date) {
  return orNothingOnConflict(() => shareCashierParams(share, group, now));
}

/**
 * 截单 with shares still unpaid: each one's WeChat Pay order is closed so it can no longer be
 * paid, then the share is dropped from the group with its payment cancelled (one transaction
 * each). Paid meanwhile: settled by WeChat Pay's answer, it stays. In the cashier right now: 409.
 */
export async function dropUnpaidShares(group: GroupItem, shares: ShareItem[], now: Date): Promise<void> {
  for (const share of shares) {
    if (payments().name === 'wechat-pay') {
      const closed = await closeUnpaid(share.paymentId);
      if (closed === 'paying') throw conflict('有居民正在付款，请稍后再截单');
      if (closed === 'paid') continue;
    }
    const hold = shareHold(share, group.storeId);
    await commit(
      [
        ...tagAll('payment', payments().cancelItems(share.paymentId, now)),
        ...tagAll('order', dropShareItems(hold, share.paymentId, now)),
      ],
      now,
    ).catch((err: unknown) => {
      // Dropped meanwhile by the payments schedule at its expiry: nothing left to do.
      if (!(err instanceof AppError)) throw err;
      log.info('unpaid share already dropped', { groupId: group.groupId, memberId: share.memberId });
    });
  }
}

const prepaidPending = (o: OrderItem) =>
  o.kind === 'single' && o.paymentMethod === 'prepaid' && o.paymentState === 'pending';

/**
 * Before a pending prepaid order is cancelled or rejected: its WeChat Pay order is closed so it
 * can no longer be paid. Paid meanwhile: settled by WeChat Pay's answer, and the order is read
 * again (the release then refunds it). In the cashier right now: 409.
 */
export async function closeBeforeRelease(order: OrderItem): Promise<OrderItem> {
  if (!prepaidPending(order) || payments().name !== 'wechat-pay') return order;
  const closed = await closeUnpaid(order.paymentId);
  if (closed === 'paying') throw conflict('正在支付中，请稍后再试');
  if (closed === 'paid') return (await getOrder(order.orderId)) ?? order;
  return order;
}

/** After a release committed a refund: asks WeChat Pay for it (the payments schedule asks again on failure). */
export async function askRefund(paymentId: string, reason?: string): Promise<void> {
  try {
    await payments().requestRefund?.(paymentId, reason);
  } catch (err) {
    log.warn('grocery refund request left to the payments schedule', { paymentId, error: (err as Error).message });
  }
}
