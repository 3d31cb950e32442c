import { cityDate, type OrderStatus } from '@citycare/contract';
import type { Refused } from '../refusals';
import { nextStatus, notNowMessage, type Action } from '../rules';
import { userLimitSubject } from '../keys';

/**
 * Pure rules of giving an order up (the resident cancels, the store rejects): what it holds and
 * gives back, the payment state it ends in, and what to say when it moved on meanwhile.
 */

/**
 * Whether releasing an order gives its scarce items back to the household's counter of `day`:
 * only on that same (Shanghai) day. A past day's counter no longer limits anything, and may
 * already be gone by TTL.
 */
export function givesBackLimits(day: string, now: Date): boolean {
  return day === cityDate(now);
}

/** Sums quantities per key (one transaction may write an item only once). */
export function sumBy<T>(
  xs: T[],
  key: (x: T) => string,
  qty: (x: T) => number,
): Map<string, { first: T; qty: number }> {
  const out = new Map<string, { first: T; qty: number }>();
  for (const x of xs) {
    const k = key(x);
    const seen = out.get(k);
    if (seen) seen.qty += qty(x);
    else out.set(k, { first: x, qty: qty(x) });
  }
  return out;
}

export interface HeldLimit {
  day: string;
  /** The counter's subject: a household key, or a user's (keys.userLimitSubject). */
  household: string;
  itemId: string;
  qty: number;
}

/** The day's counters an order or share holds: per scarce line, the household's and (when counted) the user's. */
export function heldCounters(
  lines: { itemId: string; qty: number; dailyLimit?: number }[],
  day: string,
  household: string,
  userId: string,
  userCounted: boolean | undefined,
): HeldLimit[] {
  const subjects = userCounted ? [household, userLimitSubject(userId)] : [household];
  const scarce = lines.filter((l) => l.dailyLimit !== undefined);
  return subjects.flatMap((subject) => scarce.map((l) => ({ day, household: subject, itemId: l.itemId, qty: l.qty })));
}

/** The scarce-item counters a household's share of a group holds (none for shares from before counters). */
export function heldByShare(s: {
  lines: { itemId: string; qty: number; dailyLimit?: number }[];
  householdKey?: string;
  day?: string;
  userId: string;
  userCounted?: boolean;
}): HeldLimit[] {
  if (!s.householdKey || !s.day) return [];
  return heldCounters(s.lines, s.day, s.householdKey, s.userId, s.userCounted);
}

type PaymentState = 'pending' | 'paid' | 'cancelled' | 'refunding' | 'refunded';

/** A single order's payment once released: refunded when paid, cancelled when pending. */
export function releasedPaymentState(state: PaymentState, refundLater = false): PaymentState {
  if (state === 'paid') return refundLater ? 'refunding' : 'refunded';
  return state === 'pending' ? 'cancelled' : state;
}

/**
 * `refundLater`: WeChat Pay refunds (paid → refunding; its REFUND.SUCCESS makes it refunded).
 * A group order's: refunded when any household paid its share, else cancelled. */
export const releasedGroupPaymentState = (shares: { paid: boolean }[], refundLater = false): PaymentState =>
  shares.some((s) => s.paid) ? (refundLater ? 'refunding' : 'refunded') : 'cancelled';

/** Only an order the store has not accepted may be cancelled or rejected. */
export function refuseRelease(status: OrderStatus, action: Action): Refused | null {
  return nextStatus(status, action) ? null : { code: 'CONFLICT', message: notNowMessage(status, action) };
}

/**
 * What to say when the release lost a race (its transaction's conditions no longer held): the
 * order moved on, was paid, or — for a group — a household paid its share meanwhile.
 */
export function explainLostRace(
  order: { status: OrderStatus; paymentState: PaymentState; kind: 'single' | 'group' },
  current: { status: OrderStatus; paymentState: PaymentState } | undefined,
  action: Action,
): Refused | null {
  if (current && current.status !== order.status) {
    return { code: 'CONFLICT', message: notNowMessage(current.status, action) };
  }
  if (current && current.paymentState !== order.paymentState) {
    return { code: 'CONFLICT', message: '这笔订单刚刚付了款，请刷新后再试' };
  }
  if (order.kind === 'group') return { code: 'CONFLICT', message: '团购里有居民刚刚付了款，请刷新后再拒单' };
  return null;
}
