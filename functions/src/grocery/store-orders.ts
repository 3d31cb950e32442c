import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@citycare/contract';
import { db, isConditionFailure } from '../lib/dynamo';
import { AppError, conflict, forbidden, notFound } from '../lib/errors';
import { payments } from './wiring';
import { groceryConfig } from './shared/config';
import { orderKey } from './shared/keys';
import { TRANSITIONS, type Action } from './shared/rules';
import { commit, getOrder, inList, type Tagged } from './shared/storage';
import type { OrderItem } from './shared/views';

/** Storage of an order's life after checkout: status steps and payment (release and delivery: beside). */

const table = () => groceryConfig.table;
export const ACTION_WORDS: Record<Action, string> = {
  accept: '接单',
  reject: '拒单',
  prepare: '标记备货完成',
  dispatch: '出发配送',
  deliver: '确认送达',
  cancel: '取消',
};

export const timelineEntry = (status: OrderStatus, now: Date, note?: string) => [
  { status, at: now.toISOString(), ...(note ? { note } : {}) },
];

/** The field an action's scope is checked against: the store's id, or the community's. */
const scopeField = (action: Action) => (TRANSITIONS[action].by === 'worker' ? 'communityId' : 'storeId');

/** Explains why a conditional step on an order did not apply. */
async function explainStep(orderId: string, action: Action, scopes: string[]): Promise<AppError> {
  const order = await getOrder(orderId);
  if (!order) return notFound('没有这笔订单');
  if (!scopes.includes(order[scopeField(action)])) return forbidden('这不是您负责的订单');
  return conflict(`订单${ORDER_STATUS_LABELS[order.status]}，不能${ACTION_WORDS[action]}`);
}

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
        // readyAt: when the order was last made ready or sent out; no delivery is confirmed before it.
        UpdateExpression: 'SET #s = :to, readyAt = :now, timeline = list_append(timeline, :entry)',
        ConditionExpression: `#s = :from AND ${scopeField(action)} IN ${scopeIn.expr}`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':to': t.to,
          ':now': now.toISOString(),
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

/** The payer settles: the provider's settle items and the order's payment state in one transaction. */
export async function settle(order: OrderItem, now: Date): Promise<OrderItem> {
  if (order.status === 'cancelled' || order.status === 'rejected') throw conflict('订单已取消，无需付款');
  if (order.paymentState !== 'pending') throw conflict('这笔订单已经付过款了');
  const tagged: Tagged[] = [
    ...payments()
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
