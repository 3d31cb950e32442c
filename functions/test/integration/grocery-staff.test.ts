import { randomUUID } from 'node:crypto';
import { ComplaintsResponse, OrderResponse, OrdersResponse, PickListResponse } from '@citycare/contract';
import { regulator as regulatorApi, shop, staff, worker } from './grocery-api';
import { call, loginAs, newStaff, type Session, signedIn } from './helpers';
import {
  address,
  COMMUNITY,
  freshResident,
  itemRow,
  newItem,
  newSlot,
  orderBody,
  placeOrder,
  shopper,
  slotRow,
  snapshot,
  STORE,
} from './grocery-fixtures';

const [store, liJianguo] = signedIn('store', 'worker');
/** A store operator of another store, and a worker of another community. */
let otherStore: Session;
let otherWorker: Session;
beforeAll(async () => {
  [otherStore, otherWorker] = await Promise.all([newStaff('store', 'st-haixing'), newStaff('worker', 'zq-yingbin')]);
});

const advance = (token: string, orderId: string, body: Record<string, unknown>) =>
  call(staff.advance, { token, params: { orderId }, body });
const deliver = (token: string, orderId: string, pickupCode: string, key = randomUUID()) =>
  call(worker.confirm, {
    token,
    params: { orderId },
    body: { pickupCode, collected: 'cash' },
    headers: { 'idempotency-key': key },
  });

async function anOrder(room = '301') {
  const { me, item, slotId } = await shopper(store.token);
  const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }], { address: address(room) }));
  return { me, item, slotId, order: res.body.order as { orderId: string; pickupCode: string } };
}

