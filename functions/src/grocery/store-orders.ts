import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@citycare/contract';
import { db, isConditionFailure } from '../lib/dynamo';
import { AppError, conflict, forbidden, notFound } from '../lib/errors';
import { idempotencyPut, storedReply, type IdempotencyScope } from '../lib/idempotency';
import { paymentProvider } from '../payments/provider';
import { groceryConfig } from './config';
import { limitKey, orderKey, slotKey, storeItemKey } from './keys';
import { getOrder } from './store-reads';
import { nextStatus, TRANSITIONS, type Action } from './rules';
import { commit, type Tagged } from './tx';
import type { OrderItem } from './views';

/** Storage of an order's life after checkout: cancel/reject, status steps, delivery, payment. */

const table = () => groceryConfig.table;
const ACTION_WORDS: Record<Action, string> = {
  accept: '接单',
  reject: '拒单',
  prepare: '标记备货完成',
  dispatch: '出发配送',
  deliver: '确认送达',
  cancel: '取消',
};

const timelineEntry = (status: OrderStatus, now: Date, note?: string) => [
  { status, at: now.toISOString(), ...(note ? { note } : {}) },
];

/**
 * Cancel (the resident) or reject (the store) an order the store has not accepted: the order,
 * its stock, its slot place, its household counters and its pending payment, in one transaction.
 */
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
  if (action === 'cancel' && order.paymentState === 'paid') {
    throw conflict('这笔订单已经付款，不能直接取消，请联系商户退款');
  }
  const cancelPayment = order.kind === 'single' && order.paymentState === 'pending';
  const t = table();
  const orderUpdate: Tagged = {
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: t,
        Key: orderKey(order.orderId),
        UpdateExpression: `SET #s = :to, timeline = list_append(timeline, :entry)${cancelPayment ? ', paymentState = :cancelled' : ''}${reason ? ', rejectReason = :reason' : ''}`,
        ConditionExpression: '#s = :placed AND paymentState = :payState',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':placed': 'placed',
          ':payState': order.paymentState,
          ':entry': timelineEntry(to, now, reason),
          ...(cancelPayment ? { ':cancelled': 'cancelled' } : {}),
          ...(reason ? { ':reason': reason } : {}),
        },
      },
    },
  };
  const stock: Tagged[] = order.lines.map((l) => ({
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: t,
        Key: storeItemKey(order.storeId, l.itemId),
        UpdateExpression: 'ADD stock :q',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':q': l.qty },
      },
    },
  }));
  const limits: Tagged[] =
    order.kind === 'single'
      ? order.lines
          .filter((l) => l.dailyLimit !== undefined)
          .map((l) => ({
            tag: { kind: 'order' },
            item: {
              Update: {
                TableName: t,
                Key: limitKey(order.day, order.household, order.storeId, l.itemId),
                UpdateExpression: 'ADD n :minus',
                ConditionExpression: 'n >= :q',
                ExpressionAttributeValues: { ':minus': -l.qty, ':q': l.qty },
              },
            },
          }))
      : [];
  const slot: Tagged = {
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: t,
        Key: slotKey(order.storeId, order.slotId),
        UpdateExpression: order.general ? 'ADD booked :minus, generalBooked :minus' : 'ADD booked :minus',
        ConditionExpression: 'booked > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  };
  const payment: Tagged[] = cancelPayment
    ? paymentProvider()
        .cancelItems(order.paymentId, now)
        .map((item) => ({ item, tag: { kind: 'order' } }))
    : [];
  const tagged = [orderUpdate, ...stock, ...limits, slot, ...payment];
  if (tagged.length > 100) throw conflict('这张团购订单商品种类太多，不能在线拒单，请联系社区工作者');
  try {
    await commit(tagged, now);
  } catch (err) {
    // The order moved on meanwhile (accepted, paid): say so from its current state.
    if (err instanceof AppError && err.code === 'TRY_AGAIN') {
      const current = await getOrder(order.orderId);
      if (current && current.status !== order.status) {
        throw conflict(`订单${ORDER_STATUS_LABELS[current.status]}，不能${ACTION_WORDS[action]}`);
      }
      if (current && current.paymentState !== order.paymentState) throw conflict('这笔订单刚刚付了款，请联系商户退款');
    }
    throw err;
  }
  return {
    ...order,
    status: to,
    timeline: [...order.timeline, ...timelineEntry(to, now, reason)],
    ...(cancelPayment ? { paymentState: 'cancelled' as const } : {}),
    ...(reason ? { rejectReason: reason } : {}),
  };
}

/** The field an action's scope is checked against: the store's id, or the community's. */
const scopeField = (action: Action) => (TRANSITIONS[action].by === 'worker' ? 'communityId' : 'storeId');

/** Explains why a conditional step on an order did not apply. */
async function explainStep(orderId: string, action: Action, scopes: string[]): Promise<AppError> {
  const order = await getOrder(orderId);
  if (!order) return notFound('没有这笔订单');
  if (!scopes.includes(order[scopeField(action)])) return forbidden('这不是您负责的订单');
  return conflict(`订单${ORDER_STATUS_LABELS[order.status]}，不能${ACTION_WORDS[action]}`);
}

