import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { conditionalUpdate, db, queryAll, transact, TransactionCancelled } from '../../lib/dynamo';
import { conflict, notFound } from '../../lib/errors';
import { groceryConfig } from '../config';
import { BY_USER, complaintKey, COMPLAINTS_PARTITION, openComplaintKey, orderKey } from '../keys';
import { readMany } from '../storage';
import type { OrderItem } from '../views';
import type { ComplaintItem } from './views';

/** Storage of complaints about price or quality, for the market regulator. */

const table = () => groceryConfig.table;

/** True when the first item of a cancelled transaction failed its condition. */
const firstRefused = (err: unknown) =>
  err instanceof TransactionCancelled && err.reasons[0]?.code === 'ConditionalCheckFailed';

/**
 * Files a complaint, with the order's open-complaint marker in the same transaction: an order
 * has at most one complaint waiting for the regulator.
 */
export async function addComplaint(c: Omit<ComplaintItem, 'complaintId' | 'createdAt' | 'handled'>, now: Date) {
  const complaintId = `c${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(5).toString('hex')}`;
  const item: ComplaintItem = { ...c, complaintId, createdAt: now.toISOString() };
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: { ...openComplaintKey(c.orderId), complaintId, createdAt: item.createdAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: table(),
          Item: {
            ...complaintKey(complaintId),
            gsi1pk: COMPLAINTS_PARTITION,
            gsi1sk: `${item.createdAt}#${complaintId}`,
            ...item,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  } catch (err) {
    if (firstRefused(err)) throw conflict('这笔订单已有一条投诉正在处理，请等市场监管部门处理后再投诉');
    throw err;
  }
  return item;
}

/** The orders of some complaints, by order id (BatchGetItem, a hundred keys a request). */
export async function ordersById(orderIds: string[]): Promise<Map<string, OrderItem>> {
  const got = await readMany({ [table()]: [...new Set(orderIds)].map(orderKey) });
  return new Map(((got[table()] ?? []) as unknown as OrderItem[]).map((o) => [o.orderId, o]));
}

/** The newest complaints first. */
export function listComplaints(limit = 200): Promise<ComplaintItem[]> {
  return queryAll<ComplaintItem>(
    {
      TableName: table(),
      IndexName: BY_USER,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': COMPLAINTS_PARTITION },
      ScanIndexForward: false,
      Limit: limit,
    },
    { max: limit },
  );
}

/** The regulator marks a complaint handled, once, with a note; the order may then be complained about again. */
export async function markHandled(complaintId: string, by: string, note: string, now: Date) {
  const found = await db().send(
    new GetCommand({ TableName: table(), Key: complaintKey(complaintId), ConsistentRead: true }),
  );
  const current = found.Item as ComplaintItem | undefined;
  if (!current) throw notFound('没有这条投诉');
  if (current.handled) throw conflict('这条投诉已经处理过了');
  const handled = { at: now.toISOString(), note, by };
  try {
    await transact([
      conditionalUpdate(table(), complaintKey(complaintId), {
        set: 'SET handled = :handled',
        condition: 'attribute_exists(pk) AND attribute_not_exists(handled)',
        values: { ':handled': handled },
      }),
      {
        // Complaints filed before the marker existed have none: nothing to remove then.
        Delete: {
          TableName: table(),
          Key: openComplaintKey(current.orderId),
          ConditionExpression: 'attribute_not_exists(pk) OR complaintId = :id',
          ExpressionAttributeValues: { ':id': complaintId },
        },
      },
    ]);
  } catch (err) {
    if (firstRefused(err)) throw conflict('这条投诉已经处理过了');
    throw err;
  }
  return { ...current, handled };
}
