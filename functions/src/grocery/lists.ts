import type { Address, OrderLine, OrderStatus, PickListResponse } from '@citycare/contract';
import { isLive } from './rules';

/** Pure list-making: a store's pick list and printable list, and a group order's consolidation. */

export interface PickOrder {
  orderId: string;
  communityId: string;
  address: Address;
  contactName: string;
  contactless: boolean;
  status: OrderStatus;
  lines: Pick<OrderLine, 'itemId' | 'name' | 'unit' | 'qty'>[];
}

export interface ItemTotal {
  itemId: string;
  name: string;
  unit: string;
  qty: number;
}

/** Quantity per item over all lines, in catalogue order of first appearance, largest first. */
export function totalsPerItem(lines: Pick<OrderLine, 'itemId' | 'name' | 'unit' | 'qty'>[]): ItemTotal[] {
  const totals = new Map<string, ItemTotal>();
  for (const l of lines) {
    const t = totals.get(l.itemId);
    if (t) t.qty += l.qty;
    else totals.set(l.itemId, { itemId: l.itemId, name: l.name, unit: l.unit, qty: l.qty });
  }
  return [...totals.values()].sort((a, b) => b.qty - a.qty || a.name.localeCompare(b.name, 'zh'));
}

/** Natural order for building, unit and room numbers: 2 before 10, then text. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'zh', { numeric: true });
}

function groupBy<T>(xs: T[], key: (x: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    out.set(k, [...(out.get(k) ?? []), x]);
  }
  return [...out.entries()].sort(([a], [b]) => naturalCompare(a, b));
}

/** The pick list of a slot: totals per item, and orders by community, building and unit. */
export function pickList(orders: PickOrder[]): Pick<PickListResponse, 'orderCount' | 'totals' | 'communities'> {
  const live = orders.filter((o) => isLive(o.status));
  return {
    orderCount: live.length,
    totals: totalsPerItem(live.flatMap((o) => o.lines)),
    communities: groupBy(live, (o) => o.communityId).map(([communityId, inCommunity]) => ({
      communityId,
      buildings: groupBy(inCommunity, (o) => o.address.building).map(([building, inBuilding]) => ({
        building,
        units: groupBy(inBuilding, (o) => o.address.unit).map(([unit, inUnit]) => ({
          unit,
          orders: [...inUnit]
            .sort((a, b) => naturalCompare(a.address.room, b.address.room))
            .map((o) => ({
              orderId: o.orderId,
              room: o.address.room,
              contactName: o.contactName,
              contactless: o.contactless,
              status: o.status,
              lines: o.lines.map((l) => ({ name: l.name, unit: l.unit, qty: l.qty })),
            })),
        })),
      })),
    })),
  };
}

export interface Share {
  memberId: string;
  household: string;
  contactName: string;
  lines: OrderLine[];
  totalFen: number;
  paid: boolean;
  /** The group order was rejected: its payment refunded (paid) or cancelled. */
  released?: boolean;
}

/** A group order's lines: every household's lines summed per item, priced as they were bought. */
export function consolidate(shares: Share[]): OrderLine[] {
  const byItem = new Map<string, OrderLine>();
  for (const share of shares) {
    for (const l of share.lines) {
      const key = `${l.itemId}@${l.priceFen}`;
      const t = byItem.get(key);
      if (t) {
        t.qty += l.qty;
        t.lineFen += l.lineFen;
      } else byItem.set(key, { ...l, substitution: l.substitution });
    }
  }
  return [...byItem.values()];
}

/** Shares sorted for handing out: by building, unit and room label. */
export function breakdown(shares: Share[]): Share[] {
  return [...shares].sort((a, b) => naturalCompare(a.household, b.household));
}
