import { ORDER_STATUS_LABELS, type OrderLine, type OrderStatus } from '@citycare/contract';

/**
 * Pure rules every grocery use case shares: an order's life (who may move it from which state),
 * the households' health colours, pickup codes and list arithmetic. No I/O here; the rules of
 * one use case are in its own folder's rules.ts.
 */

export type HouseholdColour = 'green' | 'yellow' | 'red' | 'unregistered';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

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

const ACTION_WORDS: Record<Action, string> = {
  accept: '接单',
  reject: '拒单',
  prepare: '标记备货完成',
  dispatch: '出发配送',
  deliver: '确认送达',
  cancel: '取消',
};

/** Why an order in `status` cannot take `action`: `订单已接单，不能取消`. */
export const notNowMessage = (status: OrderStatus, action: Action) =>
  `订单${ORDER_STATUS_LABELS[status]}，不能${ACTION_WORDS[action]}`;

/** The entry a step adds to the order's timeline (a one-element list, for `list_append`). */
export const timelineEntry = (status: OrderStatus, now: Date, note?: string) => [
  { status, at: now.toISOString(), ...(note ? { note } : {}) },
];

/** A 6-digit pickup code from a random integer in [0, 1e6). */
export function pickupCode(random: number): string {
  return String(Math.floor(random) % 1_000_000).padStart(6, '0');
}

// ---- lists ----

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

/**
 * 隔离户优先: within each group (a list's slot; one group when not given), orders of red or
 * yellow households (`priority`, set at checkout from the health service) first; otherwise the
 * order the list had (stable), groups in the order they first appear.
 */
export function priorityFirst<T extends { priority: boolean }>(orders: T[], groupOf: (o: T) => string = () => ''): T[] {
  const groups = new Map<string, T[]>();
  for (const o of orders) groups.set(groupOf(o), [...(groups.get(groupOf(o)) ?? []), o]);
  return [...groups.values()].flatMap((g) => [...g.filter((o) => o.priority), ...g.filter((o) => !o.priority)]);
}

/** An order's slot: the groups of a list by slot. */
export const bySlot = (o: { slotId: string }) => o.slotId;
