import { createHash } from 'node:crypto';
import { conflict, notFound } from '../../lib/errors';
import type { AccountItem, BillItem, PaymentRecord } from '../items';
import { paymentRecordKey } from '../keys';
import { lateFee, type ReliefConfig } from '../rules';

/** What a bill payment pays for (residents' payments and workers' bulk payments). Pure. */

/** A pending payment of chosen bills, each with its late fee at `now`. */
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

/** A bulk payment's id: derived from the worker, the request and the account, so a retry pays nothing twice. */
export const bulkPaymentId = (workerId: string, key: string, accountNo: string) =>
  'bp' + createHash('sha256').update(`${workerId}#${key}#${accountNo}`).digest('hex').slice(0, 30);

/** The unpaid bills, or the chosen ones: 404 for a bill the account does not have, 409 for one already paid. */
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
