import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CloseGroupResponse, JoinGroupResponse, OrderResponse, OrdersResponse } from '@citycare/contract';
import { requestRefund } from '../../src/payments/wechatpay/flows';
import { db } from '../../src/lib/dynamo';
import { groups, staff } from './grocery-api';
import { closeDueGroups } from '../../src/grocery/close-due-groups/handlers';
import { orderKey, releaseMarker, releaseMarkerKey } from '../../src/grocery/keys';
import { call, signedIn } from './helpers';
import {
  address,
  contact,
  freshResident,
  itemRow,
  newItem,
  newSlot,
  openGroup,
  paymentRow,
  shareRow,
  slotRow,
  STORE,
  table,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

/**
 * A village's group order can hold more households than one DynamoDB transaction (100 items).
 * Rejecting it still refunds every household (WeChat Pay: refunding until REFUND.SUCCESS), and the order its stock and slot
 * place: in batches that each commit whole, finished by the schedule if a run stops midway.
 */
jest.setTimeout(180_000);

const HOUSEHOLDS = 52; // 2 items each (payment, share) + order, stock, slot: 107 > 100

const [store, worker] = signedIn('store', 'worker');

/** A closed group order of HOUSEHOLDS households, each of whom paid its share in WeChat Pay's (simulated) cashier. */
async function bigGroupOrder() {
  const [item, slotId] = await Promise.all([newItem(store.token, { stock: 500 }), newSlot(store.token)]);
  const groupId = await openGroup(worker.token, slotId, '西柳村团购');
  const shares: { token: string; memberId: string; paymentId: string }[] = [];
  for (let i = 0; i < HOUSEHOLDS; i += 13) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(13, HOUSEHOLDS - i) }, async (_, j) => {
        const who = await freshResident();
        const res = await call(groups.join, {
          token: who.token,
          params: { groupId },
          headers: { 'idempotency-key': randomUUID() },
          body: { address: address(String(1000 + i + j)), contact, lines: [{ itemId: item, qty: 2 }] },
        });
        if (res.status !== 201 && res.status !== 200) throw new Error(`join: ${JSON.stringify(res.body)}`);
        const joined = JoinGroupResponse.parse(res.body);
        expect((await cashier(joined.clientParams)).status).toBe(200);
        return { token: who.token, memberId: joined.share.memberId, paymentId: joined.share.payment?.paymentId ?? '' };
      }),
    );
    shares.push(...batch);
  }
  const paid = async () => (await Promise.all(shares.map((s) => shareRow(groupId, s.memberId)))).every((r) => r?.paid);
  await until(paid);
  expect(await paid()).toBe(true);
  expect((await itemRow(item))?.stock).toBe(500 - 2 * HOUSEHOLDS);
  const closed = CloseGroupResponse.parse(
    (await call(groups.close, { token: worker.token, params: { groupId } })).body,
  );
  expect(closed.order?.payment.state).toBe('paid');
  return { item, slotId, groupId, shares, orderId: closed.order?.orderId ?? '' };
}

const paymentsOf = (o: Awaited<ReturnType<typeof bigGroupOrder>>) =>
  Promise.all(o.shares.map((s) => paymentRow(s.paymentId)));
const storedOrder = async (orderId: string) =>
  (await db().send(new GetCommand({ TableName: table(), Key: orderKey(orderId), ConsistentRead: true }))).Item;

/** Everything given back at once; each household's money back once WeChat Pay's REFUND.SUCCESS came. */
async function expectAllGivenBack(o: Awaited<ReturnType<typeof bigGroupOrder>>) {
  expect((await itemRow(o.item))?.stock).toBe(500);
  expect(await slotRow(o.slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
  const rows = await Promise.all(o.shares.map((s) => shareRow(o.groupId, s.memberId)));
  expect(rows.every((r) => r?.released === true)).toBe(true);
  const marker = await db().send(new GetCommand({ TableName: table(), Key: releaseMarkerKey(o.orderId) }));
  expect(marker.Item).toBeUndefined();
  const refunded = async () => (await paymentsOf(o)).every((p) => p?.status === 'refunded');
  await until(refunded);
  expect((await paymentsOf(o)).map((p) => p?.status)).toEqual(o.shares.map(() => 'refunded'));
  const shareStates = (await Promise.all(o.shares.map((s) => shareRow(o.groupId, s.memberId)))).map(
    (r) => r?.paymentState,
  );
  expect(shareStates).toEqual(o.shares.map(() => 'refunded'));
  // the order waited for every household's refund; now none is in flight
  expect(await storedOrder(o.orderId)).toMatchObject({ paymentState: 'refunding', refundsPending: 0 });
  const seen = await call(staff.storeOrders, { method: 'GET', token: store.token, params: { storeId: STORE } });
  const mine = OrdersResponse.parse(seen.body).orders.find((x) => x.orderId === o.orderId);
  expect(mine?.payment.state).toBe('refunded');
}

describe('rejecting a group order of more households than one transaction holds', () => {
  it('refunds every household in whole batches (refunding until REFUND.SUCCESS), and gives back stock and slot', async () => {
    const o = await bigGroupOrder();
    const res = await call(staff.advance, {
      token: store.token,
      params: { orderId: o.orderId },
      body: { action: 'reject', reason: '大白菜今天到不了货' },
    });
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'rejected' });
    expect(['refunding', 'refunded']).toContain(OrderResponse.parse(res.body).order.payment.state);
    await expectAllGivenBack(o);
    // given back once: a second reject is refused and changes nothing
    const again = await call(staff.advance, {
      token: store.token,
      params: { orderId: o.orderId },
      body: { action: 'reject', reason: '再拒一次' },
    });
    expect(again.status).toBe(409);
    expect((await itemRow(o.item))?.stock).toBe(500);
  });

  it('is finished by the schedule when a run stopped after the order’s own step', async () => {
    const o = await bigGroupOrder();
    // What a run that stopped after its first step leaves: the order rejected with its stock and
    // slot given back, the marker on the index, no household's share released yet.
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: orderKey(o.orderId),
        UpdateExpression: 'SET #s = :rejected',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected' },
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `STORE#${STORE}`, sk: `ITEM#${o.item}` },
        UpdateExpression: 'ADD stock :q',
        ExpressionAttributeValues: { ':q': 2 * HOUSEHOLDS },
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `STORE#${STORE}`, sk: `SLOT#${o.slotId}` },
        UpdateExpression: 'ADD booked :minus, generalBooked :minus',
        ExpressionAttributeValues: { ':minus': -1 },
      }),
    );
    await db().send(new PutCommand({ TableName: table(), Item: releaseMarker(o.orderId, o.groupId, STORE) }));

    const summary = await closeDueGroups();
    expect(summary.released).toBeGreaterThanOrEqual(1);
    // the stopped run asked for no household's refund: the payments schedule asks (as its sweep does)
    for (const s of o.shares) expect(await requestRefund(s.paymentId)).toBe('requested');
    await expectAllGivenBack(o);
    // a second run finds nothing left to do
    const payments = JSON.stringify(await paymentsOf(o));
    await closeDueGroups();
    expect(JSON.stringify(await paymentsOf(o))).toBe(payments);
  });
});
