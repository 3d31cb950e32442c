import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type CheckoutRequest, cityDate, GroupResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { addSlot as addStoreSlot, putItem as putStoreItem } from '../../src/grocery/catalogue/handlers';
import { advance } from '../../src/grocery/orders/handlers';
import { openGroup as openGroupHandler } from '../../src/grocery/groups/handlers';
import { checkout } from '../../src/grocery/checkout/handlers';
import { newSlotItem } from '../../src/grocery/catalogue/rules';
import { call, loginAs, scanAll, unique, type Answer } from './helpers';
import { limitKey, shareKey, slotKey, storeItemKey } from '../../src/grocery/keys';
import { householdKey } from '../../src/grocery/address';
import { paymentKey } from '../../src/payments/provider';

/** Shared set-up of the grocery integration tests: items and slots of their own, per test. */

export const STORE = 'st-xingfu';
export const COMMUNITY = 'zq-jianshe';
export const table = () => process.env.TABLE_GROCERY ?? '';

let slotCounter = 0;

export type ItemFields = Partial<{
  name: string;
  category: string;
  priceFen: number;
  stock: number;
  dailyLimit: number;
}>;

/** A new item in 幸福便民超市, through the store operator's route. */
export async function newItem(storeToken: string, fields: ItemFields = {}): Promise<string> {
  const res = await call<{ item: { itemId: string } }>(putStoreItem, {
    method: 'PUT',
    token: storeToken,
    params: { storeId: STORE },
    body: {
      name: `测试白菜${slotCounter++}`,
      category: 'vegetables',
      unit: '斤',
      priceFen: 120,
      stock: 100,
      ...fields,
    },
  });
  if (res.status !== 200) throw new Error(`newItem: ${JSON.stringify(res.body)}`);
  return res.body.item.itemId;
}

/** A new slot, starting at a minute of its own 2–12 days ahead, through the store operator's route. */
export async function newSlot(storeToken: string, capacity = 100): Promise<string> {
  for (;;) {
    const minutes = 48 * 60 + Math.floor(Math.random() * 10 * 24 * 60);
    const start = new Date(Math.floor(Date.now() / 60000 + minutes) * 60000);
    const res = await call<{ slot: { slotId: string } }>(addStoreSlot, {
      token: storeToken,
      params: { storeId: STORE },
      body: {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        cutoffAt: new Date(start.getTime() - 12 * 3600_000).toISOString(),
        capacity,
      },
    });
    if (res.status === 201) return res.body.slot.slotId;
    if (res.status !== 409) throw new Error(`newSlot: ${JSON.stringify(res.body)}`);
  }
}

/** A slot whose cutoff has passed (no route makes one: written directly). */
export async function pastCutoffSlot(): Promise<string> {
  const start = new Date(Math.floor(Date.now() / 60000 + 60 + Math.floor(Math.random() * 600)) * 60000);
  const item = newSlotItem(
    STORE,
    {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
      cutoffAt: new Date(Date.now() - 60_000).toISOString(),
      capacity: 10,
    },
    0.2,
  );
  await db().send(new PutCommand({ TableName: table(), Item: item }));
  return item.slotId;
}

export const address = (room = '501') => ({ building: '3', unit: '2', room });
export const contact = { name: '王秀兰', phone: '13812345678' };

export function orderBody(
  slotId: string,
  lines: { itemId: string; qty: number }[],
  overrides: Partial<CheckoutRequest> = {},
) {
  return {
    storeId: STORE,
    communityId: COMMUNITY,
    slotId,
    fulfilment: 'delivery',
    contactless: true,
    payment: 'on-delivery',
    address: address(`${Math.floor(Math.random() * 9000) + 1000}`),
    contact,
    lines,
    ...overrides,
  } as CheckoutRequest;
}

export interface OrderAnswer {
  order: {
    orderId: string;
    pickupCode?: string;
    status: string;
    totalFen: number;
    priority: boolean;
    contactless: boolean;
    payment: { state: string; paymentId: string };
  };
}

export function placeOrder(token: string, body: unknown, key: string = randomUUID()): Promise<Answer<OrderAnswer>> {
  return call<OrderAnswer>(checkout, { token, body, headers: { 'idempotency-key': key } });
}

export async function itemRow(itemId: string) {
  return (
    await db().send(new GetCommand({ TableName: table(), Key: storeItemKey(STORE, itemId), ConsistentRead: true }))
  ).Item;
}

