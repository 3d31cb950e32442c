import type { NewPayment, PaymentHooks, PaymentRecord } from '../../payments';
import type { TransactItem } from '../../lib/dynamo';
import { groceryConfig } from '../config';
import { groupKey, orderKey, shareKey } from '../keys';
import { groupOrderId, type GroupItem, type ShareItem } from '../groups/rules';
import { returnLimits, returnStock } from '../release/give-back';
import { heldByShare } from '../release/rules';

/**
 * What a household's share of a group order (卡点团购) writes beside its WeChat Pay payment
 * (payments/wiring.ts HOOKS, purpose `grocery-share`): paid on the verified notification; dropped
 * from the group when it lapses unpaid (its stock and counters back, the group's total without
 * it); refunded on REFUND.SUCCESS after its group order was given up. Each write is conditional
 * on the share still being where the payment leaves it, so a replay changes nothing.
 */

/** How long a household has to pay its share after joining, at most until the group's cutoff. */
export const SHARE_PAY_MINUTES = 15;

/** What a share holds, stored on its payment at joining, so the hooks need no read. */
export interface ShareHold {
  groupId: string;
  memberId: string;
  storeId: string;
  userId: string;
  totalFen: number;
  lines: { itemId: string; qty: number; dailyLimit?: number }[];
  householdKey?: string;
  day?: string;
  userCounted?: boolean;
}

export function shareHold(share: ShareItem, storeId: string): ShareHold {
  return {
    groupId: share.groupId,
    memberId: share.memberId,
    storeId,
    userId: share.userId,
    totalFen: share.totalFen,
    lines: share.lines.map((l) => ({
      itemId: l.itemId,
      qty: l.qty,
      ...(l.dailyLimit === undefined ? {} : { dailyLimit: l.dailyLimit }),
    })),
    ...(share.householdKey ? { householdKey: share.householdKey } : {}),
    ...(share.day ? { day: share.day } : {}),
    ...(share.userCounted ? { userCounted: true } : {}),
  };
}

/** A share's payment: due within SHARE_PAY_MINUTES, and never after the group's cutoff. */
export function sharePayment(share: ShareItem, group: GroupItem, now: Date): NewPayment & { share: ShareHold } {
  const due = Math.min(now.getTime() + SHARE_PAY_MINUTES * 60_000, Date.parse(group.cutoffAt));
  return {
    paymentId: share.paymentId,
    payerId: share.userId,
    amountFen: share.totalFen,
    purpose: 'grocery-share',
    reference: group.groupId,
    description: `${group.storeName} 团购（${group.label}）`,
    expiresAt: new Date(due).toISOString(),
    share: shareHold(share, group.storeId),
  };
}

const table = () => groceryConfig.table;
const holdOf = (payment: PaymentRecord) => (payment as PaymentRecord & { share: ShareHold }).share;

function shareUpdate(hold: ShareHold, paymentId: string, set: string, condition: string, values: object): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: shareKey(hold.groupId, hold.memberId),
      UpdateExpression: set,
      ConditionExpression: `paymentId = :pid AND ${condition}`,
      ExpressionAttributeValues: { ':pid': paymentId, ...values },
    },
  };
}

/**
 * An unpaid share dropped from its group (its payment lapsed, or the group closed first): the
 * share released and cancelled, the group's count and total without it, its stock and today's
 * counters back. The payment's own cancellation goes in the same transaction (the caller's).
 */
export function dropShareItems(hold: ShareHold, paymentId: string, now: Date): TransactItem[] {
  const counters = heldByShare({ ...hold, lines: hold.lines });
  return [
    shareUpdate(
      hold,
      paymentId,
      'SET released = :yes, releasedAt = :now, paymentState = :cancelled',
      'paid = :no AND attribute_not_exists(released)',
      { ':yes': true, ':no': false, ':now': now.toISOString(), ':cancelled': 'cancelled' },
    ),
    {
      Update: {
        TableName: table(),
        Key: groupKey(hold.groupId),
        UpdateExpression: 'ADD memberCount :minusOne, totalFen :minusTotal',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':minusOne': -1, ':minusTotal': -hold.totalFen },
      },
    },
    ...returnStock(hold.storeId, hold.lines).map((t) => t.item),
    ...returnLimits(hold.storeId, counters, now).map((t) => t.item),
  ];
}

export const groceryShareHooks: PaymentHooks = {
  paid: (payment, now) => [
    shareUpdate(
      holdOf(payment),
      payment.paymentId,
      'SET paid = :yes, paymentState = :paid, paidAt = :now',
      'paid = :no AND attribute_not_exists(released)',
      { ':yes': true, ':no': false, ':paid': 'paid', ':now': now.toISOString() },
    ),
  ],

  closed: (payment, now) => dropShareItems(holdOf(payment), payment.paymentId, now),

  /** The share's money is back; its group order counts one refund fewer in flight (views.ts). */
  refunded: (payment, now) => [
    shareUpdate(
      holdOf(payment),
      payment.paymentId,
      'SET paymentState = :refunded, refundedAt = :now',
      'paymentState = :refunding',
      { ':refunded': 'refunded', ':refunding': 'refunding', ':now': now.toISOString() },
    ),
    {
      Update: {
        TableName: table(),
        Key: orderKey(groupOrderId(holdOf(payment).groupId)),
        UpdateExpression: 'ADD refundsPending :minusOne',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':minusOne': -1 },
      },
    },
  ],

  refundFailed: (payment, problem) => [
    shareUpdate(holdOf(payment), payment.paymentId, 'SET refundProblem = :p', 'paymentState = :refunding', {
      ':p': problem,
      ':refunding': 'refunding',
    }),
  ],
};
