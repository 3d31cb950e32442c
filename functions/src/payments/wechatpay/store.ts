import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { conditionalUpdate, db, getItem, isConditionFailure, queryAll } from '../../lib/dynamo';
import type { NewPayment, PaymentStatus } from '../provider';
import { paymentKey, paymentsTable } from '../table';

/**
 * The only code of WeChat Pay payments that talks to DynamoDB: one item per payment in the
 * payments table, and a sparse index (`bySweep`) of the payments the schedule must look at —
 * pending ones (a late notification, an expiry), refunds in flight and refunds in trouble —
 * keyed by bucket and the time to look next. A payment leaves the index when it settles.
 */
export interface PaymentRecord extends Omit<NewPayment, 'payerOpenid' | 'expiresAt'> {
  /** ISO time after which it can no longer be paid. */
  expiresAt: string;
  createdAt?: string;
  status: PaymentStatus;
  provider: string;
  transactionId?: string;
  /** Money that arrived after the payment was cancelled (refunded at once, flows.ts). */
  lateTransactionId?: string;
  outRefundNo?: string;
  refundFen?: number;
  refundId?: string;
  /** Why a refund needs a person (WeChat Pay's error code, `REFUND.ABNORMAL` …). */
  refundProblem?: string;
  /** Failed refund requests so far; WeChat Pay refund queries so far. */
  refundAttempts?: number;
  refundChecks?: number;
  sweep?: SweepBucket;
  sweepAt?: string;
}

/** The schedule's buckets in the `bySweep` index. `refund-problem` is ops' list, not swept. */
export type SweepBucket = 'pending' | 'refunding' | 'refund-problem';
export const SWEEP_INDEX = 'bySweep';

export const getPayment = (paymentId: string) => getItem<PaymentRecord>(paymentsTable(), paymentKey(paymentId));

/** Commits every item or none; false when a condition did not hold (lib/dynamo's, under the name the sweep tests use). */
export { transactIfUnchanged as commit } from '../../lib/dynamo';

/**
 * One conditional update of a payment's own row (`#s` is its status); false when the condition
 * did not hold.
 */
export async function updatePayment(
  paymentId: string,
  expression: string,
  condition: string,
  values: Record<string, unknown>,
): Promise<boolean> {
  try {
    const { Update } = conditionalUpdate(paymentsTable(), paymentKey(paymentId), {
      set: expression,
      condition,
      values,
    });
    await db().send(new UpdateCommand(Update as UpdateCommandInput));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** Ids of the payments in `bucket` whose time to look has come, oldest first, at most `max`. */
export async function duePayments(bucket: SweepBucket, now: Date, max: number): Promise<string[]> {
  const keys = await queryAll<{ pk: string }>(
    {
      TableName: paymentsTable(),
      IndexName: SWEEP_INDEX,
      KeyConditionExpression: 'sweep = :bucket AND sweepAt <= :now',
      ExpressionAttributeValues: { ':bucket': bucket, ':now': now.toISOString() },
      Limit: max,
    },
    { max },
  );
  return keys.map((k) => k.pk.replace(/^PAYMENT#/, ''));
}
