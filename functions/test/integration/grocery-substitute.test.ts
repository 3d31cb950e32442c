import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody, OrderResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { auditTable } from '../../src/lib/env';
import { substitute } from '../../src/grocery/substitute/handlers';
import { getOrder } from '../../src/grocery/storage';
import { shop, staff, worker } from './grocery-api';
import { call, loginAs, newStaff, type Session } from './helpers';
import {
  freshResident,
  itemRow,
  newItem,
  newSlot,
  orderBody,
  paymentRow,
  placeOrder,
  snapshot,
  STORE,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

/**
 * The store's substitutions while preparing (issue 14): a 同类替换 line replaced by a similar item
 * no dearer, or any line dropped; the total recomputed in fen; pay on delivery collected for
 * less, prepaid refunded the difference through WeChat Pay (settled by REFUND.SUCCESS). The
 * refusals first: each changes nothing.
 */
jest.setTimeout(60_000);

let store: Session;
let cw: Session;
let otherStore: Session;
beforeAll(async () => {
  [store, cw, otherStore] = await Promise.all([loginAs('store'), loginAs('worker'), newStaff('store', 'st-haixing')]);
});

const change = (token: string, orderId: string, body: object) => call(substitute, { token, params: { orderId }, body });
const advance = (token: string, orderId: string, action: string) =>
  call(staff.advance, { token, params: { orderId }, body: { action } });
const residentView = async (token: string, orderId: string) =>
  OrderResponse.parse((await call(shop.order, { method: 'GET', token, params: { orderId } })).body).order;

/** A resident's accepted order: 3 斤 of 白菜 (同类替换) at 1.50 and 2 盒 of 鸡蛋 (不替换) at 5.99, with the store's alternatives. */
async function accepted(payment: 'on-delivery' | 'prepaid') {
  const me = await freshResident();
  const [baicai, jidan, youcai, pork, dear, slotId] = await Promise.all([
    newItem(store.token, { name: '白菜', priceFen: 150, stock: 20 }),
    newItem(store.token, { name: '鸡蛋', category: 'meat-eggs', priceFen: 599, stock: 20 }),
    newItem(store.token, { name: '油菜', priceFen: 120, stock: 10 }),
    newItem(store.token, { name: '猪肉', category: 'meat-eggs', priceFen: 100, stock: 10 }),
    newItem(store.token, { name: '菠菜', priceFen: 151, stock: 10 }),
    newSlot(store.token),
  ]);
  const lines = [
    { itemId: baicai, qty: 3, substitution: 'similar' },
    { itemId: jidan, qty: 2, substitution: 'none' },
  ];
  const placed = await placeOrder(me.token, orderBody(slotId, lines, { payment }));
  expect(placed.status).toBe(201);
  const body = OrderResponse.parse(placed.body);
  expect(body.order.totalFen).toBe(3 * 150 + 2 * 599);
  return { me, baicai, jidan, youcai, pork, dear, orderId: body.order.orderId, clientParams: body.clientParams };
}

async function substitutionAudit(orderId: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: auditTable(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'orderId = :o',
      ExpressionAttributeValues: { ':pk': `GROCERY#SUBSTITUTE#${STORE}`, ':o': orderId },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

describe('refusals: nothing changes', () => {
  it('another store 403, another category 422, dearer 422, a 不替换 line 409, after dispatch 409', async () => {
    const o = await accepted('on-delivery');
    expect((await advance(store.token, o.orderId, 'accept')).status).toBe(200);
    const before = await snapshot([o.orderId, o.baicai, o.youcai, o.pork, o.dear]);
    const refusals: [Session, object, number][] = [
      [otherStore, { action: 'replace', itemId: o.baicai, withItemId: o.youcai }, 403],
      [store, { action: 'replace', itemId: o.baicai, withItemId: o.pork }, 422],
      [store, { action: 'replace', itemId: o.baicai, withItemId: o.dear }, 422],
      [store, { action: 'replace', itemId: o.jidan, withItemId: o.pork }, 409],
      [cw, { action: 'drop', itemId: o.jidan }, 403],
    ];
    for (const [who, body, status] of refusals) {
      const res = await change(who.token, o.orderId, body);
      expect({ status: res.status, body: res.body }).toMatchObject({ status });
      expect(ErrorBody.parse(res.body).error.message).toBeTruthy();
    }
    expect(await snapshot([o.orderId, o.baicai, o.youcai, o.pork, o.dear])).toBe(before);
    expect(await substitutionAudit(o.orderId)).toEqual([]);

    expect((await advance(store.token, o.orderId, 'prepare')).status).toBe(200);
    expect((await advance(cw.token, o.orderId, 'dispatch')).status).toBe(200);
    const late = await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan });
    expect(late.status).toBe(409);
  });

  it('refuses a line changed twice, and before the store accepted (409)', async () => {
    const o = await accepted('on-delivery');
    expect((await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan })).status).toBe(409);
    await advance(store.token, o.orderId, 'accept');
    expect((await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan })).status).toBe(200);
    expect((await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan })).status).toBe(409);
  });
});

