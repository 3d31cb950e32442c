import { cityDate } from '@citycare/contract';
import { randomBytes, randomInt } from 'node:crypto';
import type * as z from 'zod';
import type { CheckoutRequest as CheckoutSchema, OrderLine, Order } from '@citycare/contract';
import { directoryKey } from '../auth/keys';
import { directoryTable } from '../lib/env';
import { AppError, notFound } from '../lib/errors';
import { Reply } from '../lib/http';
import { idempotencyPut, type IdempotencyScope } from '../lib/idempotency';
import { metric } from '../lib/metrics';
import { payments } from './wiring';
import { groceryConfig } from './shared/config';
import { limitKey, orderIndexes, orderKey, slotKey, storeItemKey, userLimitSubject } from './shared/keys';
import {
  deliveryTerms,
  limitExpiry,
  limitHeadroom,
  MAX_SCARCE_LINES,
  orderTotal,
  slotCondition,
} from './checkout/rules';
import { householdKey } from './shared/address';
import { pickupCode, type HouseholdColour } from './shared/rules';
import type { SlotItem } from './catalogue/rules';
import { commit, readMany, type Tagged } from './shared/storage';
import { orderView, type OrderItem } from './shared/views';

/** Checkout: stock, household limits, slot, order, payment and idempotency in ONE transaction. */

export type Checkout = z.infer<typeof CheckoutSchema>;

export const newOrderId = (now: Date) =>
  `o${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(6).toString('hex')}`;

export interface CatalogueRow {
  itemId: string;
  name: string;
  unit: string;
  category: OrderLine['category'];
  priceFen: number;
  stock: number;
  dailyLimit?: number;
}

/** Reads the lines' catalogue rows, the slot and the store in one BatchGetItem. */
export async function readCheckoutInputs(storeId: string, slotId: string, itemIds: string[]) {
  const t = groceryConfig.table;
  const out = await readMany({
    [t]: [...itemIds.map((id) => storeItemKey(storeId, id)), slotKey(storeId, slotId)],
    [directoryTable()]: [directoryKey('store', storeId)],
  });
  const rows = out[t] ?? [];
  const items = new Map(
    rows.filter((r) => String(r.sk).startsWith('ITEM#')).map((r) => [String(r.itemId), r as unknown as CatalogueRow]),
  );
  const slot = rows.find((r) => String(r.sk).startsWith('SLOT#')) as SlotItem | undefined;
  const store = out[directoryTable()]?.[0];
  return { items, slot, store };
}

/**
 * Transaction items taking each line's stock and, per scarce line, the day's counters of the
 * household and of the user: both are conditions of the same transaction, so neither a second
 * address typed by one user nor a second user at one address buys past the limit.
 */
