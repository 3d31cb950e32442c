import { addCityDays, cityDate, cityDaysBetween, cityMidnight } from '@citycare/contract';

/**
 * The relief rules every use case shares: the window, protection, late fees. Pure: no I/O and
 * no clock (every function takes `now`, or the instant in question). Calendar dates are
 * `YYYY-MM-DD` in Asia/Shanghai. A use case's own rules are in its folder's rules.ts.
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

/** The window as instants: from the start of its first day to the end of its last (exclusive). */
export function windowBounds(cfg: ReliefConfig): { startsAt: Date; endsAt: Date } {
  return { startsAt: cityMidnight(cfg.startDate), endsAt: cityMidnight(addCityDays(cfg.endDate, 1)) };
}

export function inWindow(cfg: ReliefConfig, at: Date): boolean {
  const { startsAt, endsAt } = windowBounds(cfg);
  return at.getTime() >= startsAt.getTime() && at.getTime() < endsAt.getTime();
}

/**
 * Whether an account is protected at `now`. Compares ISO-8601 strings exactly as the database
 * condition on disconnection does (`protectedUntil < :now` means not protected).
 */
export function isProtected(protectedUntil: string | undefined, now: Date): boolean {
  return protectedUntil !== undefined && !(protectedUntil < now.toISOString());
}

/**
 * Why no account may be disconnected for arrears at `now` (欠费不关阀), or undefined when it may:
 * inside the relief window nobody's supply is cut, whether the household applied or not (until:
 * the window's exclusive end); after it, an account stays protected while its approved relief
 * lasts (until: its `protectedUntil`, window end plus grace). The disconnection's own condition
 * (staff/storage.ts) is the twin of this rule.
 */
export type DisconnectHold = { why: 'window' | 'relief'; until: string };

export function disconnectHold(
  cfg: ReliefConfig,
  protectedUntil: string | undefined,
  now: Date,
): DisconnectHold | undefined {
  if (inWindow(cfg, now)) return { why: 'window', until: windowBounds(cfg).endsAt.toISOString() };
  if (protectedUntil !== undefined && isProtected(protectedUntil, now)) return { why: 'relief', until: protectedUntil };
  return undefined;
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