it('pay on delivery: a line replaced and one dropped; the worker collects the recomputed total; stock and audit add up', async () => {
  const o = await accepted('on-delivery');
  await advance(store.token, o.orderId, 'accept');
  const replaced = await change(store.token, o.orderId, { action: 'replace', itemId: o.baicai, withItemId: o.youcai });
  expect(replaced.status).toBe(200);
  expect(OrderResponse.parse(replaced.body).order.totalFen).toBe(3 * 120 + 2 * 599);
  expect((await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan })).status).toBe(200);
  expect((await itemRow(o.baicai))?.stock).toBe(20);
  expect((await itemRow(o.youcai))?.stock).toBe(7);
  expect((await itemRow(o.jidan))?.stock).toBe(20);

  const seen = await residentView(o.me.token, o.orderId);
  expect(seen).toMatchObject({ totalFen: 360, originalTotalFen: 1648 });
  expect(seen.differenceRefund).toBeUndefined();
  expect(seen.lines).toEqual([
    expect.objectContaining({
      itemId: o.youcai,
      name: '油菜',
      priceFen: 120,
      lineFen: 360,
      replaced: { itemId: o.baicai, name: '白菜', unit: '斤', priceFen: 150 },
    }),
    expect.objectContaining({ itemId: o.jidan, dropped: true, lineFen: 0 }),
  ]);
  const audit = await substitutionAudit(o.orderId);
  expect(audit.map((a) => a.action).sort()).toEqual(['grocery.drop-line', 'grocery.substitute']);

  await advance(store.token, o.orderId, 'prepare');
  await advance(cw.token, o.orderId, 'dispatch');
  const mine = await residentView(o.me.token, o.orderId);
  const done = await call(worker.confirm, {
    token: cw.token,
    params: { orderId: o.orderId },
    body: { pickupCode: mine.pickupCode, collected: 'cash' },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ collected: { method: 'cash', amountFen: 360 } });
  expect(await getOrder(o.orderId)).toMatchObject({ collectedFen: 360, paymentState: 'paid' });
});

describe('prepaid with WeChat Pay', () => {
  let previousProvider: string | undefined;
  beforeAll(() => {
    previousProvider = process.env.PAYMENT_PROVIDER;
    process.env.PAYMENT_PROVIDER = 'wechat-pay';
  });
  afterAll(() => {
    process.env.PAYMENT_PROVIDER = previousProvider;
  });

  it('refuses changes before it is paid; once prepared, the difference is refunded in part and settles on REFUND.SUCCESS', async () => {
    const o = await accepted('prepaid');
    await advance(store.token, o.orderId, 'accept');
    expect((await change(store.token, o.orderId, { action: 'drop', itemId: o.jidan })).status).toBe(409);

    await cashier(o.clientParams);
    await until(async () => (await getOrder(o.orderId))?.paymentState === 'paid');
    const paymentId = (await getOrder(o.orderId))?.paymentId ?? '';
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid', amountFen: 1648 });

    await change(store.token, o.orderId, { action: 'replace', itemId: o.baicai, withItemId: o.youcai });
    expect((await getOrder(o.orderId))?.totalFen).toBe(1558);
    // Nothing is refunded while the store is still preparing.
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid' });

    const prepared = await advance(store.token, o.orderId, 'prepare');
    expect(prepared.status).toBe(200);
    expect(OrderResponse.parse(prepared.body).order).toMatchObject({
      status: 'prepared',
      totalFen: 1558,
      originalTotalFen: 1648,
      payment: { state: 'paid' },
    });
    await until(async () => (await getOrder(o.orderId))?.differenceRefund?.state === 'refunded');
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'refunded', amountFen: 1648, refundFen: 90 });
    const seen = await residentView(o.me.token, o.orderId);
    expect(seen).toMatchObject({
      totalFen: 1558,
      differenceRefund: { fen: 90, state: 'refunded' },
      payment: { state: 'paid' },
    });
    expect(1558 + 90).toBe(1648);

    // A paid order takes no money at the door.
    await advance(cw.token, o.orderId, 'dispatch');
    const done = await call(worker.confirm, {
      token: cw.token,
      params: { orderId: o.orderId },
      body: { pickupCode: seen.pickupCode },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(done.status).toBe(200);
  });
});
