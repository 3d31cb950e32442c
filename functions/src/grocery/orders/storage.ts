import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, queryAll } from '../../lib/dynamo';
import { forbidden } from '../../lib/errors';
import { listedFrom } from '../catalogue/rules';
import { groceryConfig } from '../config';
import {
  BY_COMMUNITY,
  BY_STORE,
  BY_USER,
  communityPartition,
  INDEX_KEYS,
  orderKey,
  storePartition,
  userPartition,
} from '../keys';
import { refuse } from '../refusals';
import { timelineEntry, TRANSITIONS } from '../rules';
import { getOrder, inList } from '../storage';
import type { OrderItem } from '../views';
import { scopeField, whyNoStep } from './rules';

/** Storage of orders after checkout: the lists of each audience and status steps. */

const table = () => groceryConfig.table;

/** The most orders one list holds. */
const LIST_MAX = 500;

function queryIndex(index: keyof typeof INDEX_KEYS, pk: string, skFrom: string, skTo: string, newestFirst = false) {
  const { pk: pkName, sk: skName } = INDEX_KEYS[index];
  return queryAll<OrderItem>(
    {
      TableName: table(),
      IndexName: index,
      KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':pk': pk, ':from': skFrom, ':to': skTo },
      ScanIndexForward: !newestFirst,
    },
    { max: LIST_MAX },
  );
}

/** A resident's orders, newest first. */
export const ordersOfUser = (userId: string) => queryIndex(BY_USER, userPartition(userId), 'ORDER#', 'ORDER#~', true);

/** A store's orders of slots from yesterday on. */
export const ordersOfStore = (storeId: string, now: Date) =>
  queryIndex(BY_STORE, storePartition(storeId), `SLOT#${listedFrom(now)}`, 'SLOT#~');

export const ordersOfSlot = (storeId: string, slotId: string) =>
  queryIndex(BY_STORE, storePartition(storeId), `SLOT#${slotId}#`, `SLOT#${slotId}#~`);

/** A community's orders of slots from yesterday on (its workers' deliveries). */
export const ordersOfCommunity = (communityId: string, now: Date) =>
  queryIndex(BY_COMMUNITY, communityPartition(communityId), `SLOT#${listedFrom(now)}`, 'SLOT#~');

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
    if (isConditionFailure(err)) refuse(whyNoStep(await getOrder(orderId), action, scopes));
    throw err;
  }
}
