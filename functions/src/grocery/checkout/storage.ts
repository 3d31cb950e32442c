import { randomBytes, randomInt } from 'node:crypto';
import { cityDate, type CheckoutRequest, type Order } from '@citycare/contract';
import type * as z from 'zod';
import { directoryTable } from '../../lib/env';
import { Reply } from '../../lib/http';
import { idempotencyPut, type IdempotencyScope } from '../../lib/idempotency';
import { metric } from '../../lib/metrics';
import type { SlotItem } from '../catalogue/rules';
import { toStore } from '../catalogue/views';
import { householdKey } from '../address';
import { groceryConfig } from '../config';
import { limitKey, orderIndexes, orderKey, slotKey, storeDirectoryKey, storeItemKey, userLimitSubject } from '../keys';
import { allowed } from '../refusals';
import { pickupCode, type HouseholdColour } from '../rules';
import { commit, readMany, tagAll, type Tagged } from '../storage';
import { orderView, type OrderItem } from '../views';
import { newPaymentId, type NewPayment } from '../../payments';
import type { OrderHold } from '../paying/hooks';
import { payments } from '../wiring';
import {
  checkoutTerms,
  limitExpiry,
  limitHeadroom,
  orderTotal,
  priceLines,
  slotCondition,
  WITHIN_LIMIT,
  type CatalogueRow,
  type PricedLine,
} from './rules';

/** Checkout: stock, household limits, slot, order, payment and idempotency in ONE transaction. */

const table = () => groceryConfig.table;

export const newOrderId = (now: Date) =>
  `o${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(6).toString('hex')}`;

/** Reads the lines' catalogue rows, the slot and the store in one BatchGetItem. */
export async function readCheckoutInputs(storeId: string, slotId: string, itemIds: string[]) {
  const out = await readMany({
    [table()]: [...itemIds.map((id) => storeItemKey(storeId, id)), slotKey(storeId, slotId)],
    [directoryTable()]: [storeDirectoryKey(storeId)],
  });
  const rows = out[table()] ?? [];
  const items = new Map(
    rows.filter((r) => String(r.sk).startsWith('ITEM#')).map((r) => [String(r.itemId), r as unknown as CatalogueRow]),
  );
  const slot = rows.find((r) => String(r.sk).startsWith('SLOT#')) as SlotItem | undefined;
  const found = out[directoryTable()]?.[0];
  return { items, slot, store: found ? toStore(found) : undefined };
}

/**
 * Transaction items taking each line's stock and, per scarce line, the day's counters of the
 * household and of the user: both are conditions of the same transaction, so neither a second
 * address typed by one user nor a second user at one address buys past the limit.
 */
export function takeStock(
  storeId: string,
  lines: PricedLine[],
  counted: { household: string; userId: string },
  day: string,
): Tagged[] {
  const out: Tagged[] = lines.map((l) => ({
    tag: { kind: 'stock', name: l.name, unit: l.unit, priceFen: l.priceFen },
    item: {
      Update: {
        TableName: table(),
        Key: storeItemKey(storeId, l.itemId),
        UpdateExpression: 'SET stock = stock - :q',
        ConditionExpression: 'attribute_exists(pk) AND stock >= :q AND priceFen = :p',
        ExpressionAttributeValues: { ':q': l.qty, ':p': l.priceFen },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  }));
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
            TableName: table(),
            Key: limitKey(day, subject, storeId, l.itemId),
            UpdateExpression: 'ADD n :q SET expiresAt = if_not_exists(expiresAt, :exp)',
            ConditionExpression: WITHIN_LIMIT,
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
export function bookSlot(storeId: string, slotId: string, priority: boolean, now: Date): Tagged {
  return {
    tag: { kind: 'slot', priority },
    item: {
      Update: {
        TableName: table(),
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

/** The transaction item giving a booked place back (from the general places unless `general` is false). */
export function freeSlot(storeId: string, slotId: string, general: boolean): Tagged {
  return {
    tag: { kind: 'order' },
    item: {
      Update: {
        TableName: table(),
        Key: slotKey(storeId, slotId),
        UpdateExpression: general ? 'ADD booked :minus, generalBooked :minus' : 'ADD booked :minus',
        ConditionExpression: 'booked > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      },
    },
  };
}

/** The transaction item writing a new order with its index attributes. */
export function putOrder(order: OrderItem): Tagged {
  return {
    tag: { kind: 'order' },
    item: {
      Put: {
        TableName: table(),
        Item: { ...orderKey(order.orderId), ...orderIndexes(order), ...order },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** A prepaid order's payment, carrying what the order holds for the `closed` hook (paying/hooks.ts). */
export function orderPayment(order: OrderItem): NewPayment & { hold: OrderHold } {
  return {
    paymentId: order.paymentId,
    payerId: order.userId,
    amountFen: order.totalFen,
    purpose: 'grocery-order',
    reference: order.orderId,
    description: `${order.storeName} 订单`,
    hold: {
      storeId: order.storeId,
      slotId: order.slotId,
      general: order.general,
      day: order.day,
      household: order.household,
      userId: order.userId,
      userCounted: order.userCounted,
      lines: order.lines.map((l) => ({
        itemId: l.itemId,
        qty: l.qty,
        ...(l.dailyLimit === undefined ? {} : { dailyLimit: l.dailyLimit }),
      })),
    },
  };
}

export interface CheckoutContext {
  userId: string;
  body: z.infer<typeof CheckoutRequest>;
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
  const [householdColour, { items, ...found }] = await Promise.all([
    colour,
    readCheckoutInputs(
      body.storeId,
      body.slotId,
      body.lines.map((l) => l.itemId),
    ),
  ]);
  const terms = allowed(checkoutTerms(householdColour, body, found.store, found.slot, now));
  const { store, slot } = terms;
  const { lines } = allowed(priceLines(body.lines, items));
  const orderId = newOrderId(now);
  const household = householdKey(body.communityId, body.address);
  const day = cityDate(now);
  const totalFen = orderTotal(lines);
  const paymentId = newPaymentId(now);
  const createdAt = now.toISOString();
  const order: OrderItem = {
    orderId,
    kind: 'single',
    userId,
    household,
    day,
    storeId: body.storeId,
    storeName: store.name,
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
  // Pay on delivery: the worker collects it at the door with the delivery (delivery/storage.ts), no payment before.
  const payment = body.payment === 'prepaid' ? payments().createItems(orderPayment(order), now) : [];
  const { replay } = await commit(
    [
      ...takeStock(body.storeId, lines, { household, userId }, day),
      bookSlot(body.storeId, body.slotId, terms.priority, now),
      putOrder(order),
      ...tagAll('payment', payment),
      ...tagAll('idempotency', [idempotencyPut(scope, reply.status, reply.body, now)]),
    ],
    now,
    scope,
  );
  if (replay) return replay as Reply<{ order: Order }>;
  metric('GroceryOrdersPlaced');
  return reply;
}
