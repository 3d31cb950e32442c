import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import { health } from '../../src/grocery/wiring';
import { householdPk, PROFILE_PREFIX } from '../../src/health/keys';
import { OrdersResponse, PickListResponse } from '@citycare/contract';
import { call, signedIn } from './helpers';
import { staff, worker } from './grocery-api';
import {
  address,
  COMMUNITY,
  freshResident,
  newItem,
  newSlot,
  orderBody,
  placeOrder,
  shopper,
  slotRow,
  STORE,
} from './grocery-fixtures';

/** Red and yellow households (from the health code): contactless only, and first claim on slots. */
const [store] = signedIn('store');
afterEach(() => jest.restoreAllMocks());

describe('red and yellow households', () => {
  it('are delivered contactless only and may not choose pickup', async () => {
    const { me, item, slotId } = await shopper(store.token);
    jest.spyOn(health, 'colourOf').mockResolvedValue('yellow');
    const pickup = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { fulfilment: 'pickup' }));
    expect(pickup.status).toBe(422);
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { contactless: false }));
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ contactless: true, priority: true });
  });

  it('get the places held back when everyone else has filled the rest', async () => {
    const { me, item, slotId } = await shopper(store.token, {}, 5);
    // capacity 5: 1 place held for red/yellow households, 4 for anyone
    for (let i = 0; i < 4; i++)
      expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(201);
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(409);
    jest.spyOn(health, 'colourOf').mockResolvedValue('red');
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(201);
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(409);
    expect(await slotRow(slotId)).toMatchObject({ booked: 5, generalBooked: 4, capacity: 5 });
  });
});

describe('the health-code port', () => {
  it('reads the household colour from the health service: a red household is served contactless from the reserved places', async () => {
    const { me, item, slotId } = await shopper(store.token);
    await db().send(
      new PutCommand({
        TableName: process.env.TABLE_HEALTH,
        Item: { pk: householdPk(me.userId), sk: `${PROFILE_PREFIX}grocery-test`, colour: 'red' },
      }),
    );
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { contactless: false }));
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ priority: true, contactless: true });
    expect(await slotRow(slotId)).toMatchObject({ booked: 1, generalBooked: 0 });
  });
});

describe('隔离户优先: red and yellow households come first', () => {
  const [cw] = signedIn('worker');

  it("in the store's order list, the slot's pick list and the worker's deliveries", async () => {
    const slotId = await newSlot(store.token);
    const item = await newItem(store.token);
    const place = async (colour: 'green' | 'yellow' | 'red', room: string) => {
      const me = await freshResident();
      jest.spyOn(health, 'colourOf').mockResolvedValue(colour);
      const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { address: address(room) }));
      expect(res.status).toBe(201);
      return res.body.order.orderId;
    };
    // Placed (and in rooms) in an order that puts the priority ones last unless they are moved up.
    const green1 = await place('green', '101');
    const green2 = await place('green', '102');
    const yellow = await place('yellow', '601');
    const red = await place('red', '602');
    const ours = (ids: string[]) => ids.filter((id) => [green1, green2, yellow, red].includes(id));

    const listed = await call(staff.storeOrders, { method: 'GET', token: store.token, params: { storeId: STORE } });
    const storeOrders = OrdersResponse.parse(listed.body).orders;
    const inStore = ours(storeOrders.map((o) => o.orderId));
    expect(inStore.slice(0, 2).sort()).toEqual([yellow, red].sort());
    expect(inStore.slice(2).sort()).toEqual([green1, green2].sort());
    expect(storeOrders.find((o) => o.orderId === red)?.priority).toBe(true);

    const delivered = await call(worker.deliveries, {
      method: 'GET',
      token: cw.token,
      params: { communityId: COMMUNITY },
    });
    const inCommunity = ours(OrdersResponse.parse(delivered.body).orders.map((o) => o.orderId));
    expect(inCommunity.slice(0, 2).sort()).toEqual([yellow, red].sort());

    const picked = await call(staff.slotPickList, {
      method: 'GET',
      token: store.token,
      params: { storeId: STORE, slotId },
    });
    const list = PickListResponse.parse(picked.body);
    expect(list.priorityOrderIds.sort()).toEqual([yellow, red].sort());
    const unit = list.communities[0]?.buildings[0]?.units[0];
    expect(unit?.orders.map((o) => [o.room, o.priority])).toEqual([
      ['601', true],
      ['602', true],
      ['101', false],
      ['102', false],
    ]);
  });
});
