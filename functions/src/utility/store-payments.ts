import { yuan } from '@citycare/contract';
import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, transactionReasons } from '../lib/dynamo';
import { conflict, notFound } from '../lib/errors';
import { idempotencyPut, replayIfDuplicate, type IdempotencyScope } from '../lib/idempotency';
import { type Reply } from '../lib/http';
import { paymentProvider } from '../payments/provider';
import { utilityTable } from './config';
import type { AccountItem, BillItem, PaymentRecord } from './items';
import { accountKey, billKey, paymentRecordKey } from './keys';
import { lateFee, type ReliefConfig } from './rules';

/**
 * Bill payments through the payment provider. Creating a payment records it pending (with what
 * it pays for); settling commits the provider's items, the bills and the account's arrears in
 * one transaction, so money and bills never disagree.
 */

export function paymentFor(
  cfg: ReliefConfig,
  payerId: string,
  paymentId: string,
  account: AccountItem,
  bills: BillItem[],
  now: Date,
): PaymentRecord {
  const lines = bills.map((b) => ({
    billId: b.billId,
    month: b.month,
    amountFen: b.amountFen,
    lateFeeFen: lateFee(cfg, b, now, account.reliefApproved === true).feeFen,
  }));
  return {
    ...paymentRecordKey(paymentId),
    paymentId,
    payerId,
    accountNo: account.accountNo,
    bills: lines,
    amountFen: lines.reduce((s, l) => s + l.amountFen + l.lateFeeFen, 0),
    status: 'pending',
    createdAt: now.toISOString(),
  };
}

function createItems(record: PaymentRecord, now: Date) {
  return [
    ...paymentProvider().createItems(
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

export const bulkPaymentId = (workerId: string, key: string, accountNo: string) =>
  'bp' + createHash('sha256').update(`${workerId}#${key}#${accountNo}`).digest('hex').slice(0, 30);

/** Creates a payment whose id is derived from the request; false when it already exists. */
export async function createPaymentOnce(record: PaymentRecord, now: Date): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: createItems(record, now) }));
    return true;
  } catch (err) {
    if (transactionReasons(err)?.some((r) => r === 'ConditionalCheckFailed')) return false;
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
  const provider = paymentProvider();
  const settle = provider.settleItems(record.paymentId, record.amountFen, now);
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
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
        ],
      }),
    );
    return { ...record, status: 'paid' };
  } catch (err) {
    const reasons = transactionReasons(err);
    if (!reasons) throw err;
    const fresh = await getPayment(record.paymentId);
    if (fresh?.status === 'paid') return fresh;
    await cancelPayment(record, now);
    throw conflict('所选账单已经缴过了，这笔缴费已取消，没有扣款');
  }
}

async function cancelPayment(record: PaymentRecord, now: Date): Promise<void> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          ...paymentProvider().cancelItems(record.paymentId, now),
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
        ],
      }),
    );
  } catch (err) {
    if (!transactionReasons(err)) throw err;
  }
}

export const newPaymentId = () => `up${randomUUID().replace(/-/g, '')}`;

export function unpaidBills(bills: BillItem[], billIds?: string[]): BillItem[] {
  const unpaid = bills.filter((b) => !b.paid);
  if (!billIds) return unpaid;
  const chosen = unpaid.filter((b) => billIds.includes(b.billId));
  if (chosen.length !== billIds.length) {
    const known = new Set(bills.map((b) => b.billId));
    if (billIds.some((id) => !known.has(id))) throw notFound('没有找到所选的账单');
    throw conflict('所选账单中有已经缴过的，请刷新后再缴');
  }
  return chosen;
}
