import { ORDER_STATUS_LABELS } from '@citycare/contract';
import { AppError, conflict } from '../lib/errors';
import { metric } from '../lib/metrics';
import { payments } from './wiring';
import { groceryConfig } from './shared/config';
import { limitKey, orderKey, shareKey, slotKey, storeItemKey, userLimitSubject } from './shared/keys';
import { givesBackLimits, sumBy } from './release/rules';
import { MAX_TRANSACTION_ITEMS, nextStatus, TRANSITIONS } from './shared/rules';
import { sharesOf } from './groups/storage';
import type { ShareItem } from './groups/views';
import { ACTION_WORDS, timelineEntry } from './store-orders';
// eslint-disable-next-line import-x/no-cycle -- known cycle with store-group-release.ts, removed by the grocery use-case restructuring
import { releaseLargeGroup } from './store-group-release';
import { commit, getOrder, type Tagged } from './shared/storage';
import type { OrderItem } from './shared/views';

/**
 * Cancel (the resident) or reject (the store) an order the store has not accepted. One
 * transaction gives back everything the order holds: its stock, its slot place, the household
 * counters of its scarce items, and its payment (a pending one cancelled, a paid one refunded).
 * A group order gives back every household's counters and payments — in batches, each whole,
 * when it has more households than one transaction holds (store-group-release.ts).
 */

const table = () => groceryConfig.table;
export const tag = (item: Tagged['item']): Tagged => ({ tag: { kind: 'order' }, item });

type Released = OrderItem['paymentState'];

/** Stock of each item, once per item however many lines name it. */
export function stockItems(storeId: string, lines: { itemId: string; qty: number }[]): Tagged[] {
  return [
    ...sumBy(
      lines,
      (l) => l.itemId,
      (l) => l.qty,
    ).entries(),
  ].map(([itemId, { qty }]) =>
    tag({
      Update: {
        TableName: table(),
        Key: storeItemKey(storeId, itemId),
        UpdateExpression: 'ADD stock :q',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':q': qty },
      },
    }),
  );
}

export interface HeldLimit {
  day: string;
  /** The counter's subject: a household key, or a user's (keys.userLimitSubject). */
  household: string;
  itemId: string;
  qty: number;
}

/** Today's household counters of scarce lines, once per counter. */
export function limitItems(storeId: string, held: HeldLimit[], now: Date): Tagged[] {
  const today = held.filter((h) => givesBackLimits(h.day, now));
  const counters = sumBy(
    today,
    (h) => `${h.day}|${h.household}|${h.itemId}`,
    (h) => h.qty,
  );
  return [...counters.values()].map(({ first: h, qty }) =>
    tag({
      Update: {
        TableName: table(),
        Key: limitKey(h.day, h.household, storeId, h.itemId),
        UpdateExpression: 'ADD n :minus',
        ConditionExpression: 'n >= :q',
        ExpressionAttributeValues: { ':minus': -qty, ':q': qty },
      },
    }),
  );
}

export function slotItem(order: OrderItem): Tagged {
  return tag({
    Update: {
      TableName: table(),
      Key: slotKey(order.storeId, order.slotId),
      UpdateExpression: order.general ? 'ADD booked :minus, generalBooked :minus' : 'ADD booked :minus',
      ConditionExpression: 'booked > :zero',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    },
  });
}

/** A payment given back: refunded when paid, cancelled when still pending. */
function paymentItems(paymentId: string, paid: boolean, amountFen: number, now: Date): Tagged[] {
  const provider = payments();
  const items = paid ? provider.refundItems(paymentId, amountFen, now) : provider.cancelItems(paymentId, now);
  return items.map(tag);
}

/** Each household's share of a group order: its payment, and the share marked released. */
export function shareItems(share: ShareItem, now: Date): Tagged[] {
  return [
    ...paymentItems(share.paymentId, share.paid, share.totalFen, now),
    tag({
      Update: {
        TableName: table(),
        Key: shareKey(share.groupId, share.memberId),
        UpdateExpression: 'SET released = :yes, releasedAt = :now',
        ConditionExpression: 'paid = :paid AND attribute_not_exists(released)',
        ExpressionAttributeValues: { ':yes': true, ':now': now.toISOString(), ':paid': share.paid },
      },
    }),
  ];
}

