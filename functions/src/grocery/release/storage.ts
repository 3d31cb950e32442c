import { log } from '../../lib/log';
import { metric } from '../../lib/metrics';
import { CONFLICT, retryOnConflict } from '../../lib/dynamo';
import { AppError } from '../../lib/errors';
import { freeSlot } from '../checkout/storage';
import { sharesOf } from '../groups/storage';
import type { ShareItem } from '../groups/rules';
import { groceryConfig } from '../config';
import { orderKey, releaseMarker, releaseMarkerKey, shareKey } from '../keys';
import { refuse } from '../refusals';
import { MAX_TRANSACTION_ITEMS, TRANSITIONS, timelineEntry } from '../rules';
import { commit, getOrder, tagAll, type Tagged } from '../storage';
import type { OrderItem } from '../views';
import { askRefund, closeBeforeRelease } from '../paying/cashier';
import { payments } from '../wiring';
import { returnLimits, returnStock } from './give-back';
import {
  explainLostRace,
  heldByShare,
  heldCounters,
  refuseRelease,
  releasedGroupPaymentState,
  releasedPaymentState,
} from './rules';

/**
 * Cancel (the resident) or reject (the store) an order the store has not accepted. One
 * transaction gives back everything the order holds: its stock, its slot place, the household
 * counters of its scarce items, and its payment (a pending one cancelled, a paid one refunded).
 * A group order gives back every household's counters and payments — in batches, each whole,
 * when it has more households than one transaction holds (`releaseLargeGroup`).
 */

const table = () => groceryConfig.table;
const tag = (item: Tagged['item']): Tagged => ({ tag: { kind: 'order' }, item });

/** A payment given back: refunded when paid, cancelled when still pending. */
function returnPayment(paymentId: string, paid: boolean, amountFen: number, now: Date): Tagged[] {
  const provider = payments();
  return tagAll('order', paid ? provider.refundItems(paymentId, amountFen, now) : provider.cancelItems(paymentId, now));
}

/** Each household's share of a group order: its payment, and the share marked released. */
function releaseShare(share: ShareItem, now: Date): Tagged[] {
  const later = payments().name === 'wechat-pay';
  return [
    ...returnPayment(share.paymentId, share.paid, share.totalFen, now),
    tag({
      Update: {
        TableName: table(),
        Key: shareKey(share.groupId, share.memberId),
        UpdateExpression: 'SET released = :yes, releasedAt = :now, paymentState = :state',
        ConditionExpression: 'paid = :paid AND attribute_not_exists(released)',
        ExpressionAttributeValues: {
          ':yes': true,
          ':now': now.toISOString(),
          ':paid': share.paid,
          ':state': share.paid ? (later ? 'refunding' : 'refunded') : 'cancelled',
        },
      },
    }),
  ];
}

/** WeChat Pay refunds of a group order's shares now in flight; each REFUND.SUCCESS counts one down. */
const refundsInFlight = (shares: ShareItem[]) =>
  payments().name === 'wechat-pay' ? shares.filter((s) => s.paid).length : 0;

/** What the order holds besides its own item, and the payment state it ends in. */
async function heldBy(
  order: OrderItem,
  now: Date,
): Promise<{ items: Tagged[]; paymentState: OrderItem['paymentState']; refunds: string[] }> {
  const later = payments().name === 'wechat-pay';
  if (order.kind === 'single') {
    const { paymentState } = order;
    const held = heldCounters(order.lines, order.day, order.household, order.userId, order.userCounted);
    // Pay on delivery has no payment before the door (delivery/collect).
    const settled = order.paymentMethod === 'prepaid' && (paymentState === 'pending' || paymentState === 'paid');
    return {
      items: [
        ...returnStock(order.storeId, order.lines),
        ...returnLimits(order.storeId, held, now),
        freeSlot(order.storeId, order.slotId, order.general),
        ...(settled ? returnPayment(order.paymentId, paymentState === 'paid', order.totalFen, now) : []),
      ],
      paymentState: releasedPaymentState(paymentState, later),
      refunds: settled && paymentState === 'paid' ? [order.paymentId] : [],
    };
  }
  const shares = (await sharesOf(order.groupId ?? '')).filter((s) => !s.released);
  return {
    items: [
      ...returnStock(order.storeId, order.lines),
      ...returnLimits(order.storeId, shares.flatMap(heldByShare), now),
      freeSlot(order.storeId, order.slotId, order.general),
      ...shares.flatMap((s) => releaseShare(s, now)),
    ],
    paymentState: releasedGroupPaymentState(shares, later),
    refunds: shares.filter((s) => s.paid).map((s) => s.paymentId),
  };
}

