import { statusChange, type TransactItem } from '../../lib/dynamo';
import type { PayLine, PaymentRecord } from '../items';
import { accountKey, billKey, paymentRecordKey } from '../keys';
import { utilityTable } from '../table';
import { principalOf } from './rules';

/**
 * The utility side of a WeChat Pay payment's transactions. A bill is held by at most one pending
 * payment (`payingId`); every write is conditional on the state it moves from, so a replayed
 * notification, a lapsed payment or a bill paid another way changes nothing.
 */

/** The new payment's record. */
export function recordPut(record: PaymentRecord): TransactItem {
  return { Put: { TableName: utilityTable(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Each bill held by the new payment: still unpaid, for the same amount, held by no other. */
export function holdItems(record: PaymentRecord): TransactItem[] {
  return record.bills.map((l) => ({
    Update: {
      TableName: utilityTable(),
      Key: billKey(l.accountNo, l.month),
      UpdateExpression: 'SET payingId = :pid',
      ConditionExpression:
        'attribute_exists(pk) AND paid = :no AND amountFen = :amount AND attribute_not_exists(payingId)',
      ExpressionAttributeValues: { ':pid': record.paymentId, ':no': false, ':amount': l.amountFen },
    },
  }));
}

/** Paid (WeChat Pay's verified word): the record, every bill it held, and each account's arrears. */
export function paidItems(paymentId: string, lines: PayLine[], now: Date): TransactItem[] {
  const at = now.toISOString();
  const accounts = [...new Set(lines.map((l) => l.accountNo))];
  return [
    {
      Update: {
        TableName: utilityTable(),
        Key: paymentRecordKey(paymentId),
        UpdateExpression: 'SET #s = :paid, paidAt = :now',
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':paid': 'paid', ':pending': 'pending', ':now': at },
      },
    },
    ...lines.map((l) => ({
      Update: {
        TableName: utilityTable(),
        Key: billKey(l.accountNo, l.month),
        UpdateExpression: 'SET paid = :yes, paidAt = :now, lateFeePaidFen = :fee, paymentId = :pid REMOVE payingId',
        ConditionExpression: 'payingId = :pid AND paid = :no AND amountFen = :amount',
        ExpressionAttributeValues: {
          ':yes': true,
          ':no': false,
          ':now': at,
          ':fee': l.lateFeeFen,
          ':pid': paymentId,
          ':amount': l.amountFen,
        },
      },
    })),
    ...accounts.map((accountNo) => ({
      Update: {
        TableName: utilityTable(),
        Key: accountKey(accountNo),
        UpdateExpression: 'ADD arrearsFen :minus',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':minus': -principalOf(lines.filter((l) => l.accountNo === accountNo)) },
      },
    })),
  ];
}

/** Lapsed or replaced unpaid: the record cancelled, its bills free to be paid again. */
export function releaseItems(paymentId: string, lines: PayLine[], now: Date): TransactItem[] {
  return [
    statusChange(utilityTable(), paymentRecordKey(paymentId), { from: 'pending', to: 'cancelled', now }),
    ...lines.map((l) => ({
      Update: {
        TableName: utilityTable(),
        Key: billKey(l.accountNo, l.month),
        UpdateExpression: 'REMOVE payingId',
        ConditionExpression: 'payingId = :pid',
        ExpressionAttributeValues: { ':pid': paymentId },
      },
    })),
  ];
}
