import { ORDER_STATUS_LABELS, type Collected, type OrderStatus } from '@citycare/contract';
import type { Refused } from '../refusals';
import { nextStatus } from '../rules';

/**
 * Pure rules of delivery: when a delivery happened, the pickup code and its lock after too many
 * wrong codes, pay on delivery collected at the door, and why a confirmation did not apply. No I/O here. The confirmation's own
 * transaction enforces the same rules as conditions (`NOT_LOCKED`, `READY_BEFORE`, below).
 */

// ---- when it was delivered ----

/**
 * When a delivery happened, judged by the server. A worker's phone may confirm offline and sync
 * later, so the time it says is kept, but only inside bounds: not in the future (beyond a
 * small clock skew, which is clamped to now), not older than the offline window, and (checked
 * in the write's own condition) not before the order was made ready or sent out.
 */
export const CLOCK_SKEW_SECONDS = 120;

export type DeliveryTime = { ok: true; at: Date } | { ok: false; message: string };

export function deliveryTime(claimed: Date | undefined, now: Date, offlineWindowHours: number): DeliveryTime {
  if (!claimed) return { ok: true, at: now };
  const ahead = claimed.getTime() - now.getTime();
  if (ahead > CLOCK_SKEW_SECONDS * 1000) {
    return { ok: false, message: '确认时间晚于当前时间，请检查手机时间后重新确认' };
  }
  if (now.getTime() - claimed.getTime() > offlineWindowHours * 3600_000) {
    return {
      ok: false,
      message: `这条送达确认已超过 ${offlineWindowHours} 小时未同步，请当面重新核对取货码`,
    };
  }
  return { ok: true, at: ahead > 0 ? now : claimed };
}

/** A delivery confirmed before the order was ready (prepared or sent out) cannot be true. */
const BEFORE_READY_MESSAGE = '确认时间早于订单备好或出发的时间，请核对后重新确认';

/** Not delivered before it was made ready or sent out (orders from before readyAt existed pass). */
export const READY_BEFORE = '(attribute_not_exists(readyAt) OR readyAt <= :at)';

// ---- pickup codes ----

/** Wrong pickup codes allowed for one order before confirmations are refused for a while. */
export const MAX_CODE_FAILS = 5;
export const CODE_LOCK_MINUTES = 30;

export interface CodeFails {
  codeFails?: number;
  lastCodeFailAt?: string;
}

/** The earliest last wrong attempt that still keeps an order locked. */
export const codeLockStart = (now: Date) => new Date(now.getTime() - CODE_LOCK_MINUTES * 60_000);

/**
 * Minutes until confirmations are accepted again (0: not locked). Locked once MAX_CODE_FAILS
 * wrong codes were entered and the last one is less than CODE_LOCK_MINUTES old; after that
 * each further wrong code locks it again.
 */
export function codeLockMinutes(o: CodeFails, now: Date): number {
  if ((o.codeFails ?? 0) < MAX_CODE_FAILS || !o.lastCodeFailAt) return 0;
  const left = Date.parse(o.lastCodeFailAt) + CODE_LOCK_MINUTES * 60_000 - now.getTime();
  return left >= 0 ? Math.max(1, Math.ceil(left / 60_000)) : 0;
}

/** `codeLockMinutes` as a condition: fewer than the allowed wrong codes, or the last one long enough ago. */
export const NOT_LOCKED = '(attribute_not_exists(codeFails) OR codeFails < :maxFails OR lastCodeFailAt < :lockStart)';

/** Wrong codes still allowed after `fails` of them (0 once locked). */
export function codeTriesLeft(fails: number): number {
  return Math.max(0, MAX_CODE_FAILS - fails);
}

export const lockedMessage = (fails: number, minutes: number) =>
  `取货码已输错 ${fails} 次，为保护居民，这笔订单暂停核对，请约 ${minutes} 分钟后再试，或请居民在手机上核对取货码`;

export function wrongCodeMessage(fails: number): string {
  const left = codeTriesLeft(fails);
  return left > 0
    ? `取货码不对，请让居民再核对一下（还可以再试 ${left} 次）`
    : `取货码不对，已输错 ${fails} 次，这笔订单暂停核对 ${CODE_LOCK_MINUTES} 分钟`;
}

// ---- pay on delivery: 已收款 at the door ----

/**
 * A pay-on-delivery order is confirmed only with the money collected at the door (cash, or the
 * resident scanning the worker's collection code), in the same transaction: a delivered
 * pay-on-delivery order always has its money recorded. A prepaid order (or a group order, whose
 * shares are prepaid) takes no collection. The amount is the order's total, read by the server.
 */
export interface Payable {
  paymentMethod: 'on-delivery' | 'prepaid';
  paymentState: string;
}

export function whyNotCollected(order: Payable, collected: Collected | undefined): Refused | null {
  if (order.paymentMethod !== 'on-delivery') {
    return collected ? { code: 'CONFLICT', message: '这笔订单已在线支付，不用再收款' } : null;
  }
  if (!collected) {
    return {
      code: 'UNPROCESSABLE',
      message: '这是货到付款的订单：请先向居民收款，选好收款方式（现金或扫码）再确认送达',
    };
  }
  if (order.paymentState !== 'pending') return { code: 'CONFLICT', message: '这笔订单已经收过款了' };
  return null;
}

/** `whyNotCollected` as the confirmation's condition: collecting (with the amount read) or not. */
export const COLLECTING = 'paymentMethod = :cod AND paymentState = :pending AND totalFen = :amount';
export const NOT_COLLECTING = 'paymentMethod <> :cod';

// ---- why a confirmation did not apply ----

export interface Confirming {
  communities: string[];
  code: string;
  /** Pay on delivery: how the money was collected at the door. */
  collected?: Collected;
  /** When it was delivered (ISO), as judged by `deliveryTime`. */
  deliveredAt: string;
  now: Date;
}

/**
 * Why a confirmation was refused, read off the order as it is now: a refusal to give, or
 * `wrong-code` (to be counted), or `code-matches` (nothing to blame: it lost a race).
 */
export function whyNotDelivered(
  order: CodeFails & Payable & { communityId: string; status: OrderStatus; readyAt?: string; pickupCode: string },
  c: Confirming,
): Refused | 'wrong-code' | 'code-matches' {
  if (!c.communities.includes(order.communityId)) return { code: 'FORBIDDEN', message: '这不是您负责社区的订单' };
  if (order.status === 'delivered') return { code: 'CONFLICT', message: '这笔订单已经确认送达了' };
  if (!nextStatus(order.status, 'deliver')) {
    return { code: 'CONFLICT', message: `订单${ORDER_STATUS_LABELS[order.status]}，还不能确认送达` };
  }
  const payment = whyNotCollected(order, c.collected);
  if (payment) return payment;
  const locked = codeLockMinutes(order, c.now);
  if (locked > 0) return { code: 'RATE_LIMITED', message: lockedMessage(order.codeFails ?? 0, locked) };
  if (order.readyAt && order.readyAt > c.deliveredAt) return { code: 'UNPROCESSABLE', message: BEFORE_READY_MESSAGE };
  return order.pickupCode === c.code ? 'code-matches' : 'wrong-code';
}
