import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../lib/dynamo';
import { groceryConfig } from './config';
import {
  BY_COMMUNITY,
  BY_STORE,
  BY_USER,
  communityPartition,
  complaintKey,
  COMPLAINTS_PARTITION,
  orderKey,
  storePartition,
  userPartition,
} from './keys';
import { slotIdFloor } from './rules';
import type { OrderItem } from './views';

/** Reading orders (by resident, store, slot and community) and the regulator's complaints. */

const table = () => groceryConfig.table;

export async function getOrder(orderId: string): Promise<OrderItem | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: orderKey(orderId), ConsistentRead: true }));
  return out.Item as OrderItem | undefined;
}

async function queryIndex(index: string, pk: string, skFrom: string, skTo: string, newestFirst = false) {
  const items: OrderItem[] = [];
  let start: Record<string, unknown> | undefined;
  const [pkName, skName] = {
    byUser: ['gsi1pk', 'gsi1sk'],
    byStore: ['gsi2pk', 'gsi2sk'],
    byCommunity: ['gsi3pk', 'gsi3sk'],
  }[index] as [string, string];
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: index,
        KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': pk, ':from': skFrom, ':to': skTo },
        ScanIndexForward: !newestFirst,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as OrderItem[]));
    start = out.LastEvaluatedKey;
  } while (start && items.length < 500);
  return items;
}

export const ordersOfUser = (userId: string) => queryIndex(BY_USER, userPartition(userId), 'ORDER#', 'ORDER#~', true);

/** A store's orders of slots from yesterday on. */
export const ordersOfStore = (storeId: string, now: Date) =>
  queryIndex(BY_STORE, storePartition(storeId), `SLOT#${slotIdFloor(new Date(now.getTime() - 86400_000))}`, 'SLOT#~');

export const ordersOfSlot = (storeId: string, slotId: string) =>
  queryIndex(BY_STORE, storePartition(storeId), `SLOT#${slotId}#`, `SLOT#${slotId}#~`);

export const ordersOfCommunity = (communityId: string, now: Date) =>
  queryIndex(
    BY_COMMUNITY,
    communityPartition(communityId),
    `SLOT#${slotIdFloor(new Date(now.getTime() - 86400_000))}`,
    'SLOT#~',
  );

// ---- complaints ----

export interface ComplaintItem {
  complaintId: string;
  orderId: string;
  storeId: string;
  userId: string;
  kind: 'price' | 'quality';
  text: string;
  createdAt: string;
}

export async function addComplaint(c: Omit<ComplaintItem, 'complaintId' | 'createdAt'>, now: Date) {
  const complaintId = `c${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(5).toString('hex')}`;
  const item: ComplaintItem = { ...c, complaintId, createdAt: now.toISOString() };
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...complaintKey(complaintId),
        gsi1pk: COMPLAINTS_PARTITION,
        gsi1sk: `${item.createdAt}#${complaintId}`,
        ...item,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return item;
}

export async function listComplaints(): Promise<ComplaintItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: BY_USER,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': COMPLAINTS_PARTITION },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return (out.Items ?? []) as ComplaintItem[];
}
