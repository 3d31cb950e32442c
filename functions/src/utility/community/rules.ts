import { maskName, type BulkLine } from '@citycare/contract';
import { conflict, notFound } from '../../lib/errors';
import type { AccountItem, BillItem, PayLine, PaymentRecord } from '../items';
import { linesFor, principalOf, totalOf, unpaidBills } from '../payments/rules';
import type { ReliefConfig } from '../rules';

/** A community worker paying for households of their community: what is due, and its views. Pure. */

export interface Household {
  account: AccountItem;
  /** Its unpaid bills. */
  bills: BillItem[];
  lines: PayLine[];
}

/**
 * The chosen households' unpaid bills with their late fees at `now`. 404 for an account that is
 * not in the community (whether or not it exists elsewhere); 409 for one with nothing left to pay.
 */
export function householdsDue(
  cfg: ReliefConfig,
  community: string,
  accountNos: string[],
  found: { account: AccountItem; bills: BillItem[] }[],
  now: Date,
): Household[] {
  return accountNos.map((no) => {
    const hit = found.find((f) => f.account.accountNo === no && f.account.community === community);
    if (!hit) throw notFound(`本社区没有户号 ${no}`);
    const bills = unpaidBills(hit.bills);
    if (!bills.length) throw conflict(`户号 ${no} 已经没有待缴账单，请刷新名单`);
    return { account: hit.account, bills, lines: linesFor(cfg, hit.account, bills, now) };
  });
}

export function bulkLine({ account, lines }: Household): BulkLine {
  const principalFen = principalOf(lines);
  const amountFen = totalOf(lines);
  return {
    accountNo: account.accountNo,
    companyName: account.companyName,
    holderMasked: maskName(account.holderName),
    address: account.address,
    bills: lines.length,
    principalFen,
    lateFeeFen: amountFen - principalFen,
    amountFen,
  };
}

/** A bulk payment as the worker sees it: per household, its bills and sum. */
export function bulkPaymentView(r: PaymentRecord) {
  const accounts = [...new Set(r.bills.map((b) => b.accountNo))].map((accountNo) => {
    const lines = r.bills.filter((b) => b.accountNo === accountNo);
    return { accountNo, bills: lines.length, amountFen: totalOf(lines) };
  });
  return { paymentId: r.paymentId, community: r.community ?? '', accounts, amountFen: r.amountFen, status: r.status };
}
