import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CatalogueItem,
  type Category,
  CATEGORY_LABELS,
  type ItemInput,
  type Slot,
  type SlotInput,
  type StoreSummary,
  yuan,
} from '@citycare/contract';
import { db, isConditionFailure, queryAll, transact, TransactionCancelled } from '../../lib/dynamo';
import { directoryTable } from '../../lib/env';
import { AppError, conflict, notFound } from '../../lib/errors';
import { groceryConfig } from '../config';
import {
  capKey,
  CAPS_PARTITION,
  slotKey,
  storeDirectoryKey,
  storeItemKey,
  storePartition,
  STORES_DIRECTORY_PARTITION,
} from '../keys';
import { listedFrom, newSlotItem, WITHIN_CAP, type SlotItem } from './rules';
import { slotView, toCatalogueItem, toStore } from './views';

/** Storage of stores (from the directory), catalogues, price caps and delivery slots. */

const table = () => groceryConfig.table;

export async function getStore(storeId: string): Promise<StoreSummary | undefined> {
  const out = await db().send(new GetCommand({ TableName: directoryTable(), Key: storeDirectoryKey(storeId) }));
  return out.Item ? toStore(out.Item) : undefined;
}

export async function storesServing(communityId: string): Promise<StoreSummary[]> {
  const stores = await queryAll({
    TableName: directoryTable(),
    KeyConditionExpression: 'pk = :k',
    ExpressionAttributeValues: { ':k': STORES_DIRECTORY_PARTITION },
  });
  return stores.map(toStore).filter((s) => s.serves.includes(communityId));
}

export async function priceCaps(): Promise<Record<string, number>> {
  const caps = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :k',
    ExpressionAttributeValues: { ':k': CAPS_PARTITION },
  });
  return Object.fromEntries(caps.map((i) => [String(i.sk), Number(i.capFen)]));
}

/** A store's items, each with its category's cap. */
export async function itemsOf(storeId: string): Promise<CatalogueItem[]> {
  const [items, caps] = await Promise.all([
    queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
      ExpressionAttributeValues: { ':pk': storePartition(storeId), ':item': 'ITEM#' },
    }),
    priceCaps(),
  ]);
  return items.map((i) => toCatalogueItem(i, caps));
}

/**
 * Adds or edits an item. The price is checked against the regulator's cap for its category in
 * the same transaction (a ConditionCheck on the cap), so a cap lowered meanwhile is honoured.
 */
export async function saveItem(storeId: string, input: ItemInput, now: Date): Promise<CatalogueItem> {
  const editing = input.itemId !== undefined;
  const itemId = input.itemId ?? `i-${randomBytes(5).toString('hex')}`;
  const values: Record<string, unknown> = {
    ':storeId': storeId,
    ':itemId': itemId,
    ':name': input.name,
    ':category': input.category,
    ':unit': input.unit,
    ':price': input.priceFen,
    ':stock': input.stock,
    ':now': now.toISOString(),
  };
  const sets = [
    'storeId = :storeId',
    'itemId = :itemId',
    '#name = :name',
    'category = :category',
    '#unit = :unit',
    'priceFen = :price',
    'stock = :stock',
    'updatedAt = :now',
  ];
  const removes: string[] = [];
  for (const field of ['dailyLimit', 'origin'] as const) {
    if (input[field] !== undefined) {
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = input[field];
    } else removes.push(field);
  }
  try {
    await transact([
      {
        Update: {
          TableName: table(),
          Key: storeItemKey(storeId, itemId),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: editing ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name', '#unit': 'unit' },
          ExpressionAttributeValues: values,
        },
      },
      {
        ConditionCheck: {
          TableName: table(),
          Key: capKey(input.category),
          ConditionExpression: WITHIN_CAP,
          ExpressionAttributeValues: { ':price': input.priceFen },
        },
      },
    ]);
  } catch (err) {
    if (!(err instanceof TransactionCancelled)) throw err;
    if (err.reasons[0]?.code === 'ConditionalCheckFailed') {
      throw editing ? notFound('没有这个商品') : conflict('商品编号重复，请重试');
    }
    if (err.reasons[1]?.code === 'ConditionalCheckFailed') throw await overCapError(input.category, input.priceFen);
    throw err;
  }
  const caps = await priceCaps();
  return toCatalogueItem(
    { ...input, itemId, storeId, updatedAt: now.toISOString(), dailyLimit: input.dailyLimit, origin: input.origin },
    caps,
  );
}

async function overCapError(category: Category, priceFen: number): Promise<AppError> {
  const cap = (await db().send(new GetCommand({ TableName: table(), Key: capKey(category) }))).Item;
  const label = CATEGORY_LABELS[category];
  if (!cap) return new AppError('UNPROCESSABLE', `市场监管部门还没有公布“${label}”的限价，暂不能上架`);
  return new AppError(
    'UNPROCESSABLE',
    `价格 ${yuan(priceFen)} 元超过了市场监管部门对“${label}”的限价 ${yuan(Number(cap.capFen))} 元，请调低后再保存`,
  );
}

// ---- slots ----

export async function saveSlot(storeId: string, input: SlotInput, now: Date): Promise<Slot> {
  const item = newSlotItem(storeId, input, groceryConfig.priorityShare);
  try {
    await db().send(
      new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('这个开始时间的配送时段已经有了');
    throw err;
  }
  return slotView(item, now);
}

export async function getSlot(storeId: string, slotId: string): Promise<SlotItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: table(), Key: slotKey(storeId, slotId), ConsistentRead: true }),
  );
  return out.Item as SlotItem | undefined;
}

/** Slots that start from yesterday on (the store still works on yesterday's late orders). */
export function listSlots(storeId: string, now: Date): Promise<SlotItem[]> {
  return queryAll<SlotItem>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': storePartition(storeId), ':from': `SLOT#${listedFrom(now)}`, ':to': 'SLOT#~' },
  });
}
