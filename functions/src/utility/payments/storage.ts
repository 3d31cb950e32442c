import { yuan } from '@citycare/contract';
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, db, transact, TransactionCancelled, type TransactItem } from '../../lib/dynamo';
import { conflict } from '../../lib/errors';
import { idempotencyPut, replayIfDuplicate, type IdempotencyScope } from '../../lib/idempotency';
import { type Reply } from '../../lib/http';
import type { PaymentRecord } from '../items';
import { accountKey, billKey, paymentRecordKey } from '../keys';
import { utilityTable } from '../table';
import { payments } from '../wiring';

/**
 * Bill payments through the payment provider. Creating a payment records it pending (with what
 * it pays for); settling commits the provider's items, the bills and the account's arrears in
 * one transaction, so money and bills never disagree.
 */

export const newPaymentId = () => `up${randomUUID().replace(/-/g, '')}`;

function createItems(record: PaymentRecord, now: Date): TransactItem[] {
  return [
    ...payments().createItems(
      {
        paymentId: record.paymentId,
        payerId: record.payerId,
        amountFen: record.amountFen,
        purpose: 'utility-bill',
        reference: record.bills.map((b) => b.billId).join(','),
        description: `户号 ${record.accountNo} 缴费 ${yuan(record.amountFen)} 元`,
      },
      now,
    ),
    { Put: { TableName: utilityTable(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}

/** Records a pending payment; with an Idempotency-Key a retry returns the first answer. */
export async function startPayment<T>(
  record: PaymentRecord,
  scope: IdempotencyScope | undefined,
  answer: (record: PaymentRecord) => Promise<T>,
  now: Date,
): Promise<T | Reply<unknown>> {
  const body = await answer(record);
  const items = createItems(record, now);
  try {
    // Sent as the SDK's own command: lib/idempotency reads the SDK's cancellation reasons.
    await db().send(
      new TransactWriteCommand({
        // The record's expiry is real time (its TTL), not the domain's clock.
        TransactItems: [...items, ...(scope ? [idempotencyPut(scope, 200, body)] : [])],
      }),
    );
  } catch (err) {
    const replay = await replayIfDuplicate(err, items.length, scope);
    if (replay) return replay;
    throw err;
  }
  return body;
}

/** Creates a payment whose id is derived from the request; false when it already exists. */
export async function createPaymentOnce(record: PaymentRecord, now: Date): Promise<boolean> {
  try {
    await transact(createItems(record, now));
    return true;
  } catch (err) {
    if (err instanceof TransactionCancelled && err.conditionFailed) return false;
    throw err;
  }
}

export async function getPayment(paymentId: string): Promise<PaymentRecord | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: utilityTable(), Key: paymentRecordKey(paymentId), ConsistentRead: true }),
  );
  return out.Item as PaymentRecord | undefined;
}

/**
 * Settles a pending payment: the provider's settlement, every bill it pays (each still unpaid)
 * and the account's arrears, in one transaction. If a bill was paid meanwhile, the payment is
 * cancelled instead and nothing is charged.
 */
export async function settlePayment(record: PaymentRecord, now: Date): Promise<PaymentRecord> {
  if (record.status === 'paid') return record;
  if (record.status === 'cancelled') throw conflict('这笔缴费已取消，请重新发起');
  const at = now.toISOString();
  const principal = record.bills.reduce((s, b) => s + b.amountFen, 0);
  const settle = payments().settleItems(record.paymentId, record.amountFen, now);
  try {
    await transact([
      ...settle,
      {
        Update: {
          TableName: utilityTable(),
          Key: paymentRecordKey(record.paymentId),
          UpdateExpression: 'SET #s = :paid, paidAt = :now',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':paid': 'paid', ':pending': 'pending', ':now': at },
        },
      },
      ...record.bills.map((b) => ({
        Update: {
          TableName: utilityTable(),
          Key: billKey(record.accountNo, b.month),
          UpdateExpression: 'SET paid = :yes, paidAt = :now, lateFeePaidFen = :fee, paymentId = :pid',
          ConditionExpression: 'paid = :no AND amountFen = :amount',
          ExpressionAttributeValues: {
            ':yes': true,
            ':no': false,
            ':now': at,
            ':fee': b.lateFeeFen,
            ':pid': record.paymentId,
            ':amount': b.amountFen,
          },
        },
      })),
      {
        Update: {
          TableName: utilityTable(),
          Key: accountKey(record.accountNo),
          UpdateExpression: 'ADD arrearsFen :minus',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':minus': -principal },
        },
      },
    ]);
    return { ...record, status: 'paid' };
  } catch (err) {
    if (!cancellationReasons(err)) throw err;
    const fresh = await getPayment(record.paymentId);
    if (fresh?.status === 'paid') return fresh;
    await cancelPayment(record, now);
    throw conflict('所选账单已经缴过了，这笔缴费已取消，没有扣款');
  }
}

async function cancelPayment(record: PaymentRecord, now: Date): Promise<void> {
  try {
    await transact([
      ...payments().cancelItems(record.paymentId, now),
      {
        Update: {
          TableName: utilityTable(),
          Key: paymentRecordKey(record.paymentId),
          UpdateExpression: 'SET #s = :cancelled',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending' },
        },
      },
    ]);
  } catch (err) {
    if (!cancellationReasons(err)) throw err;
  }
}