/** The day's counters an order or share holds: per scarce line, the household's and (when counted) the user's. */
function heldCounters(
  lines: { itemId: string; qty: number; dailyLimit?: number }[],
  day: string,
  subjects: string[],
): HeldLimit[] {
  const scarce = lines.filter((l) => l.dailyLimit !== undefined);
  return subjects.flatMap((household) => scarce.map((l) => ({ day, household, itemId: l.itemId, qty: l.qty })));
}

const subjectsOf = (household: string, userId: string, userCounted: boolean | undefined) =>
  userCounted ? [household, userLimitSubject(userId)] : [household];

/** The scarce-item counters a household's share of a group holds. */
export function heldByShare(s: ShareItem): HeldLimit[] {
  if (!s.householdKey || !s.day) return [];
  return heldCounters(s.lines, s.day, subjectsOf(s.householdKey, s.userId, s.userCounted));
}

/** What the order holds besides its own item, and the payment state it ends in. */
async function heldBy(order: OrderItem, now: Date): Promise<{ items: Tagged[]; paymentState: Released }> {
  if (order.kind === 'single') {
    const paid = order.paymentState === 'paid';
    const held = heldCounters(order.lines, order.day, subjectsOf(order.household, order.userId, order.userCounted));
    return {
      items: [
        ...stockItems(order.storeId, order.lines),
        ...limitItems(order.storeId, held, now),
        slotItem(order),
        ...(order.paymentState === 'pending' || paid ? paymentItems(order.paymentId, paid, order.totalFen, now) : []),
      ],
      paymentState: paid ? 'refunded' : order.paymentState === 'pending' ? 'cancelled' : order.paymentState,
    };
  }
  const shares = (await sharesOf(order.groupId ?? '')).filter((s) => !s.released);
  const held = shares.flatMap(heldByShare);
  return {
    items: [
      ...stockItems(order.storeId, order.lines),
      ...limitItems(order.storeId, held, now),
      slotItem(order),
      ...shares.flatMap((s) => shareItems(s, now)),
    ],
    paymentState: shares.some((s) => s.paid) ? 'refunded' : 'cancelled',
  };
}

export async function release(
  order: OrderItem,
  action: 'cancel' | 'reject',
  now: Date,
  reason?: string,
): Promise<OrderItem> {
  const to = TRANSITIONS[action].to;
  if (!nextStatus(order.status, action)) {
    throw conflict(`订单${ORDER_STATUS_LABELS[order.status]}，不能${ACTION_WORDS[action]}`);
  }
  const { items, paymentState } = await heldBy(order, now);
  const orderUpdate = tag({
    Update: {
      TableName: table(),
      Key: orderKey(order.orderId),
      UpdateExpression: `SET #s = :to, timeline = list_append(timeline, :entry), paymentState = :released${reason ? ', rejectReason = :reason' : ''}`,
      ConditionExpression: '#s = :placed AND paymentState = :payState',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':to': to,
        ':placed': 'placed',
        ':payState': order.paymentState,
        ':entry': timelineEntry(to, now, reason),
        ':released': paymentState,
        ...(reason ? { ':reason': reason } : {}),
      },
    },
  });
  const tagged = [orderUpdate, ...items];
  // Too many households for one transaction: the order and what it holds at the store first,
  // then the households' shares in batches (store-group-release.ts).
  const large = tagged.length > MAX_TRANSACTION_ITEMS && order.kind === 'group';
  try {
    if (large) await releaseLargeGroup(order, orderUpdate, now);
    else await commit(tagged, now);
  } catch (err) {
    // The order moved on meanwhile (accepted, paid, a household paid its share): say so.
    if (err instanceof AppError && err.code === 'TRY_AGAIN') {
      const current = await getOrder(order.orderId);
      if (current && current.status !== order.status) {
        throw conflict(`订单${ORDER_STATUS_LABELS[current.status]}，不能${ACTION_WORDS[action]}`);
      }
      if (current && current.paymentState !== order.paymentState) throw conflict('这笔订单刚刚付了款，请刷新后再试');
      if (order.kind === 'group') throw conflict('团购里有居民刚刚付了款，请刷新后再拒单');
    }
    throw err;
  }
  if (action === 'cancel') metric('GroceryOrdersCancelled');
  return {
    ...order,
    status: to,
    timeline: [...order.timeline, ...timelineEntry(to, now, reason)],
    paymentState: large ? ((await getOrder(order.orderId))?.paymentState ?? paymentState) : paymentState,
    ...(reason ? { rejectReason: reason } : {}),
  };
}
