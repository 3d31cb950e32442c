import { randomInt, randomUUID } from 'node:crypto';
import { CloseGroupResponse, GroupResponse, JoinGroupResponse, OrderResponse } from '@citycare/contract';
import '../../src/payments/wiring';
import { getOrder } from '../../src/grocery/storage';
import { groups, shop, staff } from './grocery-api';
import { call, signedIn } from './helpers';
import {
  address,
  contact,
  freshResident,
  itemRow,
  limitCount,
  newItem,
  newSlot,
  openGroup,
  orderBody,
  paymentRow,
  placeOrder,
  shareRow,
  slotRow,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

/**
 * Every way an order is given up — the resident cancels, the store rejects a single order, the
 * store rejects a group order — gives back, in the same transaction, its stock, its slot place,
 * the household's scarce-item counters and its payment (cancelled if pending; paid: refunding at
 * once, refunded on WeChat Pay's REFUND.SUCCESS, which the simulator sends by itself).
 */
jest.setTimeout(60_000);

const [store, worker] = signedIn('store', 'worker');

/** A household of its own: limit counters are per address and day. */
const room = () => String(randomInt(100_000, 999_999));
const masks = () =>
  newItem(store.token, { name: '口罩10只', category: 'medical', priceFen: 1500, dailyLimit: 2, stock: 20 });
const reject = (orderId: string) =>
  call(staff.advance, { token: store.token, params: { orderId }, body: { action: 'reject', reason: '今天到货不足' } });

async function paidOrder(lines: (item: string) => { itemId: string; qty: number }[]) {
  const me = await freshResident();
  const home = room();
  const [item, slotId] = await Promise.all([masks(), newSlot(store.token)]);
  const placed = await placeOrder(
    me.token,
    orderBody(slotId, lines(item), { payment: 'prepaid', address: address(home) }),
  );
  expect(placed.status).toBe(201);
  const { orderId, payment } = placed.body.order;
  expect((await cashier(OrderResponse.parse(placed.body).clientParams)).status).toBe(200);
  await until(async () => (await getOrder(orderId))?.paymentState === 'paid');
  expect(await getOrder(orderId)).toMatchObject({ paymentState: 'paid' });
  expect(await limitCount(item, home)).toBe(2);
  return { me, home, item, slotId, orderId, paymentId: payment.paymentId };
}

/** The money is back once WeChat Pay's REFUND.SUCCESS (the simulator sends it by itself) has come. */
async function refunded(orderId: string, paymentId: string) {
  await until(async () => (await getOrder(orderId))?.paymentState === 'refunded');
  expect(await getOrder(orderId)).toMatchObject({ paymentState: 'refunded' });
  expect(await paymentRow(paymentId)).toMatchObject({ status: 'refunded' });
}

describe('a paid order given up is refunded, with everything it held', () => {
  it('the resident cancels a paid order: refunded, stock, slot place and household counter back', async () => {
    const o = await paidOrder((item) => [{ itemId: item, qty: 2 }]);
    const res = await call(shop.cancel, { token: o.me.token, params: { orderId: o.orderId } });
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'cancelled', payment: { state: 'refunding' } });
    expect(await paymentRow(o.paymentId)).toMatchObject({ refundFen: 3000 });
    await refunded(o.orderId, o.paymentId);
    expect((await itemRow(o.item))?.stock).toBe(20);
    expect(await slotRow(o.slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
    expect(await limitCount(o.item, o.home)).toBe(0);
    // refunded once: a second cancel is refused and changes nothing
    expect((await call(shop.cancel, { token: o.me.token, params: { orderId: o.orderId } })).status).toBe(409);
    expect((await call(shop.pay, { token: o.me.token, params: { orderId: o.orderId } })).status).toBe(409);
    expect(await paymentRow(o.paymentId)).toMatchObject({ status: 'refunded' });
  });

  it('the store rejects a paid order: refunded, stock, slot place and household counter back', async () => {
    const o = await paidOrder((item) => [{ itemId: item, qty: 2 }]);
    const res = await reject(o.orderId);
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'rejected', payment: { state: 'refunding' } });
    await refunded(o.orderId, o.paymentId);
    expect((await itemRow(o.item))?.stock).toBe(20);
    expect(await slotRow(o.slotId)).toMatchObject({ booked: 0 });
    expect(await limitCount(o.item, o.home)).toBe(0);
    // the household may buy its two packs again today
    const again = await placeOrder(
      o.me.token,
      orderBody(o.slotId, [{ itemId: o.item, qty: 2 }], { address: address(o.home) }),
    );
    expect(again.status).toBe(201);
  });

  it('the store rejects an unpaid order: payment cancelled, household counter back', async () => {
    const me = await freshResident();
    const home = room();
    const [item, slotId] = await Promise.all([masks(), newSlot(store.token)]);
    const placed = await placeOrder(
      me.token,
      orderBody(slotId, [{ itemId: item, qty: 1 }], { payment: 'prepaid', address: address(home) }),
    );
    expect(await limitCount(item, home)).toBe(1);
    const res = await reject(placed.body.order.orderId);
    expect(OrderResponse.parse(res.body).order.payment.state).toBe('cancelled');
    expect(await paymentRow(placed.body.order.payment.paymentId)).toMatchObject({ status: 'cancelled' });
    expect(await limitCount(item, home)).toBe(0);
    expect((await itemRow(item))?.stock).toBe(20);
  });
});

