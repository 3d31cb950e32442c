import type { InstallmentLine, RepairView, UtilityKind } from '@citycare/contract';

/** The shapes stored in the utility table (their keys: keys.ts; how they are shown: views.ts and each use case's). */

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
  /** The pending WeChat Pay payment holding this bill (one at a time), until it is paid or lapses. */
  payingId?: string;
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

/** One bill a payment pays: its amount and the late fee charged with it. */
export interface PayLine {
  billId: string;
  accountNo: string;
  month: string;
  amountFen: number;
  lateFeeFen: number;
}

/**
 * What a payment pays for (the domain's side of a WeChat Pay payment, same id): a resident's
 * bills of one account, or a community worker's bills of several households.
 */
export interface PaymentRecord {
  pk: string;
  sk: 'UPAY';
  paymentId: string;
  payerId: string;
  purpose: 'utility-bill' | 'utility-bulk';
  /** The account (a resident's payment) or the first household's (a bulk payment). */
  accountNo: string;
  /** A bulk payment's community. */
  community?: string;
  bills: PayLine[];
  amountFen: number;
  status: 'pending' | 'paid' | 'cancelled';
  createdAt: string;
  /** When its WeChat Pay order lapses unpaid (WeChat Pay's time_expire). */
  expiresAt: string;
  /** The request that made it (a hash), so a reused Idempotency-Key with another request is refused. */
  request: string;
  paidAt?: string;
  cancelledAt?: string;
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