export function stockItems(
  storeId: string,
  lines: (OrderLine & { dailyLimit?: number })[],
  counted: { household: string; userId: string },
  day: string,
): Tagged[] {
  const t = groceryConfig.table;
  const out: Tagged[] = [];
  for (const l of lines) {
    out.push({
      tag: { kind: 'stock', name: l.name, unit: l.unit, priceFen: l.priceFen },
      item: {
        Update: {
          TableName: t,
          Key: storeItemKey(storeId, l.itemId),
          UpdateExpression: 'SET stock = stock - :q',
          ConditionExpression: 'attribute_exists(pk) AND stock >= :q AND priceFen = :p',
          ExpressionAttributeValues: { ':q': l.qty, ':p': l.priceFen },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    });
  }
  const subjects = [
    ['household', counted.household],
    ['user', userLimitSubject(counted.userId)],
  ] as const;
  for (const [per, subject] of subjects) {
    for (const l of lines) {
      if (l.dailyLimit === undefined) continue;
      out.push({
        tag: { kind: 'limit', per, name: l.name, unit: l.unit, dailyLimit: l.dailyLimit, qty: l.qty },
        item: {
          Update: {
            TableName: t,
            Key: limitKey(day, subject, storeId, l.itemId),
            UpdateExpression: 'ADD n :q SET expiresAt = if_not_exists(expiresAt, :exp)',
            ConditionExpression: 'attribute_not_exists(n) OR n <= :max',
            ExpressionAttributeValues: {
              ':q': l.qty,
              ':max': limitHeadroom(l.dailyLimit, l.qty),
              ':exp': limitExpiry(day),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      });
    }
  }
  return out;
}

/** The transaction item booking one place of a slot (from the red/yellow share when `priority`). */
export function bookSlotItem(storeId: string, slotId: string, priority: boolean, now: Date): Tagged {
  return {
    tag: { kind: 'slot', priority },
    item: {
      Update: {
        TableName: groceryConfig.table,
        Key: slotKey(storeId, slotId),
        UpdateExpression: priority ? 'ADD booked :one' : 'ADD booked :one, generalBooked :one',
        ConditionExpression: slotCondition(priority),
        ExpressionAttributeNames: { '#capacity': 'capacity' },
        ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString() },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  };
}

/** Lines priced from the catalogue; refuses unknown items and quantities over a household limit. */
export function priceLines(body: Pick<Checkout, 'lines'>, items: Map<string, CatalogueRow>) {
  const scarce = body.lines.filter((l) => items.get(l.itemId)?.dailyLimit !== undefined).length;
  if (scarce > MAX_SCARCE_LINES) {
    throw new AppError('UNPROCESSABLE', `每单最多 ${MAX_SCARCE_LINES} 种限购商品，请分成几单下`);
  }
  return body.lines.map((l) => {
    const row = items.get(l.itemId);
    if (!row) throw notFound(`商品 ${l.itemId} 不存在或已下架，请刷新后再下单`);
    if (row.dailyLimit !== undefined && l.qty > row.dailyLimit) {
      throw new AppError('UNPROCESSABLE', `${row.name} 每户每天限购 ${row.dailyLimit}${row.unit}`);
    }
    return {
      itemId: row.itemId,
      name: row.name,
      unit: row.unit,
      category: row.category,
      priceFen: row.priceFen,
      qty: l.qty,
      substitution: l.substitution,
      lineFen: row.priceFen * l.qty,
      ...(row.dailyLimit !== undefined ? { dailyLimit: row.dailyLimit } : {}),
    };
  });
}

export interface CheckoutContext {
  userId: string;
  body: Checkout;
  /** The household's health-code colour, being read (beside the catalogue read, not before it). */
  colour: Promise<HouseholdColour>;
  scope: IdempotencyScope;
  now: Date;
}

export async function placeOrder({
  userId,
  body,
  colour,
  scope,
  now,
}: CheckoutContext): Promise<Reply<{ order: Order }>> {
  // Two reads at once: the health colour (a Query: the health table keeps one item per household
  // member, so no key reads it in the BatchGetItem) and the lines, slot and store.
  const [householdColour, { items, slot, store }] = await Promise.all([
    colour,
    readCheckoutInputs(
      body.storeId,
      body.slotId,
      body.lines.map((l) => l.itemId),
    ),
  ]);
  const terms = deliveryTerms(householdColour, body.fulfilment, body.contactless);
  if ('refusal' in terms) {
    throw new AppError('UNPROCESSABLE', '您家正在居家观察，只能送货上门、无接触交接，请选择“送货上门”');
  }
  if (!store) throw notFound('没有这家商户');
  const serves = Array.isArray(store.serves) ? (store.serves as string[]) : [];
  if (!serves.includes(body.communityId)) throw new AppError('UNPROCESSABLE', `${String(store.name)} 不给这个社区配送`);
  if (!slot) throw notFound('没有这个配送时段，请刷新后重新选择');
  if (Date.parse(slot.cutoffAt) <= now.getTime()) {
    throw new AppError('UNPROCESSABLE', '这个时段已过截单时间，请选择其他时段');
  }
  const lines = priceLines(body, items);
  const orderId = newOrderId(now);
  const household = householdKey(body.communityId, body.address);
  const day = cityDate(now);
  const totalFen = orderTotal(lines);
  const paymentId = `pay-${orderId}`;
  const createdAt = now.toISOString();
  const order: OrderItem = {
    orderId,
    kind: 'single',
    userId,
    household,
    day,
    storeId: body.storeId,
    storeName: String(store.name),
    communityId: body.communityId,
    slotId: body.slotId,
    slotStartsAt: slot.startsAt,
    slotEndsAt: slot.endsAt,
    general: !terms.priority,
    fulfilment: body.fulfilment,
    contactless: terms.contactless,
    priority: terms.priority,
    address: body.address,
    contact: body.contact,
    lines,
    totalFen,
    paymentMethod: body.payment,
    paymentState: 'pending',
    paymentId,
    status: 'placed',
    timeline: [{ status: 'placed', at: createdAt }],
    pickupCode: pickupCode(randomInt(0, 1_000_000)),
    userCounted: true,
    createdAt,
  };
  const reply = new Reply(201, { order: orderView(order, 'owner') });
  const provider = payments();
  const payment = provider.createItems(
    {
      paymentId,
      payerId: userId,
      amountFen: totalFen,
      purpose: 'grocery-order',
      reference: orderId,
      description: `${String(store.name)} 订单`,
    },
    now,
  );
  const tagged: Tagged[] = [
    ...stockItems(body.storeId, lines, { household, userId }, day),
    bookSlotItem(body.storeId, body.slotId, terms.priority, now),
    {
      tag: { kind: 'order' },
      item: {
        Put: {
          TableName: groceryConfig.table,
          Item: { ...orderKey(orderId), ...orderIndexes(order), ...order },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    ...payment.map((item) => ({ item, tag: { kind: 'payment' as const } })),
    { item: idempotencyPut(scope, reply.status, reply.body, now), tag: { kind: 'idempotency' } },
  ];
  const { replay } = await commit(tagged, now, scope);
  if (replay) return replay as Reply<{ order: Order }>;
  metric('GroceryOrdersPlaced');
  return reply;
}
