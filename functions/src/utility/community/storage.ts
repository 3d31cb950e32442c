import { yuan } from '@citycare/contract';
import { queryAll } from '../../lib/dynamo';
import { AppError } from '../../lib/errors';
import { reliefConfig } from '../config';
import type { AccountItem } from '../items';
import { communityIndex, INDEX_BY_OWNER } from '../keys';
import { bulkPaymentId, paymentFor, unpaidBills } from '../payments/rules';
import { createPaymentOnce, getPayment, settlePayment } from '../payments/storage';
import { readAccount } from '../storage';
import { utilityTable } from '../table';

/** A community's accounts in arrears, and paying for one of them on a household's behalf. */

/** Accounts of the community with arrears (the byOwner index holds a community's accounts). */
export async function accountsInArrears(community: string): Promise<AccountItem[]> {
  return queryAll<AccountItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_OWNER,
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: 'arrearsFen > :zero',
    ExpressionAttributeValues: { ':pk': communityIndex(community), ':zero': 0 },
  });
}

export type Outcome = {
  accountNo: string;
  outcome: 'paid' | 'nothing-due' | 'not-found' | 'failed';
  amountFen: number;
  message: string;
};

/**
 * A worker pays one account's unpaid bills: its own transaction, with a payment id derived from
 * the worker, the request's key and the account, so a retried request pays nothing twice.
 */
export async function payForAccount(
  workerId: string,
  key: string,
  community: string,
  accountNo: string,
  at: Date,
): Promise<Outcome> {
  const paymentId = bulkPaymentId(workerId, key, accountNo);
  const { account, bills } = await readAccount(accountNo);
  if (!account || account.community !== community) {
    return { accountNo, outcome: 'not-found', amountFen: 0, message: '本社区没有这个户号' };
  }
  const paid = (amountFen: number): Outcome => ({
    accountNo,
    outcome: 'paid',
    amountFen,
    message: `已代缴 ${yuan(amountFen)} 元`,
  });
  const due = unpaidBills(bills);
  if (!due.length) {
    const earlier = await getPayment(paymentId);
    if (earlier?.status === 'paid') return paid(earlier.amountFen);
    return { accountNo, outcome: 'nothing-due', amountFen: 0, message: '没有待缴账单' };
  }
  const record = paymentFor(reliefConfig(), workerId, paymentId, account, due, at);
  const created = await createPaymentOnce(record, at);
  const current = created ? record : await getPayment(paymentId);
  if (!current) return { accountNo, outcome: 'failed', amountFen: 0, message: '代缴没有成功，请重试' };
  try {
    const settled = await settlePayment(current, at);
    return paid(settled.amountFen);
  } catch (err) {
    if (err instanceof AppError) return { accountNo, outcome: 'failed', amountFen: 0, message: err.message };
    throw err;
  }
}