const inList = (prefix: string, values: string[]) => {
  const names = values.map((_, i) => `:${prefix}${i}`);
  return { expr: `(${names.join(', ')})`, values: Object.fromEntries(values.map((v, i) => [`:${prefix}${i}`, v])) };
};

/** Accept, prepare (the store) or dispatch (the worker): one conditional update. */
export async function step(orderId: string, action: 'accept' | 'prepare' | 'dispatch', scopes: string[], now: Date) {
  if (scopes.length === 0) throw forbidden();
  const t = TRANSITIONS[action];
  const scopeIn = inList('scope', scopes);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: orderKey(orderId),
        UpdateExpression: 'SET #s = :to, timeline = list_append(timeline, :entry)',
        ConditionExpression: `#s = :from AND ${scopeField(action)} IN ${scopeIn.expr}`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':to': t.to,
          ':from': t.from[0],
          ':entry': timelineEntry(t.to, now),
          ...scopeIn.values,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as OrderItem;
  } catch (err) {
    if (isConditionFailure(err)) throw await explainStep(orderId, action, scopes);
    throw err;
  }
}

/**
 * The worker's delivery confirmation: the pickup code must match; one transaction with the
 * confirmation's idempotency record, so a confirmation synced twice from the offline queue
 * applies once.
 */
export async function confirmDelivery(
  orderId: string,
  code: string,
  communities: string[],
  scope: IdempotencyScope,
  now: Date,
  confirmedAt: Date,
) {
  if (communities.length === 0) throw forbidden();
  const scopeIn = inList('c', communities);
  const deliveredAt = (confirmedAt.getTime() > now.getTime() ? now : confirmedAt).toISOString();
  const body = { orderId, status: 'delivered' as const, deliveredAt };
  const tagged: Tagged[] = [
    {
      tag: { kind: 'order' },
      item: {
        Update: {
          TableName: table(),
          Key: orderKey(orderId),
          UpdateExpression: 'SET #s = :delivered, deliveredAt = :at, timeline = list_append(timeline, :entry)',
          ConditionExpression: `#s IN (:prepared, :out) AND pickupCode = :code AND communityId IN ${scopeIn.expr}`,
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':delivered': 'delivered',
            ':prepared': 'prepared',
            ':out': 'out-for-delivery',
            ':code': code,
            ':at': deliveredAt,
            ':entry': timelineEntry('delivered', new Date(deliveredAt)),
            ...scopeIn.values,
          },
        },
      },
    },
    { tag: { kind: 'idempotency' }, item: idempotencyPut(scope, 200, body, now) },
  ];
  try {
    const { replay } = await commit(tagged, now, scope);
    return replay ? (replay.body as typeof body) : body;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'TRY_AGAIN') throw err;
    const stored = await storedReply(scope);
    if (stored) return stored.body as typeof body;
    const order = await getOrder(orderId);
    if (!order) throw notFound('没有这笔订单');
    if (!communities.includes(order.communityId)) throw forbidden('这不是您负责社区的订单');
    if (order.status === 'delivered') throw conflict('这笔订单已经确认送达了');
    if (!nextStatus(order.status, 'deliver'))
      throw conflict(`订单${ORDER_STATUS_LABELS[order.status]}，还不能确认送达`);
    if (order.pickupCode !== code) throw new AppError('UNPROCESSABLE', '取货码不对，请让居民再核对一下');
    throw err;
  }
}

/** The payer settles: the provider's settle items and the order's payment state in one transaction. */
export async function settle(order: OrderItem, now: Date): Promise<OrderItem> {
  if (order.status === 'cancelled' || order.status === 'rejected') throw conflict('订单已取消，无需付款');
  if (order.paymentState !== 'pending') throw conflict('这笔订单已经付过款了');
  const tagged: Tagged[] = [
    ...paymentProvider()
      .settleItems(order.paymentId, order.totalFen, now)
      .map((item) => ({ item, tag: { kind: 'payment' as const } })),
    {
      tag: { kind: 'order' },
      item: {
        Update: {
          TableName: table(),
          Key: orderKey(order.orderId),
          UpdateExpression: 'SET paymentState = :paid, paidAt = :now',
          ConditionExpression: 'paymentState = :pending AND NOT #s IN (:cancelled, :rejected)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':paid': 'paid',
            ':pending': 'pending',
            ':now': now.toISOString(),
            ':cancelled': 'cancelled',
            ':rejected': 'rejected',
          },
        },
      },
    },
  ];
  try {
    await commit(tagged, now);
  } catch (err) {
    if (err instanceof AppError && err.code === 'TRY_AGAIN') throw conflict('订单状态刚刚变了，请刷新后再付款');
    throw err;
  }
  return { ...order, paymentState: 'paid' };
}
