import { maskName } from '@citycare/contract';
import type { AccountView, BillView } from '@citycare/contract';
import type { AccountItem, BillItem } from './items';
import { isProtected, lateFee, type ReliefConfig } from './rules';

/** Stored accounts and bills -> the contract's views (residents and staff see the same). */

export function accountView(a: AccountItem, now: Date): AccountView {
  return {
    accountNo: a.accountNo,
    company: a.company,
    companyName: a.companyName,
    kind: a.kind,
    holderMasked: maskName(a.holderName),
    address: a.address,
    balanceFen: a.balanceFen,
    arrearsFen: a.arrearsFen,
    supply: a.supply,
    protectedUntil: a.protectedUntil,
    protectedNow: isProtected(a.protectedUntil, now),
    reliefApproved: a.reliefApproved === true,
  };
}

export function billView(cfg: ReliefConfig, b: BillItem, now: Date, reliefApproved: boolean): BillView {
  const fee = lateFee(cfg, b, now, reliefApproved);
  return {
    billId: b.billId,
    month: b.month,
    amountFen: b.amountFen,
    dueDate: b.dueDate,
    paid: b.paid,
    paidAt: b.paidAt,
    lateFeeFen: fee.feeFen,
    lateFeeWaived: fee.waived,
    ...(b.payingId && !b.paid ? { paying: true as const } : {}),
  };
}