describe('a rejected group order gives every household back what it held', () => {
  it('stock, the slot place, each household’s counters; paid shares refunding until REFUND.SUCCESS, unpaid ones dropped', async () => {
    const [item, plain, slotId] = await Promise.all([
      masks(),
      newItem(store.token, { stock: 50 }),
      newSlot(store.token),
    ]);
    const groupId = await openGroup(worker.token, slotId, '3号楼团购');
    // the group holds its order's slot place from the start
    expect(await slotRow(slotId)).toMatchObject({ booked: 1, generalBooked: 1 });
    const [a, b] = await Promise.all([freshResident(), freshResident()]);
    const [homeA, homeB] = [room(), room()];
    const join = (token: string, home: string, lines: { itemId: string; qty: number }[]) =>
      call(groups.join, {
        token,
        params: { groupId },
        headers: { 'idempotency-key': randomUUID() },
        body: { address: address(home), contact, lines },
      });
    const joinedA = JoinGroupResponse.parse(
      (
        await join(a.token, homeA, [
          { itemId: item, qty: 2 },
          { itemId: plain, qty: 3 },
        ])
      ).body,
    );
    const shareA = joinedA.share;
    const shareB = JoinGroupResponse.parse((await join(b.token, homeB, [{ itemId: item, qty: 1 }])).body).share;
    expect((await cashier(joinedA.clientParams)).status).toBe(200);
    await until(async () => (await shareRow(groupId, shareA.memberId))?.paid === true);
    expect([await limitCount(item, homeA), await limitCount(item, homeB)]).toEqual([2, 1]);
    expect((await itemRow(item))?.stock).toBe(17);

    // 截单: B never paid, so B's share is dropped and B's counter and stock come back now
    const closed = CloseGroupResponse.parse(
      (await call(groups.close, { token: worker.token, params: { groupId } })).body,
    );
    expect([await limitCount(item, homeA), await limitCount(item, homeB)]).toEqual([2, 0]);
    expect(await paymentRow(shareB.payment?.paymentId ?? '')).toMatchObject({ status: 'cancelled' });
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    const res = await reject(closed.order?.orderId ?? '');
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'rejected', payment: { state: 'refunding' } });

    expect((await itemRow(item))?.stock).toBe(20);
    expect((await itemRow(plain))?.stock).toBe(50);
    expect(await slotRow(slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
    expect([await limitCount(item, homeA), await limitCount(item, homeB)]).toEqual([0, 0]);
    const paymentA = shareA.payment?.paymentId ?? '';
    await until(async () => (await paymentRow(paymentA))?.status === 'refunded');
    expect(await paymentRow(paymentA)).toMatchObject({ status: 'refunded' });
    expect(await shareRow(groupId, shareA.memberId)).toMatchObject({ released: true, paymentState: 'refunded' });
    const seenByStore = await call(shop.order, {
      method: 'GET',
      token: store.token,
      params: { orderId: closed.order?.orderId ?? '' },
    });
    expect(OrderResponse.parse(seenByStore.body).order.payment.state).toBe('refunded');

    // the households see it, and a dropped share can no longer be paid
    const seenByA = GroupResponse.parse(
      (await call(groups.detail, { method: 'GET', token: a.token, params: { groupId } })).body,
    );
    expect(seenByA.group.shares).toEqual([
      expect.objectContaining({ paid: true, released: true, payment: expect.objectContaining({ state: 'refunded' }) }),
    ]);
    const seen = GroupResponse.parse(
      (await call(groups.detail, { method: 'GET', token: b.token, params: { groupId } })).body,
    );
    expect(seen.group.shares).toEqual([expect.objectContaining({ paid: false, released: true })]);
    const late = await call(groups.payMyShare, { token: b.token, params: { groupId, memberId: shareB.memberId } });
    expect(late.status).toBe(409);
    expect(await paymentRow(shareB.payment?.paymentId ?? '')).toMatchObject({ status: 'cancelled' });
    expect((await reject(closed.order?.orderId ?? '')).status).toBe(409);
  });
});
