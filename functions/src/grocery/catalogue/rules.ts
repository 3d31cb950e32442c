import type { SlotInput, StoreSummary } from '@citycare/contract';
import type { Refused } from '../refusals';
import { slotKey } from '../keys';

/**
 * Pure rules of the catalogue: which stores serve a community, price caps, delivery slots and
 * the share of their places held for red/yellow households. No I/O here.
 */

// ---- stores ----

/** A store must exist and deliver to the community an order or group is for. */
export function refuseStore(store: StoreSummary | undefined, communityId: string): Refused | null {
  if (!store) return { code: 'NOT_FOUND', message: '没有这家商户' };
  if (!store.serves.includes(communityId)) {
    return { code: 'UNPROCESSABLE', message: `${store.name} 不给这个社区配送` };
  }
  return null;
}

// ---- prices ----

/** True when a price breaks its category's cap (no cap published: nothing may be listed). */
export function overCap(priceFen: number, capFen: number | undefined): boolean {
  return capFen === undefined || priceFen > capFen;
}

/** The same rule as the condition on the cap item that saving an item's price carries. */
export const WITHIN_CAP = 'attribute_exists(pk) AND capFen >= :price';

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

export type SlotRefusal = 'cutoff-passed' | 'start-before-end' | 'cutoff-after-start' | 'too-far' | 'too-long';

export const SLOT_REFUSALS: Record<SlotRefusal, string> = {
  'cutoff-passed': '截单时间已经过了，请设在以后',
  'start-before-end': '结束时间必须晚于开始时间',
  'cutoff-after-start': '截单时间不能晚于开始时间',
  'too-far': '只能设置 14 天以内的配送时段',
  'too-long': '一个配送时段不能超过 12 小时',
};

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

/** Slots and their orders are listed from yesterday on (the store still works on yesterday's late orders). */
export const listedFrom = (now: Date) => slotIdFloor(new Date(now.getTime() - 24 * HOUR));

export interface SlotItem {
  storeId: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  capacity: number;
  reserved: number;
  generalCap: number;
  booked: number;
  generalBooked: number;
}

/** A new slot as stored: its places, the share of them held for red/yellow households, none booked. */
export function newSlotItem(storeId: string, input: SlotInput, share: number): SlotItem & { pk: string; sk: string } {
  const slotId = slotIdFor(input.startsAt);
  const reserved = reservedPlaces(input.capacity, share);
  return {
    ...slotKey(storeId, slotId),
    storeId,
    slotId,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    cutoffAt: new Date(input.cutoffAt).toISOString(),
    capacity: input.capacity,
    reserved,
    generalCap: input.capacity - reserved,
    booked: 0,
    generalBooked: 0,
  };
}
