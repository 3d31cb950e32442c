import { addCityDays, cityDate, cityDaysBetween, cityMidnight, DAY_MS, type InstallmentLine } from '@citycare/contract';

/**
 * Pure relief rules: the window, protection, late fees, installment schedules and name masking.
 * No I/O and no clock: every function takes `now` (or the instant in question) as an argument.
 * Calendar dates are `YYYY-MM-DD` in Asia/Shanghai (UTC+8, no daylight saving).
 */

export interface LateFeeRule {
  /** Fee per day late, in basis points (1/10000) of the bill amount. */
  basisPointsPerDay: number;
  /** The fee never exceeds this share of the bill amount. */
  capPercent: number;
}

export interface ReliefConfig {
  /** First and last day of the relief window, inclusive. */
  startDate: string;
  endDate: string;
  /** Days after the window during which approved accounts stay protected. */
  graceDays: number;
  /** Companies whose accounts are approved at once by rule inside the window. */
  coveredCompanies: string[];
  lateFee: LateFeeRule;
}

export const INSTALLMENT_MONTHS = [3, 6, 12, 24] as const;

/** The window as instants: from the start of its first day to the end of its last (exclusive). */
export function windowBounds(cfg: ReliefConfig): { startsAt: Date; endsAt: Date } {
  return { startsAt: cityMidnight(cfg.startDate), endsAt: cityMidnight(addCityDays(cfg.endDate, 1)) };
}

export function inWindow(cfg: ReliefConfig, at: Date): boolean {
  const { startsAt, endsAt } = windowBounds(cfg);
  return at.getTime() >= startsAt.getTime() && at.getTime() < endsAt.getTime();
}

/** A company's part of an application: approved by rule inside the window for covered companies. */
export function ruleDecision(cfg: ReliefConfig, company: string, at: Date): 'approved' | 'pending' {
  return inWindow(cfg, at) && cfg.coveredCompanies.includes(company) ? 'approved' : 'pending';
}

/**
 * How long approved relief protects an account: to the end of the window plus the grace period;
 * relief approved after the window (by staff) gets the grace period from the decision.
 */
export function protectionEnd(cfg: ReliefConfig, decidedAt: Date): Date {
  const { endsAt } = windowBounds(cfg);
  const from = Math.max(endsAt.getTime(), decidedAt.getTime());
  return new Date(from + cfg.graceDays * DAY_MS);
}

/**
 * Whether an account is protected at `now`. Compares ISO-8601 strings exactly as the database
 * condition on disconnection does (`protectedUntil < :now` means not protected).
 */
export function isProtected(protectedUntil: string | undefined, now: Date): boolean {
  return protectedUntil !== undefined && !(protectedUntil < now.toISOString());
}

export interface BillForFee {
  amountFen: number;
  dueDate: string;
  paid: boolean;
  /** The fee recorded when the bill was paid. */
  lateFeePaidFen?: number;
}

/**
 * The late fee of a bill at `now`: per day after the due date, capped. Waived (0) for bills due
 * inside the window when the account has approved relief. A paid bill keeps the fee it was paid with.
 */
export function lateFee(
  cfg: ReliefConfig,
  bill: BillForFee,
  now: Date,
  reliefApproved: boolean,
): { feeFen: number; waived: boolean } {
  const waived = reliefApproved && bill.dueDate >= cfg.startDate && bill.dueDate <= cfg.endDate;
  if (waived) return { feeFen: 0, waived: true };
  if (bill.paid) return { feeFen: bill.lateFeePaidFen ?? 0, waived: false };
  const late = Math.max(0, cityDaysBetween(bill.dueDate, cityDate(now)));
  const raw = Math.floor((bill.amountFen * cfg.lateFee.basisPointsPerDay * late) / 10000);
  const cap = Math.floor((bill.amountFen * cfg.lateFee.capPercent) / 100);
  return { feeFen: Math.min(raw, cap), waived: false };
}

/** The same day of month `k` months later, clamped to that month's last day (31 Jan + 1 -> 29 Feb 2020). */
export function addMonths(date: string, k: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + k;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Splits `totalFen` into `months` monthly installments, the first due one month after `from`.
 * Amounts differ by at most 1 fen, the larger ones first, and add up exactly to the total.
 */
export function installmentSchedule(totalFen: number, months: number, from: string): InstallmentLine[] {
  if (!Number.isInteger(totalFen) || totalFen <= 0) throw new Error('total must be a positive whole number of fen');
  if (!(INSTALLMENT_MONTHS as readonly number[]).includes(months)) throw new Error(`unsupported plan length ${months}`);
  const base = Math.floor(totalFen / months);
  const extra = totalFen - base * months;
  return Array.from({ length: months }, (_, i) => ({
    n: i + 1,
    dueDate: addMonths(from, i + 1),
    amountFen: base + (i < extra ? 1 : 0),
  }));
}

export type PlanRefusal = 'window-open' | 'no-relief' | 'no-arrears' | 'has-plan' | 'too-small';

export const PLAN_REFUSALS: Record<PlanRefusal, string> = {
  'window-open': '缓缴期内欠费暂不需要缴纳，缓缴期结束后可申请分期',
  'no-relief': '办理分期需要先申请缓缴并获得批准',
  'no-arrears': '该户号没有欠费，无需分期',
  'has-plan': '该户号已经办理了分期',
  'too-small': '欠费金额太少，无需分期',
};

/** Whether arrears may be split now: after the window, relief approved, arrears to split, no plan yet. */
export function planRefusal(
  cfg: ReliefConfig,
  now: Date,
  account: { reliefApproved: boolean; arrearsFen: number },
  hasPlan: boolean,
  months: number = INSTALLMENT_MONTHS[0],
): PlanRefusal | null {
  if (hasPlan) return 'has-plan';
  if (!account.reliefApproved) return 'no-relief';
  if (now.getTime() < windowBounds(cfg).endsAt.getTime()) return 'window-open';
  if (account.arrearsFen <= 0) return 'no-arrears';
  if (account.arrearsFen < months) return 'too-small';
  return null;
}

/** Holder names compare without surrounding or inner spaces. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/** A bill's id: one bill per account and month, so imports are idempotent. */
export const billId = (accountNo: string, month: string) => `${accountNo}-${month}`;

const REPAIR_ORDER = ['submitted', 'received', 'dispatched', 'fixed'] as const;
export type RepairStep = (typeof REPAIR_ORDER)[number];

/** The statuses a repair may move to `next` from: only forward (a step may be skipped). */
export function repairStatusesBefore(next: RepairStep): RepairStep[] {
  return REPAIR_ORDER.slice(0, REPAIR_ORDER.indexOf(next));
}
