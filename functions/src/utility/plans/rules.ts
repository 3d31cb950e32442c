import type { InstallmentLine } from '@citycare/contract';
import { windowBounds, type ReliefConfig } from '../rules';

/** Installment plans after the window (POST /utility/accounts/{accountNo}/plan). Pure. */

export const INSTALLMENT_MONTHS = [3, 6, 12, 24] as const;

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