export async function slotRow(slotId: string) {
  return (await db().send(new GetCommand({ TableName: table(), Key: slotKey(STORE, slotId), ConsistentRead: true })))
    .Item;
}

/** A payment as the local provider recorded it. */
export async function paymentRow(paymentId: string) {
  return (
    await db().send(
      new GetCommand({ TableName: process.env.TABLE_PAYMENTS, Key: paymentKey(paymentId), ConsistentRead: true }),
    )
  ).Item;
}

/** A household's share of a group as stored. */
export async function shareRow(groupId: string, memberId: string) {
  return (
    await db().send(new GetCommand({ TableName: table(), Key: shareKey(groupId, memberId), ConsistentRead: true }))
  ).Item;
}

/** Today's count of a scarce item for the household at `room` (0 when it bought none). */
export async function limitCount(itemId: string, room: string): Promise<number> {
  const key = limitKey(cityDate(new Date()), householdKey(COMMUNITY, address(room)), STORE, itemId);
  const row = (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;
  return Number(row?.n ?? 0);
}

/**
 * What the grocery domain wrote that mentions any of `markers` (a test's own user, items, slot),
 * to compare before and after a refused request. Other test files write at the same time, so
 * the comparison is limited to this test's own rows.
 */
export async function snapshot(markers: string[]): Promise<string> {
  const tables = [table(), process.env.TABLE_PAYMENTS ?? '', process.env.TABLE_IDEMPOTENCY ?? ''];
  const rows = (await Promise.all(tables.map((t) => scanAll(t)))).flat().map((i) => JSON.stringify(i));
  return JSON.stringify(rows.filter((r) => markers.some((m) => r.includes(m))).sort());
}

/** A resident of their own, so that counts and snapshots are not shared with other tests. */
export const freshResident = () => loginAs(unique('gr'));

/** The body a community worker opens a group order with (卡点购物车), cutoff in an hour. */
export const groupBody = (
  slotId: string,
  label = '建设社区3号楼',
  cutoffAt = new Date(Date.now() + 3600_000).toISOString(),
) => ({
  storeId: STORE,
  communityId: COMMUNITY,
  slotId,
  label,
  cutoffAt,
  contact: { name: '李建国', phone: '13900001111' },
});

/** Opens a group order as the worker; its id. */
export async function openGroup(workerToken: string, slotId: string, label?: string): Promise<string> {
  const res = await call(openGroupHandler, { token: workerToken, body: groupBody(slotId, label) });
  if (res.status !== 201) throw new Error(`open group: ${JSON.stringify(res.body)}`);
  return GroupResponse.parse(res.body).group.groupId;
}

/** A fresh resident with an item and a slot of their own in 幸福便民超市, made through the store's routes. */
export async function shopper(storeToken: string, item: ItemFields = {}, capacity?: number) {
  const [me, itemId, slotId] = await Promise.all([
    freshResident(),
    newItem(storeToken, item),
    newSlot(storeToken, capacity),
  ]);
  return { me, item: itemId, slotId };
}

/** A fresh resident's placed order of `qty` of an item of their own (delivery, paid on delivery). */
export async function ordered(storeToken: string, qty = 1, overrides: Partial<CheckoutRequest> = {}) {
  const { me, item, slotId } = await shopper(storeToken);
  const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty }], overrides));
  if (res.status !== 201) throw new Error(`order: ${JSON.stringify(res.body)}`);
  const { orderId, pickupCode, totalFen } = res.body.order as { orderId: string; pickupCode: string; totalFen: number };
  return { me, item, slotId, orderId, pickupCode, totalFen };
}

/**
 * A fresh resident's order (pay on delivery unless `overrides` say otherwise), accepted and
 * prepared by the store and sent out by the worker.
 */
export async function orderOutForDelivery(
  storeToken: string,
  workerToken: string,
  overrides: Partial<CheckoutRequest> = {},
) {
  const { me, orderId, pickupCode, totalFen } = await ordered(storeToken, 1, overrides);
  for (const [token, action] of [
    [storeToken, 'accept'],
    [storeToken, 'prepare'],
    [workerToken, 'dispatch'],
  ] as const) {
    const res = await call(advance, { token, params: { orderId }, body: { action } });
    if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body)}`);
  }
  return { me, orderId, pickupCode, totalFen };
}
