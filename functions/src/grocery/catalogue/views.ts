import type { CatalogueItem, Category, Slot, StoreSummary } from '@citycare/contract';
import { slotAvailability, type SlotItem } from './rules';

/** Pure: stores, catalogue items and slots as stored, in the contract's shape. */

/** A store as the directory keeps it. */
export function toStore(item: Record<string, unknown>): StoreSummary {
  return {
    storeId: String(item.id),
    name: String(item.name),
    district: String(item.district ?? ''),
    serves: Array.isArray(item.serves) ? item.serves.map(String) : [],
  };
}

/** An item with its category's price cap, when the regulator has published one. */
export function toCatalogueItem(item: Record<string, unknown>, caps: Record<string, number>): CatalogueItem {
  const category = item.category as Category;
  return {
    itemId: String(item.itemId),
    storeId: String(item.storeId),
    name: String(item.name),
    category,
    unit: String(item.unit),
    priceFen: Number(item.priceFen),
    ...(caps[category] !== undefined ? { capFen: caps[category] } : {}),
    stock: Number(item.stock),
    ...(typeof item.dailyLimit === 'number' ? { dailyLimit: item.dailyLimit } : {}),
    ...(typeof item.origin === 'string' ? { origin: item.origin } : {}),
    updatedAt: String(item.updatedAt),
  };
}

export function slotView(s: SlotItem, now: Date): Slot {
  const a = slotAvailability(s, now);
  return {
    slotId: s.slotId,
    storeId: s.storeId,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    cutoffAt: s.cutoffAt,
    capacity: s.capacity,
    reserved: s.reserved,
    booked: s.booked,
    remaining: a.remaining,
    remainingPriority: a.remainingPriority,
    open: a.open,
  };
}