describe('catalogue and slots (store operator)', () => {
  it('adds and edits an item within the cap', async () => {
    const itemId = await newItem(store.token, { name: '芹菜', priceFen: 300 });
    const res = await call(staff.putStoreItem, {
      method: 'PUT',
      token: store.token,
      params: { storeId: STORE },
      body: { itemId, name: '芹菜', category: 'vegetables', unit: '斤', priceFen: 280, stock: 40 },
    });
    expect(res.status).toBe(200);
    expect(await itemRow(itemId)).toMatchObject({ priceFen: 280, stock: 40 });
  });

  it('refuses a price above the category cap with 422 naming the cap, and writes nothing', async () => {
    const before = await snapshot(['火龙果']);
    const res = await call(staff.putStoreItem, {
      method: 'PUT',
      token: store.token,
      params: { storeId: STORE },
      body: { name: '火龙果', category: 'vegetables', unit: '斤', priceFen: 880, stock: 10 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toBe('价格 8.80 元超过了市场监管部门对“蔬菜”的限价 5.00 元，请调低后再保存');
    expect(await snapshot(['火龙果'])).toBe(before);
  });

  it('refuses another store’s catalogue (403), a resident (403) and a bad body (400)', async () => {
    const resident = await freshResident();
    const body = { name: '苹果', category: 'vegetables', unit: '斤', priceFen: 300, stock: 10 };
    const put = (token: string, b: unknown) =>
      call(staff.putStoreItem, { method: 'PUT', token, params: { storeId: STORE }, body: b });
    expect((await put(otherStore.token, body)).status).toBe(403);
    expect((await put(resident.token, body)).status).toBe(403);
    expect((await put(store.token, { ...body, priceFen: -1 })).status).toBe(400);
    expect((await put(store.token, { ...body, category: 'toys' })).status).toBe(400);
    expect((await put(store.token, { ...body, itemId: 'no-such-item' })).status).toBe(404);
  });

  it('defines slots with a share held for red/yellow households; refuses past cutoffs, duplicates and other stores', async () => {
    const slotId = await newSlot(store.token, 30);
    expect(await slotRow(slotId)).toMatchObject({ capacity: 30, reserved: 6, generalCap: 24, booked: 0 });
    const start = new Date(Date.now() + 3 * 86400_000);
    const body = {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
      cutoffAt: new Date(Date.now() - 1000).toISOString(),
      capacity: 10,
    };
    const add = (token: string, b: unknown) => call(staff.addStoreSlot, { token, params: { storeId: STORE }, body: b });
    expect((await add(store.token, body)).status).toBe(422);
    expect((await add(otherStore.token, { ...body, cutoffAt: start.toISOString() })).status).toBe(403);
    expect((await add(store.token, { ...body, capacity: 0 })).status).toBe(400);
    const row = await slotRow(slotId);
    const dup = await add(store.token, {
      startsAt: row?.startsAt,
      endsAt: row?.endsAt,
      cutoffAt: row?.cutoffAt,
      capacity: 5,
    });
    expect(dup.status).toBe(409);
  });
});

describe('an order from placed to delivered', () => {
  it('store accepts and prepares, worker dispatches and confirms with the pickup code, resident sees delivered', async () => {
    const { me, order } = await anOrder();
    const { orderId, pickupCode } = order;
    expect((await advance(store.token, orderId, { action: 'accept' })).status).toBe(200);
    expect((await call(shop.cancel, { token: me.token, params: { orderId } })).status).toBe(409);
    expect((await advance(store.token, orderId, { action: 'prepare' })).status).toBe(200);
    const out = await advance(liJianguo.token, orderId, { action: 'dispatch' });
    expect(out.status).toBe(200);
    expect(OrderResponse.parse(out.body).order.pickupCode).toBeUndefined();
    const wrong = await deliver(liJianguo.token, orderId, pickupCode === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(422);
    const key = randomUUID();
    const ok = await deliver(liJianguo.token, orderId, pickupCode, key);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ orderId, status: 'delivered' });
    // the offline queue syncs the same confirmation again: the same answer, applied once
    const again = await deliver(liJianguo.token, orderId, pickupCode, key);
    expect(again).toEqual(ok);
    expect((await deliver(liJianguo.token, orderId, pickupCode)).status).toBe(409);
    const seen = OrderResponse.parse(
      (await call(shop.order, { method: 'GET', token: me.token, params: { orderId } })).body,
    );
    expect(seen.order.status).toBe('delivered');
    expect(seen.order.timeline.map((t) => t.status)).toEqual([
      'placed',
      'accepted',
      'prepared',
      'out-for-delivery',
      'delivered',
    ]);
  });

  it('refuses steps out of order (409), other stores and communities (403), and the wrong role (403)', async () => {
    const { me, order } = await anOrder();
    const { orderId, pickupCode } = order;
    expect((await advance(store.token, orderId, { action: 'prepare' })).status).toBe(409);
    expect((await advance(otherStore.token, orderId, { action: 'accept' })).status).toBe(403);
    expect((await advance(liJianguo.token, orderId, { action: 'accept' })).status).toBe(403);
    expect((await advance(me.token, orderId, { action: 'accept' })).status).toBe(403);
    expect((await advance(store.token, orderId, { action: 'launch' })).status).toBe(400);
    expect((await advance(store.token, orderId, { action: 'reject' })).status).toBe(400);
    expect((await deliver(liJianguo.token, orderId, pickupCode)).status).toBe(409);
    await advance(store.token, orderId, { action: 'accept' });
    await advance(store.token, orderId, { action: 'prepare' });
    expect((await advance(otherWorker.token, orderId, { action: 'dispatch' })).status).toBe(403);
    expect((await deliver(otherWorker.token, orderId, pickupCode)).status).toBe(403);
    expect((await deliver(me.token, orderId, pickupCode)).status).toBe(403);
    const noKey = await call(worker.confirm, {
      token: liJianguo.token,
      params: { orderId },
      body: { pickupCode, collected: 'cash' },
    });
    expect(noKey.status).toBe(400);
    expect((await advance(store.token, 'o-none', { action: 'accept' })).status).toBe(404);
  });

  it('lets the store reject with a reason, releasing stock and slot and cancelling the payment', async () => {
    const { me, item, slotId, order } = await anOrder();
    const res = await advance(store.token, order.orderId, { action: 'reject', reason: '大白菜今天到货不足' });
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({
      status: 'rejected',
      rejectReason: '大白菜今天到货不足',
    });
    expect((await itemRow(item))?.stock).toBe(100);
    expect(await slotRow(slotId)).toMatchObject({ booked: 0 });
    const mine = OrdersResponse.parse((await call(shop.myOrders, { method: 'GET', token: me.token })).body);
    expect(mine.orders[0]).toMatchObject({ status: 'rejected', payment: { state: 'cancelled' } });
  });
});

describe('what staff see', () => {
  it('gives the store its orders and a pick list by slot, grouped by community, building and unit, masked', async () => {
    const me = await freshResident();
    const [a, b, slotId] = await Promise.all([
      newItem(store.token, { name: '青椒' }),
      newItem(store.token, { name: '茄子' }),
      newSlot(store.token),
    ]);
    const place = (room: string, building: string, lines: { itemId: string; qty: number }[], communityId = COMMUNITY) =>
      placeOrder(me.token, orderBody(slotId, lines, { communityId, address: { building, unit: '1', room } }));
    await place('502', '2', [{ itemId: a, qty: 2 }]);
    await place('101', '2', [
      { itemId: a, qty: 1 },
      { itemId: b, qty: 4 },
    ]);
    await place('301', '10', [{ itemId: b, qty: 1 }]);
    await place('201', '1', [{ itemId: a, qty: 3 }], 'zq-yingbin');
    const res = await call(staff.slotPickList, {
      method: 'GET',
      token: store.token,
      params: { storeId: STORE, slotId },
    });
    expect(res.status).toBe(200);
    const list = PickListResponse.parse(res.body);
    expect(list.orderCount).toBe(4);
    expect(list.totals.map((t) => [t.name, t.qty])).toEqual([
      ['青椒', 6],
      ['茄子', 5],
    ]);
    expect(list.communities.map((c) => c.communityId)).toEqual(['zq-jianshe', 'zq-yingbin']);
    expect(list.communities[0]?.buildings.map((x) => x.building)).toEqual(['2', '10']);
    expect(list.communities[0]?.buildings[0]?.units[0]?.orders.map((o) => [o.room, o.contactName])).toEqual([
      ['101', '王*兰'],
      ['502', '王*兰'],
    ]);
    const forOther = await call(staff.slotPickList, {
      method: 'GET',
      token: otherStore.token,
      params: { storeId: STORE, slotId },
    });
    expect(forOther.status).toBe(403);
    const orders = OrdersResponse.parse(
      (await call(staff.storeOrders, { method: 'GET', token: store.token, params: { storeId: STORE } })).body,
    );
    const ours = orders.orders.filter((o) => o.slot.slotId === slotId);
    expect(ours).toHaveLength(4);
    expect(ours.every((o) => o.pickupCode === undefined && o.contact.phone === '138****5678')).toBe(true);
    expect(
      (await call(staff.storeOrders, { method: 'GET', token: otherStore.token, params: { storeId: STORE } })).status,
    ).toBe(403);
  });

  it('gives a worker their own community’s orders only, masked, and refuses other communities', async () => {
    const { order } = await anOrder();
    const res = await call(worker.deliveries, {
      method: 'GET',
      token: liJianguo.token,
      params: { communityId: COMMUNITY },
    });
    expect(res.status).toBe(200);
    const found = OrdersResponse.parse(res.body).orders.find((o) => o.orderId === order.orderId);
    expect(found).toMatchObject({ contact: { name: '王*兰', phone: '138****5678' }, address: { room: '301' } });
    expect(found?.pickupCode).toBeUndefined();
    expect(
      (await call(worker.deliveries, { method: 'GET', token: liJianguo.token, params: { communityId: 'zq-yingbin' } }))
        .status,
    ).toBe(403);
    expect(
      (await call(worker.deliveries, { method: 'GET', token: store.token, params: { communityId: COMMUNITY } })).status,
    ).toBe(403);
    const detail = await call(shop.order, {
      method: 'GET',
      token: liJianguo.token,
      params: { orderId: order.orderId },
    });
    expect(detail.status).toBe(200);
    expect(OrderResponse.parse(detail.body).order.pickupCode).toBeUndefined();
    expect(
      (await call(shop.order, { method: 'GET', token: otherWorker.token, params: { orderId: order.orderId } })).status,
    ).toBe(403);
  });
});

describe('complaints to the market regulator', () => {
  it('takes a resident’s complaint about their own order and shows it to the regulator only', async () => {
    const { me, order } = await anOrder();
    const other = await freshResident();
    const body = { kind: 'price', text: '鸡蛋比超市门口的标价贵' };
    expect((await call(shop.complain, { token: other.token, params: { orderId: order.orderId }, body })).status).toBe(
      403,
    );
    expect(
      (
        await call(shop.complain, {
          token: me.token,
          params: { orderId: order.orderId },
          body: { kind: 'price', text: '贵' },
        })
      ).status,
    ).toBe(400);
    const res = await call(shop.complain, { token: me.token, params: { orderId: order.orderId }, body });
    expect(res.status).toBe(201);
    const regulator = await loginAs('regulator');
    const list = ComplaintsResponse.parse(
      (await call(regulatorApi.complaints, { method: 'GET', token: regulator.token })).body,
    );
    expect(list.complaints.find((c) => c.orderId === order.orderId)).toMatchObject({ kind: 'price', storeId: STORE });
    expect((await call(regulatorApi.complaints, { method: 'GET', token: me.token })).status).toBe(403);
    expect((await call(regulatorApi.complaints, { method: 'GET', token: store.token })).status).toBe(403);
  });
});
