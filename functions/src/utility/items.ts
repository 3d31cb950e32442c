import { maskName } from '@citycare/contract';
import type { AccountView, BillView, InstallmentLine, ReliefPart, RepairView, UtilityKind } from '@citycare/contract';
import { isProtected, lateFee, type ReliefConfig } from './rules';

/** The shapes stored in the utility table, and how each is shown. */

export interface AccountItem {
  pk: string;
  sk: 'ACCOUNT';
  accountNo: string;
  company: string;
  companyName: string;
  kind: UtilityKind;
  holderName: string;
  address: string;
  community: string;
  balanceFen: number;
  /** Sum of unpaid bill amounts (without late fees), kept in step with bills in every write. */
  arrearsFen: number;
  supply: 'on' | 'off';
  household?: string;
  protectedUntil?: string;
  reliefApproved?: boolean;
  disconnectedAt?: string;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk: string;
  gsi2sk: string;
}

export interface BillItem {
  pk: string;
  sk: string;
  billId: string;
  accountNo: string;
  month: string;
  amountFen: number;
  dueDate: string;
  paid: boolean;
  paidAt?: string;
  lateFeePaidFen?: number;
  paymentId?: string;
}

export interface PlanItem {
  pk: string;
  sk: 'PLAN';
  accountNo: string;
  months: number;
  totalFen: number;
  createdAt: string;
  schedule: InstallmentLine[];
}

export interface LinkItem {
  pk: string;
  sk: string;
  accountNo: string;
  company: string;
  companyName: string;
  holderMasked: string;
  linkedAt: string;
}

export interface PartAccount {
  accountNo: string;
  holderMasked: string;
  arrearsFen: number;
}

export interface PartItem {
  pk: string;
  sk: string;
  householdId: string;
  company: string;
  companyName: string;
  status: 'pending' | 'approved' | 'rejected';
  appliedAt: string;
  hardship: string;
  accounts: PartAccount[];
  decidedBy?: 'rule' | 'staff';
  decidedAt?: string;
  deciderId?: string;
  reason?: string;
  protectedUntil?: string;
  gsi1pk: string;
  gsi1sk: string;
}

export interface ReliefItem {
  pk: string;
  sk: 'RELIEF';
  hardship: string;
  appliedAt: string;
}

export interface RepairItem extends Omit<RepairView, 'companyName'> {
  pk: string;
  sk: 'REPAIR';
  companyName: string;
  householdId: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
}

export interface PaymentRecord {
  pk: string;
  sk: 'UPAY';
  paymentId: string;
  payerId: string;
  accountNo: string;
  bills: { billId: string; month: string; amountFen: number; lateFeeFen: number }[];
  amountFen: number;
  status: 'pending' | 'paid' | 'cancelled';
  createdAt: string;
}

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
  };
}

export function partView(p: PartItem): ReliefPart {
  return {
    company: p.company,
    companyName: p.companyName,
    status: p.status,
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt,
    reason: p.reason,
    protectedUntil: p.protectedUntil,
    accountNos: p.accounts.map((a) => a.accountNo),
  };
}

export function repairView(r: RepairItem): RepairView {
  return {
    repairId: r.repairId,
    company: r.company,
    companyName: r.companyName,
    address: r.address,
    problem: r.problem,
    description: r.description,
    urgency: r.urgency,
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    note: r.note,
  };
}

/** Splits one Query of an account's partition into the account, its bills (by month) and its plan. */
export function splitAccountPartition(items: Record<string, unknown>[]): {
  account?: AccountItem;
  bills: BillItem[];
  plan?: PlanItem;
} {
  const account = items.find((i) => i.sk === 'ACCOUNT') as AccountItem | undefined;
  const bills = items.filter((i) => String(i.sk).startsWith('BILL#')) as unknown as BillItem[];
  const plan = items.find((i) => i.sk === 'PLAN') as PlanItem | undefined;
  return { account, bills: bills.sort((a, b) => a.month.localeCompare(b.month)), plan };
}
