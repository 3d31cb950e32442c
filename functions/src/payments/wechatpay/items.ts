import { statusChange } from '../../lib/dynamo';
import type { NewPayment, SettlementProof, TransactItem } from '../provider';
import { paymentKey, paymentsTable } from '../table';
import { firstLook, refundFirstLook } from './sweep-rules';

/**
 * The payment's own rows in a WeChat Pay payment's transactions. Each write is conditional on
 * the state it moves from, so a replayed notification or a second refund changes nothing. A
 * payment the schedule must look at carries `sweep` (its bucket) and `sweepAt` (when), the keys
 * of the sparse `bySweep` index (store.ts); settling removes them.
 */
/** How long an unpaid payment can be paid when the caller gives no expiry (WeChat Pay's time_expire). */
export const DEFAULT_PAY_MINUTES = 15;

export function createItem(p: NewPayment, now: Date): TransactItem {
  const { payerOpenid: _openid, ...given } = p;
  const expiresAt = p.expiresAt ?? new Date(now.getTime() + DEFAULT_PAY_MINUTES * 60_000).toISOString();
  const stored = { ...given, expiresAt, sweep: 'pending', sweepAt: firstLook(now, new Date(expiresAt)).toISOString() };
  return {
    Put: {
      TableName: paymentsTable(),
      Item: {
        ...paymentKey(p.paymentId),
        ...stored,
        provider: 'wechat-pay',
        status: 'pending',
        createdAt: now.toISOString(),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Pending → paid, once per WeChat Pay transaction id, for exactly the amount asked. */
export function paidItem(proof: SettlementProof, now: Date): TransactItem {
  return {
    Update: {
      TableName: paymentsTable(),
      Key: paymentKey(proof.paymentId),
      UpdateExpression: 'SET #s = :paid, paidAt = :paidAt, settledAt = :now, transactionId = :tx REMOVE sweep, sweepAt',
      ConditionExpression:
        '#s = :pending AND amountFen = :amount AND provider = :provider AND ' +
        '(attribute_not_exists(transactionId) OR transactionId <> :tx)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':paid': 'paid',
        ':pending': 'pending',
        ':amount': proof.amountFen,
        ':provider': 'wechat-pay',
        ':tx': proof.transactionId,
        ':paidAt': proof.paidAt || now.toISOString(),
        ':now': now.toISOString(),
      },
    },
  };
}

/** Pending → cancelled, out of the schedule's index. */
export function cancelItem(paymentId: string, now: Date): TransactItem {
  const change = { from: 'pending', to: 'cancelled', now, remove: 'sweep, sweepAt' };
  return statusChange(paymentsTable(), paymentKey(paymentId), change);
}

/**
 * Paid → refunding, in full or (`refundFen` less than the amount paid) in part, once; out_refund_no
 * is the payment id, so a retried refund is the same refund.
 */
export function refundingItem(paymentId: string, amountFen: number, now: Date, refundFen = amountFen): TransactItem {
  return {
    Update: {
      TableName: paymentsTable(),
      Key: paymentKey(paymentId),
      UpdateExpression:
        'SET #s = :refunding, refundRequestedAt = :now, outRefundNo = :no, refundFen = :refund, ' +
        'sweep = :bucket, sweepAt = :look',
      ConditionExpression: '#s = :paid AND amountFen = :amount',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':refunding': 'refunding',
        ':paid': 'paid',
        ':amount': amountFen,
        ':refund': refundFen,
        ':no': paymentId,
        ':now': now.toISOString(),
        ':bucket': 'refunding',
        ':look': refundFirstLook(now).toISOString(),
      },
    },
  };
}

/** Refunding → refunded, on a verified REFUND.SUCCESS for this refund. */
export function refundedItem(paymentId: string, outRefundNo: string, refundId: string, now: Date): TransactItem {
  return {
    Update: {
      TableName: paymentsTable(),
      Key: paymentKey(paymentId),
      UpdateExpression:
        'SET #s = :refunded, refundedAt = :now, refundId = :refundId REMOVE refundProblem, sweep, sweepAt',
      ConditionExpression: '#s = :refunding AND outRefundNo = :no',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':refunded': 'refunded',
        ':refunding': 'refunding',
        ':no': outRefundNo,
        ':refundId': refundId,
        ':now': now.toISOString(),
      },
    },
  };
}

/**
 * A refund that needs a person: WeChat Pay refused it, reported it ABNORMAL or CLOSED, or kept
 * failing. It stays `refunding` and moves to ops' list (the `refund-problem` bucket).
 */
export function refundProblemItem(paymentId: string, problem: string, now: Date): TransactItem {
  return {
    Update: {
      TableName: paymentsTable(),
      Key: paymentKey(paymentId),
      UpdateExpression: 'SET refundProblem = :p, refundProblemAt = :now, sweep = :bucket, sweepAt = :now',
      ConditionExpression: '#s = :refunding',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':p': problem,
        ':refunding': 'refunding',
        ':bucket': 'refund-problem',
        ':now': now.toISOString(),
      },
    },
  };
}
