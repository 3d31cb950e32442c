import { randomUUID } from 'node:crypto';
import { CatalogueResponse, ErrorBody, OrderResponse, OrdersResponse } from '@citycare/contract';
import { shop } from './grocery-api';
import { call, signedIn } from './helpers';
import {
  address,
  COMMUNITY,
  freshResident,
  itemRow,
  newItem,
  newSlot,
  orderBody,
  pastCutoffSlot,
  paymentRow as payment,
  placeOrder,
  shopper,
  slotRow,
  snapshot,
  STORE,
} from './grocery-fixtures';

const [store] = signedIn('store');
afterEach(() => jest.restoreAllMocks());

describe('browsing', () => {
  it('lists the stores that deliver to a community', async () => {
    const me = await freshResident();
    const res = await call<{ stores: { storeId: string }[] }>(shop.stores, {
      method: 'GET',
      token: me.token,
      params: { communityId: COMMUNITY },
    });
    expect(res.status).toBe(200);
    expect(res.body.stores.map((s) => s.storeId).sort()).toEqual(['st-xiliu-veg', 'st-xingfu']);
  });

  it('shows a catalogue by category with the regulator cap beside each price, and open slots', async () => {
    const me = await freshResident();
    const res = await call(shop.storeCatalogue, { method: 'GET', token: me.token, params: { storeId: STORE } });
    expect(res.status).toBe(200);
    const body = CatalogueResponse.parse(res.body);
    const baicai = body.items.find((i) => i.itemId === 'baicai');
    expect(baicai).toMatchObject({ name: '大白菜', category: 'vegetables', capFen: 500, origin: '老边区柳树镇西柳村' });
    expect(body.items.find((i) => i.itemId === 'kouzhao')).toMatchObject({ dailyLimit: 2, category: 'medical' });
    for (const item of body.items) expect(item.priceFen).toBeLessThanOrEqual(item.capFen ?? 0);
    const slots = await call<{ slots: { open: boolean; reserved: number; capacity: number }[] }>(shop.slots, {
      method: 'GET',
      token: me.token,
      params: { storeId: STORE },
    });
    expect(slots.status).toBe(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    expect(slots.body.slots.every((s) => s.open)).toBe(true);
    expect(slots.body.slots.some((s) => s.reserved === Math.floor(s.capacity * 0.2))).toBe(true);
  });

  it('answers 404 for a store that does not exist', async () => {
    const me = await freshResident();
    const res = await call(shop.storeCatalogue, { method: 'GET', token: me.token, params: { storeId: 'st-nowhere' } });
    expect(res.status).toBe(404);
  });
});

describe('checkout', () => {
  it('takes stock, books the slot, records the payment and gives a 6-digit pickup code, all at once', async () => {
    const { me, item: a, slotId } = await shopper(store.token, { stock: 10 });
    const b = await newItem(store.token, { priceFen: 450, category: 'meat-eggs' });
    const res = await placeOrder(
      me.token,
      orderBody(
        slotId,
        [
          { itemId: a, qty: 3 },
          { itemId: b, qty: 2 },
        ],
        { payment: 'prepaid' },
      ),
    );
    expect(res.status).toBe(201);
    const { order } = OrderResponse.parse(res.body);
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    expect(order).toMatchObject({ status: 'placed', totalFen: 3 * 120 + 2 * 450, contactless: true, priority: false });
    expect(order.timeline.map((t) => t.status)).toEqual(['placed']);
    expect((await itemRow(a))?.stock).toBe(7);
    expect(await slotRow(slotId)).toMatchObject({ booked: 1, generalBooked: 1 });
    expect(await payment(order.payment.paymentId)).toMatchObject({
      status: 'pending',
      amountFen: 1260,
      payerId: me.userId,
    });
    const mine = OrdersResponse.parse((await call(shop.myOrders, { method: 'GET', token: me.token })).body);
    expect(mine.orders.map((o) => o.orderId)).toEqual([order.orderId]);
  });

  it('needs an Idempotency-Key and writes nothing without one', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const before = await snapshot([me.userId, item, slotId]);
    const res = await call(shop.checkout, { token: me.token, body: orderBody(slotId, [{ itemId: item, qty: 1 }]) });
    expect(res.status).toBe(400);
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
  });

  it.each([
    ['an empty cart', { lines: [] }],
    ['a fractional quantity', { lines: [{ itemId: 'baicai', qty: 1.5 }] }],
    ['a zero quantity', { lines: [{ itemId: 'baicai', qty: 0 }] }],
    ['a bad phone number', { contact: { name: '王秀兰', phone: '12345' } }],
    ['no room number', { address: { building: '3', unit: '2', room: '' } }],
    ['an unknown payment method', { payment: 'credit' }],
    ['an unknown field', { discount: 100 }],
    [
      'the same item twice',
      {
        lines: [
          { itemId: 'baicai', qty: 1 },
          { itemId: 'baicai', qty: 1 },
        ],
      },
    ],
  ])('refuses %s with 400 and writes nothing', async (_name, overrides) => {
    const me = await freshResident();
    const slotId = await newSlot(store.token);
    const before = await snapshot([me.userId, slotId]);
    const res = await placeOrder(me.token, { ...orderBody(slotId, [{ itemId: 'baicai', qty: 1 }]), ...overrides });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    expect(await snapshot([me.userId, slotId])).toBe(before);
  });

  it('refuses an item that ran out with 409 naming it, and writes nothing (not even the lines in stock)', async () => {
    const { me, item: plenty, slotId } = await shopper(store.token, { stock: 50 });
    const scarce = await newItem(store.token, { stock: 2, name: '西兰花' });
    const before = await snapshot([me.userId, plenty, scarce, slotId]);
    const res = await placeOrder(
      me.token,
      orderBody(slotId, [
        { itemId: plenty, qty: 5 },
        { itemId: scarce, qty: 3 },
      ]),
    );
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe('西兰花 库存不足，只剩 2斤');
    expect(await snapshot([me.userId, plenty, scarce, slotId])).toBe(before);
  });

  it('refuses a slot past its cutoff with 422 and writes nothing', async () => {
    const me = await freshResident();
    const [item, slotId] = await Promise.all([newItem(store.token), pastCutoffSlot()]);
    const before = await snapshot([me.userId, item, slotId]);
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]));
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain('截单时间');
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
  });

  it('refuses a full slot with 409', async () => {
    const { me, item, slotId } = await shopper(store.token, {}, 1);
    // capacity 1: 0 places held for red/yellow (20% rounded down), 1 for anyone
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(201);
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]));
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('约满');
    expect((await itemRow(item))?.stock).toBe(99);
  });

  it('counts a scarce item per household per day across orders: over the limit is 422 and writes nothing', async () => {
    const {
      me,
      item: masks,
      slotId,
    } = await shopper(store.token, { name: '口罩10只', category: 'medical', priceFen: 1500, dailyLimit: 2 });
    const home = { address: address('1201') };
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: masks, qty: 1 }], home))).status).toBe(201);
    const before = await snapshot([me.userId, masks, slotId]);
    const over = await placeOrder(me.token, orderBody(slotId, [{ itemId: masks, qty: 2 }], home));
    expect(over.status).toBe(422);
    expect(over.body.error?.message).toBe('口罩10只 每户每天限购 2斤，您家今天已买 1斤');
    expect(await snapshot([me.userId, masks, slotId])).toBe(before);
    const tooMany = await placeOrder(
      me.token,
      orderBody(slotId, [{ itemId: masks, qty: 3 }], { address: address('1202') }),
    );
    expect(tooMany.status).toBe(422);
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: masks, qty: 1 }], home))).status).toBe(201);
    // another household of the same building still may (a user of its own: the same user typing
    // another room is counted per user too, grocery-integrity.test.ts)
    const neighbour = await freshResident();
    expect(
      (await placeOrder(neighbour.token, orderBody(slotId, [{ itemId: masks, qty: 2 }], { address: address('1203') })))
        .status,
    ).toBe(201);
  });

  it('refuses a store that does not deliver to the community with 422', async () => {
    const me = await freshResident();
    const slotId = await newSlot(store.token);
    const res = await placeOrder(
      me.token,
      orderBody(slotId, [{ itemId: 'baicai', qty: 1 }], { communityId: 'byq-haixing' }),
    );
    expect(res.status).toBe(422);
  });

  it('answers the first answer again for the same Idempotency-Key, and 409 for that key with another order', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const key = randomUUID();
    const body = orderBody(slotId, [{ itemId: item, qty: 2 }]);
    const first = await placeOrder(me.token, body, key);
    const again = await placeOrder(me.token, body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.order.orderId).toBe(first.body.order.orderId);
    const other = await placeOrder(me.token, { ...body, lines: [{ itemId: item, qty: 3 }] }, key);
    expect(other.status).toBe(409);
    expect((await itemRow(item))?.stock).toBe(98);
  });
});

