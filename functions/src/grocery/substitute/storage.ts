import { yuan, type SubstituteRequest } from '@citycare/contract';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, db } from '../../lib/dynamo';
import { AppError, conflict, forbidden } from '../../lib/errors';
import { groceryConfig } from '../config';
import { orderKey, storeItemKey } from '../keys';
import { whyNoStep } from '../orders/rules';
import { step } from '../orders/storage';
import { askRefund } from '../paying/cashier';
import { refuse } from '../refusals';
import { timelineEntry } from '../rules';
import { commit, existingOrder, getOrder, inList, tagAll, type Tagged } from '../storage';
import type { OrderItem } from '../views';
import { payments } from '../wiring';
import { changedLines, settlement, whyNoChange, type Candidate } from './rules';

/**
 * The store's changes to an order while preparing, and the prepare step that settles their
 * money. A change is one transaction: the order's lines and total (conditional on the order as
 * it was read: still accepted, same lines), the replacement's stock taken (never below zero,
 * same price and category as checked), the original's stock given back, and an audit row.
 */

const table = () => groceryConfig.table;
const REFUND_REASON = '缺货替换退差价';

async function candidateOf(storeId: string, itemId: string): Promise<Candidate | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: table(), Key: storeItemKey(storeId, itemId), ConsistentRead: true }),
  );
  return out.Item as Candidate | undefined;
}

/** Replaces or drops one line of an accepted order (refusals in substitute/rules.ts whyNoChange). */
export async function substitute(
  orderId: string,
  request: SubstituteRequest,
  actor: { userId: string; stores: string[] },
  now: Date,
): Promise<OrderItem> {
  const order = await existingOrder(orderId);
  if (!actor.stores.includes(order.storeId)) throw forbidden('这不是您店里的订单');
  const candidate = request.action === 'replace' ? await candidateOf(order.storeId, request.withItemId) : undefined;
  refuse(whyNoChange(order, request, actor.stores, candidate));
  const line = order.lines.find((l) => l.itemId === request.itemId);
  if (!line) throw conflict('订单刚刚有变化，请刷新后再试');
  const lines = changedLines(order.lines, request, candidate);
  const before = order.originalTotalFen ?? order.totalFen;
  const { totalFen } = settlement(before, lines, order.paymentMethod);
  const seen = order.lineChanges ?? 0;
  const items: Tagged[] = [
    ...tagAll('order', [
      {
        Update: {
          TableName: table(),
          Key: orderKey(orderId),
          UpdateExpression: 'SET #lines = :lines, totalFen = :total, originalTotalFen = :before, lineChanges = :next',
          ConditionExpression: `#s = :accepted AND storeId = :store AND paymentState = :pay AND ${
            seen === 0 ? 'attribute_not_exists(lineChanges)' : 'lineChanges = :seen'
          }`,
          ExpressionAttributeNames: { '#s': 'status', '#lines': 'lines' },
          ExpressionAttributeValues: {
            ':lines': lines,
            ':total': totalFen,
            ':before': before,
            ':next': seen + 1,
            ':accepted': 'accepted',
            ':store': order.storeId,
            ':pay': order.paymentState,
            ...(seen === 0 ? {} : { ':seen': seen }),
          },
        },
      },
      {
        Update: {
          TableName: table(),
          Key: storeItemKey(order.storeId, line.itemId),
          UpdateExpression: 'ADD stock :q',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':q': line.qty },
        },
      },
      auditPut(`GROCERY#SUBSTITUTE#${order.storeId}`, now, actor.userId, {
        action: request.action === 'replace' ? 'grocery.substitute' : 'grocery.drop-line',
        orderId,
        itemId: line.itemId,
        qty: line.qty,
        priceFen: line.priceFen,
        ...(candidate ? { withItemId: candidate.itemId, withPriceFen: candidate.priceFen } : {}),
        totalBeforeFen: order.totalFen,
        totalFen,
      }),
    ]),
  ];
  if (candidate) {
    items.push({
      tag: { kind: 'stock', name: candidate.name, unit: candidate.unit, priceFen: candidate.priceFen },
      item: {
        Update: {
          TableName: table(),
          Key: storeItemKey(order.storeId, candidate.itemId),
          UpdateExpression: 'SET stock = stock - :q',
          ConditionExpression:
            'attribute_exists(pk) AND stock >= :q AND priceFen = :p AND category = :c AND attribute_not_exists(dailyLimit)',
          ExpressionAttributeValues: { ':q': line.qty, ':p': candidate.priceFen, ':c': candidate.category },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    });
  }
  try {
    await commit(items, now);
  } catch (err) {
    // The order moved on meanwhile (prepared, another change): say why, read off it as it is now.
    if (err instanceof AppError && err.code === 'TRY_AGAIN') {
      const current = await getOrder(orderId);
      if (current) refuse(whyNoChange(current, request, actor.stores, candidate));
      throw conflict('订单刚刚有变化，请刷新后再试');
    }
    throw err;
  }
  return { ...order, lines, totalFen, originalTotalFen: before, lineChanges: seen + 1 };
}

/**
 * The store marks an order prepared. A prepaid, paid order whose lines were replaced or dropped
 * gets the difference back in the same transaction: its payment refunded in part (in full when
 * every line was dropped), settled by WeChat Pay's REFUND.SUCCESS like any refund.
 */
export async function prepare(orderId: string, stores: string[], now: Date): Promise<OrderItem> {
  if (stores.length === 0) throw forbidden();
  const order = await getOrder(orderId);
  const paidFen = order?.originalTotalFen;
  if (!order || paidFen === undefined || order.paymentMethod !== 'prepaid' || order.paymentState !== 'paid') {
    return step(orderId, 'prepare', stores, now);
  }
  const { totalFen, refundFen } = settlement(paidFen, order.lines, 'prepaid');
  if (refundFen <= 0) return step(orderId, 'prepare', stores, now);
  const later = payments().name === 'wechat-pay';
  const state = later ? 'refunding' : 'refunded';
  const whole = refundFen === paidFen;
  const scopeIn = inList('scope', stores);
  const money = whole ? 'paymentState = :state' : 'differenceRefund = :difference';
  try {
    await commit(
      [
        ...tagAll('order', [
          {
            Update: {
              TableName: table(),
              Key: orderKey(orderId),
              UpdateExpression: `SET #s = :prepared, readyAt = :now, timeline = list_append(timeline, :entry), ${money}`,
              ConditionExpression: `#s = :accepted AND storeId IN ${scopeIn.expr} AND totalFen = :total AND paymentState = :paid AND attribute_not_exists(differenceRefund)`,
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':prepared': 'prepared',
                ':accepted': 'accepted',
                ':now': now.toISOString(),
                ':entry': timelineEntry('prepared', now, `缺货替换，退差价 ¥${yuan(refundFen)}`),
                ':total': totalFen,
                ':paid': 'paid',
                ...(whole ? { ':state': state } : { ':difference': { fen: refundFen, state } }),
                ...scopeIn.values,
              },
            },
          },
        ]),
        ...tagAll('payment', payments().refundItems(order.paymentId, paidFen, now, refundFen)),
      ],
      now,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'TRY_AGAIN')
      refuse(whyNoStep(await getOrder(orderId), 'prepare', stores));
    throw err;
  }
  if (later) await askRefund(order.paymentId, REFUND_REASON);
  return (await getOrder(orderId)) ?? order;
}
