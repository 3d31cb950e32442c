import { randomUUID } from 'node:crypto';
import { ErrorBody, JoinGroupResponse } from '@citycare/contract';
import { regulator as regulatorApi, groups, shop, staff as storeApi } from './grocery-api';
import { health } from '../../src/grocery/wiring';
import { call, signedIn } from './helpers';
import {
  freshResident,
  type ItemFields,
  itemRow,
  newItem,
  newSlot,
  openGroup,
  orderBody,
  placeOrder,
  shopper,
  shareRow,
  snapshot,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

/** Attacks on the grocery domain (issue 10). Every refusal leaves the test's rows as they were. */
const [store, worker, regulator] = signedIn('store', 'worker', 'regulator');
afterEach(() => jest.restoreAllMocks());

const MASKS: ItemFields = { name: '口罩', category: 'medical', priceFen: 1500, stock: 100, dailyLimit: 2 };
const at = (building: string, unit: string, room: string) => ({ address: { building, unit, room } });

describe('household limits on scarce items', () => {
  it('count per user too: five rooms typed by one user buy no more than the limit', async () => {
    const { me, item, slotId } = await shopper(store.token, MASKS);
    expect(
      (await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }], at('3', '2', '501')))).status,
    ).toBe(201);
    const before = await snapshot([me.userId, item, slotId]);
    for (const room of ['502', '503', '601', '701']) {
      const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], at('3', '2', room)));
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(res.body).error.message).toContain('限购');
    }
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
    expect((await itemRow(item))?.stock).toBe(98);
  });

  it('key the household by its normalised address: 3号楼/３栋/03幢, 2单元/二单元, 0501/501室 are one home', async () => {
    const [first, second, third] = await Promise.all([freshResident(), freshResident(), freshResident()]);
    const [item, slotId] = await Promise.all([newItem(store.token, MASKS), newSlot(store.token)]);
    const ok = await placeOrder(
      first.token,
      orderBody(slotId, [{ itemId: item, qty: 1 }], at('3号楼', '2单元', '501')),
    );
    expect(ok.status).toBe(201);
    expect(
      (await placeOrder(second.token, orderBody(slotId, [{ itemId: item, qty: 1 }], at('３ 栋', '二单元', '0501'))))
        .status,
    ).toBe(201);
    const before = await snapshot([third.userId, item, slotId]);
    const res = await placeOrder(third.token, orderBody(slotId, [{ itemId: item, qty: 1 }], at('03幢', '2', '501室')));
    expect(res.status).toBe(422);
    expect(await snapshot([third.userId, item, slotId])).toBe(before);
  });

  it('a cancelled order gives the user’s count back as well as the household’s', async () => {
    const { me, item, slotId } = await shopper(store.token, MASKS);
    const first = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }], at('3', '2', '501')));
    expect(first.status).toBe(201);
    const cancel = await call(shop.cancel, { token: me.token, params: { orderId: first.body.order.orderId } });
    expect(cancel.status).toBe(200);
    expect(
      (await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }], at('9', '9', '909')))).status,
    ).toBe(201);
  });
});

describe('group orders (checkpoint pickup)', () => {
  const join = (token: string, groupId: string, itemId: string, room = '101', qty = 1) =>
    call(groups.join, {
      token,
      params: { groupId },
      headers: { 'idempotency-key': randomUUID() },
      body: { ...at('3', '1', room), contact: { name: '王秀兰', phone: '13812345678' }, lines: [{ itemId, qty }] },
    });

  it('count scarce items per user too, and a rejected group order gives the user’s count back', async () => {
    const { me, item, slotId } = await shopper(store.token, MASKS);
    const [first, second] = [await openGroup(worker.token, slotId), await openGroup(worker.token, slotId)];
    const joined = await join(me.token, first, item, '101', 2);
    expect(joined.status).toBe(201);
    const { share, clientParams } = JoinGroupResponse.parse(joined.body);
    expect((await cashier(clientParams)).status).toBe(200);
    await until(async () => (await shareRow(first, share.memberId))?.paid === true);
    const before = await snapshot([me.userId, item, second]);
    expect((await join(me.token, second, item, '202')).status).toBe(422);
    expect(await snapshot([me.userId, item, second])).toBe(before);
    const closed = await call(groups.close, { token: worker.token, params: { groupId: first } });
    const orderId = String((closed.body.order as { orderId: string }).orderId);
    const rejected = await call(storeApi.advance, {
      token: store.token,
      params: { orderId },
      body: { action: 'reject', reason: '口罩今天到不了货' },
    });
    expect(rejected.status).toBe(200);
    expect((await join(me.token, second, item, '202', 2)).status).toBe(201);
  });

  it.each(['red', 'yellow'] as const)(
    'refuse a %s household, which gets contactless delivery instead',
    async (colour) => {
      const { me, item, slotId } = await shopper(store.token);
      const groupId = await openGroup(worker.token, slotId);
      jest.spyOn(health, 'colourOf').mockResolvedValue(colour);
      const before = await snapshot([me.userId, item, slotId, groupId]);
      const res = await join(me.token, groupId, item);
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(res.body).error.message).toContain('送货上门');
      expect(await snapshot([me.userId, item, slotId, groupId])).toBe(before);
    },
  );

  it('still takes a green household', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const groupId = await openGroup(worker.token, slotId);
    jest.spyOn(health, 'colourOf').mockResolvedValue('green');
    expect((await join(me.token, groupId, item)).status).toBe(201);
  });
});

describe('complaints', () => {
  const complain = (token: string, orderId: string) =>
    call(shop.complain, { token, params: { orderId }, body: { kind: 'quality', text: '送来的白菜有一半烂了' } });

  async function orders(token: string, n: number): Promise<string[]> {
    const [item, slotId] = await Promise.all([newItem(store.token), newSlot(store.token)]);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await placeOrder(token, orderBody(slotId, [{ itemId: item, qty: 1 }]));
      expect(res.status).toBe(201);
      ids.push(res.body.order.orderId);
    }
    return ids;
  }

  it('allow one open complaint per order; once handled, another may be filed', async () => {
    const me = await freshResident();
    const [orderId] = (await orders(me.token, 1)) as [string];
    const first = await complain(me.token, orderId);
    expect(first.status).toBe(201);
    const before = await snapshot([me.userId, orderId]);
    const second = await complain(me.token, orderId);
    expect(second.status).toBe(409);
    expect(await snapshot([me.userId, orderId])).toBe(before);
    const complaintId = String((first.body.complaint as { complaintId: string }).complaintId);
    const handled = await call(regulatorApi.handle, {
      token: regulator.token,
      params: { complaintId },
      body: { note: '已责令商户退换' },
    });
    expect(handled.status).toBe(200);
    expect((await complain(me.token, orderId)).status).toBe(201);
  });

  it('cap a user’s complaints a day: the sixth is 429 and writes nothing', async () => {
    const me = await freshResident();
    const ids = await orders(me.token, 6);
    for (const id of ids.slice(0, 5)) expect((await complain(me.token, id)).status).toBe(201);
    const before = await snapshot([me.userId, ...ids]);
    const res = await complain(me.token, ids[5] as string);
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RATE_LIMITED');
    expect(await snapshot([me.userId, ...ids])).toBe(before);
  });
});