export async function release(
  given: OrderItem,
  action: 'cancel' | 'reject',
  now: Date,
  reason?: string,
): Promise<OrderItem> {
  const to = TRANSITIONS[action].to;
  refuse(refuseRelease(given.status, action));
  const order = await closeBeforeRelease(given);
  const { items, paymentState, refunds } = await heldBy(order, now);
  const large = order.kind === 'group' && items.length + 1 > MAX_TRANSACTION_ITEMS;
  // A group order counts its households' refunds in flight (its batches add theirs when large).
  const counted = order.kind === 'group' ? ', refundsPending = :refunds' : '';
  const orderUpdate = tag({
    Update: {
      TableName: table(),
      Key: orderKey(order.orderId),
      UpdateExpression: `SET #s = :to, timeline = list_append(timeline, :entry), paymentState = :released${counted}${reason ? ', rejectReason = :reason' : ''}`,
      ConditionExpression: '#s = :placed AND paymentState = :payState',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':to': to,
        ':placed': 'placed',
        ':payState': order.paymentState,
        ':entry': timelineEntry(to, now, reason),
        ':released': paymentState,
        ...(counted ? { ':refunds': large || payments().name !== 'wechat-pay' ? 0 : refunds.length } : {}),
        ...(reason ? { ':reason': reason } : {}),
      },
    },
  });
  const tagged = [orderUpdate, ...items];
  // Too many households for one transaction (`large`): the order and what it holds at the store
  // first, then the households' shares in batches.
  try {
    if (large) await releaseLargeGroup(order, orderUpdate, now);
    else await commit(tagged, now);
  } catch (err) {
    // The order moved on meanwhile (accepted, paid, a household paid its share): say so.
    if (err instanceof AppError && err.code === 'TRY_AGAIN') {
      refuse(explainLostRace(order, await getOrder(order.orderId), action));
    }
    throw err;
  }
  if (action === 'cancel') metric('GroceryOrdersCancelled');
  if (payments().name === 'wechat-pay') await Promise.all(refunds.map((id) => askRefund(id)));
  return {
    ...order,
    status: to,
    timeline: [...order.timeline, ...timelineEntry(to, now, reason)],
    paymentState: large ? ((await getOrder(order.orderId))?.paymentState ?? paymentState) : paymentState,
    ...(reason ? { rejectReason: reason } : {}),
  };
}

// ---- large group orders ----

/**
 * A group order with more households than one transaction can hold (DynamoDB's 100 items) is
 * given up in steps that each commit whole: first the order, its stock and its slot place,
 * with a marker on the index of open groups; then the households' shares in batches, each
 * refunding or cancelling its payments and giving back its counters; last the marker goes.
 * Each share's step is conditional on the share not being released yet, so a step repeated —
 * a retry, or the schedule finishing what a crashed run began — never gives anything back twice.
 */
async function releaseLargeGroup(order: OrderItem, orderUpdate: Tagged, now: Date): Promise<void> {
  const marker = tag({
    Put: {
      TableName: table(),
      Item: releaseMarker(order.orderId, order.groupId ?? '', order.storeId),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  const atStore = [...returnStock(order.storeId, order.lines), freeSlot(order.storeId, order.slotId, order.general)];
  await commit([orderUpdate, ...atStore, marker], now);
  try {
    await finishGroupRelease(order.orderId, order.groupId ?? '', order.storeId, now);
  } catch (err) {
    // The order is given up; the schedule finds the marker and finishes the households' part.
    log.warn('group release left to the schedule', { orderId: order.orderId, error: String(err) });
  }
}

/** The shares in batches that each fit one transaction, with their payments, counters and refunds in flight. */
function shareBatches(shares: ShareItem[], orderId: string, storeId: string, now: Date): Tagged[][] {
  const itemsOf = (group: ShareItem[]) => {
    const refunds = refundsInFlight(group);
    const counted = tag({
      Update: {
        TableName: table(),
        Key: orderKey(orderId),
        UpdateExpression: 'ADD refundsPending :n',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':n': refunds },
      },
    });
    return [
      ...group.flatMap((s) => releaseShare(s, now)),
      ...returnLimits(storeId, group.flatMap(heldByShare), now),
      ...(refunds > 0 ? [counted] : []),
    ];
  };
  const batches: ShareItem[][] = [];
  let current: ShareItem[] = [];
  for (const share of shares) {
    if (current.length && itemsOf([...current, share]).length > MAX_TRANSACTION_ITEMS) {
      batches.push(current);
      current = [];
    }
    current.push(share);
  }
  if (current.length) batches.push(current);
  return batches.map(itemsOf);
}

/**
 * Releases every share not yet released, then settles the order's payment state (a household
 * may have paid while the first step ran: then it is refunded too) and removes the marker. A
 * household that paid meanwhile makes a batch fail: the shares are read again and it goes on
 * with what is left.
 */
export async function finishGroupRelease(orderId: string, groupId: string, storeId: string, now: Date): Promise<void> {
  await retryOnConflict(
    async () => {
      const open = (await sharesOf(groupId)).filter((s) => !s.released);
      try {
        for (const batch of shareBatches(open, orderId, storeId, now)) await commit(batch, now);
      } catch (err) {
        if (err instanceof AppError) return CONFLICT;
        throw err;
      }
      return true;
    },
    { attempts: 10, message: '团购退款还在进行中，请稍后刷新查看' },
  );
  const paymentState = releasedGroupPaymentState(await sharesOf(groupId), payments().name === 'wechat-pay');
  await commit(
    [
      tag({
        Update: {
          TableName: table(),
          Key: orderKey(orderId),
          UpdateExpression: 'SET paymentState = :state',
          ExpressionAttributeValues: { ':state': paymentState },
        },
      }),
      tag({ Delete: { TableName: table(), Key: releaseMarkerKey(orderId) } }),
    ],
    now,
  );
}
