import type { PaymentHooks, PaymentRecord } from '../../payments';
import type { TransactItem } from '../../lib/dynamo';
import { freeSlot } from '../checkout/storage';
import { groceryConfig } from '../config';
import { orderKey } from '../keys';
import { heldCounters } from '../release/rules';
import { returnLimits, returnStock } from '../release/give-back';
import { timelineEntry } from '../rules';
import type { Tagged } from '../storage';

/**
 * What a grocery order's WeChat Pay payment writes beside its own row (payments/wiring.ts HOOKS):
 * paid on the verified notification, closed unpaid at its time_expire (stock, counters and slot
 * place given back), refunded on REFUND.SUCCESS, or a refund that needs a person. Each item is
 * conditional on the order still being in the state the payment leaves, so a replay or an order
 * that moved on changes nothing.
 */

/**
 * What a prepaid order holds, stored on its payment at checkout (payments keep what they are
 * given), so the `closed` hook gives it back in the payment's own transaction without a read.
 */
export interface OrderHold {
  storeId: string;
  slotId: string;
  general: boolean;
  day: string;
  household: string;
  userId: string;
  userCounted?: boolean;
  lines: { itemId: string; qty: number; dailyLimit?: number }[];
}

export const CLOSED_NOTE = '超时未支付，已自动取消';

const table = () => groceryConfig.table;
const items = (tagged: Tagged[]): TransactItem[] => tagged.map((t) => t.item);

/** The attribute names an expression uses: the order's status (#s), a refund's state (#st). */
function names(expr: string) {
  const used = {
    ...(/#s\b/.test(expr) ? { '#s': 'status' } : {}),
    ...(expr.includes('#st') ? { '#st': 'state' } : {}),
  };
  return Object.keys(used).length ? { ExpressionAttributeNames: used } : {};
}

function orderUpdate(
  payment: PaymentRecord,
  set: string,
  condition: string,
  values: Record<string, unknown>,
): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: orderKey(payment.reference),
      UpdateExpression: set,
      ConditionExpression: `paymentId = :pid AND ${condition}`,
      ...names(`${set} ${condition}`),
      ExpressionAttributeValues: { ':pid': payment.paymentId, ...values },
    },
  };
}

/** A refund of part of the payment: the difference of lines the store replaced or dropped (substitute/). */
const isDifference = (p: PaymentRecord) => p.refundFen !== undefined && p.refundFen < p.amountFen;

export const groceryOrderHooks: PaymentHooks = {
  paid: (payment, now) => [
    orderUpdate(
      payment,
      'SET paymentState = :paid, paidAt = :now',
      'paymentState = :pending AND NOT #s IN (:cancelled, :rejected)',
      {
        ':paid': 'paid',
        ':pending': 'pending',
        ':now': now.toISOString(),
        ':cancelled': 'cancelled',
        ':rejected': 'rejected',
      },
    ),
  ],

  closed: (payment, now) => {
    const hold = (payment as PaymentRecord & { hold?: OrderHold }).hold;
    const order = orderUpdate(
      payment,
      'SET #s = :cancelled, paymentState = :cancelled, timeline = list_append(timeline, :entry)',
      'paymentState = :pending AND #s IN (:placed, :accepted, :prepared)',
      {
        ':cancelled': 'cancelled',
        ':pending': 'pending',
        ':placed': 'placed',
        ':accepted': 'accepted',
        ':prepared': 'prepared',
        ':entry': timelineEntry('cancelled', now, CLOSED_NOTE),
      },
    );
    if (!hold) return [order];
    const counters = heldCounters(hold.lines, hold.day, hold.household, hold.userId, hold.userCounted);
    return [
      order,
      ...items(returnStock(hold.storeId, hold.lines)),
      ...items(returnLimits(hold.storeId, counters, now)),
      freeSlot(hold.storeId, hold.slotId, hold.general).item,
    ];
  },

  refunded: (payment, now) => [
    isDifference(payment)
      ? orderUpdate(
          payment,
          'SET differenceRefund.#st = :refunded, refundedAt = :now',
          'differenceRefund.#st = :refunding',
          {
            ':refunded': 'refunded',
            ':refunding': 'refunding',
            ':now': now.toISOString(),
          },
        )
      : orderUpdate(
          payment,
          'SET paymentState = :refunded, refundedAt = :now REMOVE refundProblem',
          'paymentState = :refunding',
          {
            ':refunded': 'refunded',
            ':refunding': 'refunding',
            ':now': now.toISOString(),
          },
        ),
  ],

  refundFailed: (payment, problem) => [
    orderUpdate(
      payment,
      'SET refundProblem = :p',
      isDifference(payment) ? 'differenceRefund.#st = :refunding' : 'paymentState = :refunding',
      { ':p': problem, ':refunding': 'refunding' },
    ),
  ],
};
