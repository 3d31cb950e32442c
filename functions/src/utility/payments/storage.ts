import { getItem, transact, TransactionCancelled, type TransactItem } from '../../lib/dynamo';
import type { PaymentRecord } from '../items';
import { paymentRecordKey } from '../keys';
import { utilityTable } from '../table';

/** The only code of utility payments that talks to DynamoDB (their items: items.ts). */

export const getRecord = (paymentId: string) => getItem<PaymentRecord>(utilityTable(), paymentRecordKey(paymentId));

/**
 * Commits a new payment: the payments table's row and the record first (`existing`: `index`
 * 0 or 1 refused, the id is taken), then the bills it holds (`bills-changed`: one of them was
 * paid or held meanwhile).
 */
export async function commitNew(items: TransactItem[]): Promise<'created' | 'existing' | 'bills-changed'> {
  try {
    await transact(items);
    return 'created';
  } catch (err) {
    if (!(err instanceof TransactionCancelled) || !err.conditionFailed) throw err;
    const failed = err.reasons.findIndex((r) => r.code === 'ConditionalCheckFailed');
    return failed <= 1 ? 'existing' : 'bills-changed';
  }
}
