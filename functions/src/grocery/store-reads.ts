import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../lib/dynamo';
import { groceryConfig } from './shared/config';
import { BY_COMMUNITY, BY_STORE, BY_USER, communityPartition, storePartition, userPartition } from './shared/keys';
import { slotIdFloor } from './catalogue/rules';
import type { OrderItem } from './shared/views';

/** Reading orders (by resident, store, slot and community). */

const table = () => groceryConfig.table;

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
