import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
import { directoryKey } from '../auth/keys';
import { db, isConditionFailure, transactionReasons } from '../lib/dynamo';
import { directoryTable } from '../lib/env';
import { AppError, conflict, notFound } from '../lib/errors';
import { groceryConfig } from './shared/config';
import { capKey, slotKey, storeItemKey, storePartition } from './shared/keys';
import { reservedPlaces, slotAvailability, slotIdFloor, slotIdFor } from './catalogue/rules';

/** Storage of stores (from the directory), catalogues, price caps and delivery slots. */

const table = () => groceryConfig.table;

function toStore(item: Record<string, unknown>): StoreSummary {
  return {
    storeId: String(item.id),
    name: String(item.name),
    district: String(item.district ?? ''),
    serves: Array.isArray(item.serves) ? item.serves.map(String) : [],
  };
}

export async function getStore(storeId: string): Promise<StoreSummary | undefined> {
  const out = await db().send(new GetCommand({ TableName: directoryTable(), Key: directoryKey('store', storeId) }));
  return out.Item ? toStore(out.Item) : undefined;
}

export async function storesServing(communityId: string): Promise<StoreSummary[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: directoryTable(),
      KeyConditionExpression: 'pk = :k',
      ExpressionAttributeValues: { ':k': 'store' },
    }),
  );
  return (out.Items ?? []).map(toStore).filter((s) => s.serves.includes(communityId));
}

export async function priceCaps(): Promise<Record<string, number>> {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :k',
      ExpressionAttributeValues: { ':k': 'CAPS' },
    }),
  );
  return Object.fromEntries((out.Items ?? []).map((i) => [String(i.sk), Number(i.capFen)]));
}

export function toCatalogueItem(item: Record<string, unknown>, caps: Record<string, number>): CatalogueItem {
  const category = item.category as Category;
  return {
    itemId: String(item.itemId),
    storeId: String(item.storeId),
    name: String(item.name),
    category,
    unit: String(item.unit),
    priceFen: Number(item.priceFen),
    ...(caps[category] !== undefined ? { capFen: caps[category] } : {}),
    stock: Number(item.stock),
    ...(typeof item.dailyLimit === 'number' ? { dailyLimit: item.dailyLimit } : {}),
    ...(typeof item.origin === 'string' ? { origin: item.origin } : {}),
    updatedAt: String(item.updatedAt),
  };
}

export async function catalogue(storeId: string): Promise<CatalogueItem[]> {
  const [out, caps] = await Promise.all([
    db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
        ExpressionAttributeValues: { ':pk': storePartition(storeId), ':item': 'ITEM#' },
      }),
    ),
    priceCaps(),
  ]);
  return (out.Items ?? []).map((i) => toCatalogueItem(i, caps));
}

/**
 * Adds or edits an item. The price is checked against the regulator's cap for its category in
 * the same transaction (a ConditionCheck on the cap), so a cap lowered meanwhile is honoured.
 */
export async function putItem(storeId: string, input: ItemInput, now = new Date()): Promise<CatalogueItem> {
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
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
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
              ConditionExpression: 'attribute_exists(pk) AND capFen >= :price',
              ExpressionAttributeValues: { ':price': input.priceFen },
            },
          },
        ],
      }),
    );
  } catch (err) {
    const reasons = transactionReasons(err);
    if (reasons?.[0] === 'ConditionalCheckFailed') {
      throw editing ? notFound('没有这个商品') : conflict('商品编号重复，请重试');
    }
    if (reasons?.[1] === 'ConditionalCheckFailed') throw await overCapError(input.category, input.priceFen);
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

export interface SlotItem {
  storeId: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  capacity: number;
  reserved: number;
  generalCap: number;
  booked: number;
  generalBooked: number;
}

export function slotView(s: SlotItem, now: Date): Slot {
  const a = slotAvailability(s, now);
  return {
    slotId: s.slotId,
    storeId: s.storeId,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    cutoffAt: s.cutoffAt,
    capacity: s.capacity,
    reserved: s.reserved,
    booked: s.booked,
    remaining: a.remaining,
    remainingPriority: a.remainingPriority,
    open: a.open,
  };
}

export function newSlotItem(storeId: string, input: SlotInput, share: number): SlotItem & { pk: string; sk: string } {
  const slotId = slotIdFor(input.startsAt);
  const reserved = reservedPlaces(input.capacity, share);
  return {
    ...slotKey(storeId, slotId),
    storeId,
    slotId,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    cutoffAt: new Date(input.cutoffAt).toISOString(),
    capacity: input.capacity,
    reserved,
    generalCap: input.capacity - reserved,
    booked: 0,
    generalBooked: 0,
  };
}

export async function addSlot(storeId: string, input: SlotInput, now = new Date()): Promise<Slot> {
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
export async function listSlots(storeId: string, now = new Date()): Promise<SlotItem[]> {
  const from = slotIdFloor(new Date(now.getTime() - 24 * 3600_000));
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': storePartition(storeId), ':from': `SLOT#${from}`, ':to': 'SLOT#~' },
    }),
  );
  return (out.Items ?? []) as SlotItem[];
}
