import { cityDate, cityMidnight, MAX_LINES_PER_ORDER, type Address, type OrderStatus } from '@citycare/contract';

/**
 * Pure grocery rules: order transitions, slot places and the share held for red/yellow
 * households, price caps, household limits, masking. No I/O here.
 */

export type HouseholdColour = 'green' | 'yellow' | 'red' | 'unregistered';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Lines of scarce (limited) items one order may hold: each takes two counters. */
export const MAX_SCARCE_LINES = 20;

/**
 * Items a checkout transaction writes: per line its stock, per scarce line the household's and
 * the user's daily counters, then the slot, the order, the payment items and the idempotency record.
 */
export function checkoutTransactionSize(lines: number, scarceLines: number, paymentItems = 1): number {
  return lines + 2 * scarceLines + 1 + 1 + paymentItems + 1;
}

/** True when even the largest order, with as many scarce lines as allowed, fits in one transaction. */
export const maxLinesFit = () =>
  checkoutTransactionSize(MAX_LINES_PER_ORDER, MAX_SCARCE_LINES) <= MAX_TRANSACTION_ITEMS;

// ---- red and yellow households ----

export function isPriority(colour: HouseholdColour): boolean {
  return colour === 'red' || colour === 'yellow';
}

export type DeliveryRefusal = 'priority-pickup';

/**
 * Red and yellow households are delivered contactless only and never sent to a pickup point.
 * Everyone else chooses; contactless is the default.
 */
export function deliveryTerms(
  colour: HouseholdColour,
  fulfilment: 'delivery' | 'pickup',
  contactless: boolean,
): { contactless: boolean; priority: boolean } | { refusal: DeliveryRefusal } {
  if (!isPriority(colour)) return { contactless, priority: false };
  if (fulfilment === 'pickup') return { refusal: 'priority-pickup' };
  return { contactless: true, priority: true };
}

/**
 * A group order (卡点购物车) is picked up at the village checkpoint: red and yellow households
 * may not join one; they order alone, delivered contactless.
 */
export function mayJoinGroup(colour: HouseholdColour): boolean {
  return !('refusal' in deliveryTerms(colour, 'pickup', true));
}

// ---- slots ----

/** Places of a slot held back for red/yellow households until its cutoff. */
export function reservedPlaces(capacity: number, share: number): number {
  if (!(share > 0)) return 0;
  return Math.min(capacity, Math.floor(capacity * Math.min(share, 1)));
}

export interface SlotCounts {
  capacity: number;
  reserved: number;
  booked: number;
  /** Orders of households that are not red/yellow: they may fill only capacity - reserved. */
  generalBooked: number;
  cutoffAt: string;
}

export function slotAvailability(
  slot: SlotCounts,
  now: Date,
): { open: boolean; remaining: number; remainingPriority: number } {
  const open = Date.parse(slot.cutoffAt) > now.getTime();
  const remainingPriority = Math.max(0, slot.capacity - slot.booked);
  const remaining = Math.max(0, Math.min(remainingPriority, slot.capacity - slot.reserved - slot.generalBooked));
  return { open, remaining: open ? remaining : 0, remainingPriority: open ? remainingPriority : 0 };
}

/** The condition a booking puts on the slot item, as the transaction enforces it. */
export function slotCondition(priority: boolean): string {
  const base = 'attribute_exists(pk) AND cutoffAt > :now AND booked < #capacity';
  return priority ? base : `${base} AND generalBooked < generalCap`;
}

export type SlotRefusal = 'cutoff-passed' | 'start-before-end' | 'cutoff-after-start' | 'too-far' | 'too-long';

const HOUR = 3600_000;

export function refuseSlot(
  input: { startsAt: string; endsAt: string; cutoffAt: string },
  now: Date,
): SlotRefusal | null {
  const [start, end, cutoff] = [Date.parse(input.startsAt), Date.parse(input.endsAt), Date.parse(input.cutoffAt)];
  if (end <= start) return 'start-before-end';
  if (cutoff > start) return 'cutoff-after-start';
  if (cutoff <= now.getTime()) return 'cutoff-passed';
  if (start - now.getTime() > 14 * 24 * HOUR) return 'too-far';
  if (end - start > 12 * HOUR) return 'too-long';
  return null;
}

/** `2020-02-10T01:00:00.000Z` -> `s202002100100`: slots sort by start time. */
export function slotIdFor(startsAt: string): string {
  const iso = new Date(startsAt).toISOString();
  return `s${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** The slot id of the first slot that starts on or after `at` (for range queries). */
export const slotIdFloor = (at: Date) => slotIdFor(at.toISOString());

// ---- prices ----

export function overCap(priceFen: number, capFen: number | undefined): boolean {
  return capFen === undefined || priceFen > capFen;
}

export function lineTotal(priceFen: number, qty: number): number {
  return priceFen * qty;
}

export function orderTotal(lines: { priceFen: number; qty: number }[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l.priceFen, l.qty), 0);
}

// ---- households and limits ----

/** One household: its normalised address inside its community (address.ts). */
export { householdKey } from './shared/address';

/** `3号楼 2单元 501` */
export function householdLabel(address: Address): string {
  return `${address.building}号楼 ${address.unit}单元 ${address.room}`
    .replace(/号楼号楼/, '号楼')
    .replace(/单元单元/, '单元');
}

/** When a day's limit counters may be deleted (two days after that Shanghai day began). */
export function limitExpiry(day: string): number {
  return Math.floor((cityMidnight(day).getTime() + 2 * 24 * HOUR) / 1000);
}

/** The most the counter may hold before this order for it to still fit the limit. */
export function limitHeadroom(dailyLimit: number, qty: number): number {
  return dailyLimit - qty;
}

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

// ---- group orders ----

/** A group past its cutoff that has not been closed yet is `closing`: it closes by itself shortly. */
export function groupStatus<S extends string>(status: S, cutoffAt: string, now: Date): S | 'closing' {
  return status === 'open' && Date.parse(cutoffAt) <= now.getTime() ? 'closing' : status;
}

// ---- order transitions ----

export type Action = 'accept' | 'reject' | 'prepare' | 'dispatch' | 'deliver' | 'cancel';

/** Who may take each action, and from which states. */
export const TRANSITIONS: Record<Action, { from: OrderStatus[]; to: OrderStatus; by: 'store' | 'worker' | 'owner' }> = {
  accept: { from: ['placed'], to: 'accepted', by: 'store' },
  reject: { from: ['placed'], to: 'rejected', by: 'store' },
  prepare: { from: ['accepted'], to: 'prepared', by: 'store' },
  dispatch: { from: ['prepared'], to: 'out-for-delivery', by: 'worker' },
  deliver: { from: ['prepared', 'out-for-delivery'], to: 'delivered', by: 'worker' },
  cancel: { from: ['placed'], to: 'cancelled', by: 'owner' },
};

export function nextStatus(status: OrderStatus, action: Action): OrderStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Orders whose stock and slot are still held (the ones a pick list counts). */
export function isLive(status: OrderStatus): boolean {
  return status !== 'cancelled' && status !== 'rejected';
}

// ---- pickup codes and masking ----

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

/** Wrong codes still allowed after `fails` of them (0 once locked). */
export function codeTriesLeft(fails: number): number {
  return Math.max(0, MAX_CODE_FAILS - fails);
}

/** A 6-digit pickup code from a random integer in [0, 1e6). */
export function pickupCode(random: number): string {
  return String(Math.floor(random) % 1_000_000).padStart(6, '0');
}