describe('cancel and pay', () => {
  it('cancels before the store accepts: stock, slot, household counter and payment released together', async () => {
    const { me, item: masks, slotId } = await shopper(store.token, { category: 'medical', dailyLimit: 1, stock: 5 });
    const home = { address: address('701') };
    const placed = await placeOrder(
      me.token,
      orderBody(slotId, [{ itemId: masks, qty: 1 }], { ...home, payment: 'prepaid' }),
    );
    const { orderId, payment: pay } = placed.body.order;
    const res = await call(shop.cancel, { token: me.token, params: { orderId } });
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'cancelled', payment: { state: 'cancelled' } });
    expect((await itemRow(masks))?.stock).toBe(5);
    expect(await slotRow(slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
    expect(await payment(pay.paymentId)).toMatchObject({ status: 'cancelled' });
    // the household may buy its one pack again today
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: masks, qty: 1 }], home))).status).toBe(201);
    expect((await call(shop.cancel, { token: me.token, params: { orderId } })).status).toBe(409);
  });

  it('refuses another resident’s order (403) and paying twice (409)', async () => {
    const [me, other] = await Promise.all([freshResident(), freshResident()]);
    const [item, slotId] = await Promise.all([newItem(store.token), newSlot(store.token)]);
    const { orderId } = (await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).body.order;
    expect((await call(shop.cancel, { token: other.token, params: { orderId } })).status).toBe(403);
    expect((await call(shop.pay, { token: other.token, params: { orderId } })).status).toBe(403);
    expect((await call(shop.order, { method: 'GET', token: other.token, params: { orderId } })).status).toBe(403);
    // Pay on delivery: nothing to pay before the door, and /pay marks nothing paid (issue 11).
    expect((await call(shop.pay, { token: me.token, params: { orderId } })).status).toBe(409);
    expect(
      OrderResponse.parse((await call(shop.order, { method: 'GET', token: me.token, params: { orderId } })).body).order
        .payment.state,
    ).toBe('pending');
    expect((await itemRow(item))?.stock).toBe(99);
  });

  it('answers 404 for an order that does not exist', async () => {
    const me = await freshResident();
    expect((await call(shop.cancel, { token: me.token, params: { orderId: 'o-none' } })).status).toBe(404);
    expect((await call(shop.order, { method: 'GET', token: me.token, params: { orderId: 'o-none' } })).status).toBe(
      404,
    );
  });
});
