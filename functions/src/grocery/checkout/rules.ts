import { cityMidnight, MAX_LINES_PER_ORDER, type OrderLine, type StoreSummary } from '@citycare/contract';
import { refuseStore } from '../catalogue/rules';
import type { Refused } from '../refusals';
import { MAX_TRANSACTION_ITEMS, type HouseholdColour } from '../rules';

/**
 * Pure rules of checkout: what one order may hold, red and yellow households, the slot's places,
 * household limits on scarce items, prices and totals. No I/O here. The ones a transaction must
 * enforce against concurrent orders are also written as its condition expressions, beside them.
 */

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

// ---- the order's store and slot ----

/**
 * Whether an order may be placed at all, and on which terms: delivery terms the household may
 * have, a store that serves its community, a slot that exists and has not passed its cutoff.
 * The slot's places are checked by the booking's own condition (`slotCondition`).
 */
export function checkoutTerms<S extends { cutoffAt: string }>(
  colour: HouseholdColour,
  order: { fulfilment: 'delivery' | 'pickup'; contactless: boolean; communityId: string },
  store: StoreSummary | undefined,
  slot: S | undefined,
  now: Date,
): { contactless: boolean; priority: boolean; store: StoreSummary; slot: S } | Refused {
  const terms = deliveryTerms(colour, order.fulfilment, order.contactless);
  if ('refusal' in terms) {
    return { code: 'UNPROCESSABLE', message: '您家正在居家观察，只能送货上门、无接触交接，请选择“送货上门”' };
  }
  const storeRefusal = refuseStore(store, order.communityId);
  if (storeRefusal || !store) return storeRefusal ?? { code: 'NOT_FOUND', message: '没有这家商户' };
  if (!slot) return { code: 'NOT_FOUND', message: '没有这个配送时段，请刷新后重新选择' };
  if (Date.parse(slot.cutoffAt) <= now.getTime()) {
    return { code: 'UNPROCESSABLE', message: '这个时段已过截单时间，请选择其他时段' };
  }
  return { ...terms, store, slot };
}

/** The condition a booking puts on the slot item, as the transaction enforces it. */
export function slotCondition(priority: boolean): string {
  const base = 'attribute_exists(pk) AND cutoffAt > :now AND booked < #capacity';
  return priority ? base : `${base} AND generalBooked < generalCap`;
}

// ---- prices and household limits ----

export interface CatalogueRow {
  itemId: string;
  name: string;
  unit: string;
  category: OrderLine['category'];
  priceFen: number;
  stock: number;
  dailyLimit?: number;
}

export type PricedLine = OrderLine & { dailyLimit?: number };

/** Lines priced from the catalogue; refuses unknown items and quantities over a household limit. */
export function priceLines(
  lines: { itemId: string; qty: number; substitution: OrderLine['substitution'] }[],
  items: Map<string, CatalogueRow>,
): { lines: PricedLine[] } | Refused {
  const scarce = lines.filter((l) => items.get(l.itemId)?.dailyLimit !== undefined).length;
  if (scarce > MAX_SCARCE_LINES) {
    return { code: 'UNPROCESSABLE', message: `每单最多 ${MAX_SCARCE_LINES} 种限购商品，请分成几单下` };
  }
  const priced: PricedLine[] = [];
  for (const l of lines) {
    const row = items.get(l.itemId);
    if (!row) return { code: 'NOT_FOUND', message: `商品 ${l.itemId} 不存在或已下架，请刷新后再下单` };
    if (row.dailyLimit !== undefined && l.qty > row.dailyLimit) {
      return { code: 'UNPROCESSABLE', message: `${row.name} 每户每天限购 ${row.dailyLimit}${row.unit}` };
    }
    priced.push({
      itemId: row.itemId,
      name: row.name,
      unit: row.unit,
      category: row.category,
      priceFen: row.priceFen,
      qty: l.qty,
      substitution: l.substitution,
      lineFen: lineTotal(row.priceFen, l.qty),
      ...(row.dailyLimit !== undefined ? { dailyLimit: row.dailyLimit } : {}),
    });
  }
  return { lines: priced };
}

export function lineTotal(priceFen: number, qty: number): number {
  return priceFen * qty;
}

export function orderTotal(lines: { priceFen: number; qty: number }[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l.priceFen, l.qty), 0);
}

/** When a day's limit counters may be deleted (two days after that Shanghai day began). */
export function limitExpiry(day: string): number {
  return Math.floor((cityMidnight(day).getTime() + 2 * 24 * 3600_000) / 1000);
}

/** The most the counter may hold before this order for it to still fit the limit. */
export function limitHeadroom(dailyLimit: number, qty: number): number {
  return dailyLimit - qty;
}

/** The condition on a day's counter of a scarce item: with this order it stays within the limit (`:max`). */
export const WITHIN_LIMIT = 'attribute_not_exists(n) OR n <= :max';
