import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CloseGroupResponse, JoinGroupResponse, OrderResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { groups, staff } from './grocery-api';
import { closeDueGroups } from '../../src/grocery/close-due-groups/handlers';
import { orderKey, releaseMarker, releaseMarkerKey, shareKey } from '../../src/grocery/keys';
import { call, loginAs } from './helpers';
import {
  address,
  contact,
  freshResident,
  itemRow,
  newItem,
  newSlot,
  openGroup,
  paymentRow,
  slotRow,
  STORE,
  table,
} from './grocery-fixtures';

/**
 * A village's group order can hold more households than one DynamoDB transaction (100 items).
 * Rejecting it still gives every household back its payment, and the order its stock and slot
 * place: in batches that each commit whole, finished by the schedule if a run stops midway.
 */
jest.setTimeout(180_000);

const HOUSEHOLDS = 52; // 2 items each (payment, share) + order, stock, slot: 107 > 100

let store: { token: string };
let worker: { token: string };
beforeAll(async () => {
  [store, worker] = await Promise.all([loginAs('store'), loginAs('worker')]);
});

/** A closed group order of HOUSEHOLDS households, the first `paid` of whom paid their share. */
async function bigGroupOrder(paid: number) {
  const [item, slotId] = await Promise.all([newItem(store.token, { stock: 500 }), newSlot(store.token)]);
  const groupId = await openGroup(worker.token, slotId, '西柳村团购');
  const shares: { token: string; memberId: string }[] = [];
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
        return { token: who.token, memberId: JoinGroupResponse.parse(res.body).share.memberId };
      }),
    );
    shares.push(...batch);
  }
  for (const s of shares.slice(0, paid)) {
    const res = await call(groups.payMyShare, { token: s.token, params: { groupId, memberId: s.memberId } });
    expect(res.status).toBe(200);
  }
  expect((await itemRow(item))?.stock).toBe(500 - 2 * HOUSEHOLDS);
  const closed = CloseGroupResponse.parse(
    (await call(groups.close, { token: worker.token, params: { groupId } })).body,
  );
  return { item, slotId, groupId, shares, orderId: closed.order?.orderId ?? '' };
}

async function expectAllGivenBack(o: Awaited<ReturnType<typeof bigGroupOrder>>, paid: number) {
  expect((await itemRow(o.item))?.stock).toBe(500);
  expect(await slotRow(o.slotId)).toMatchObject({ booked: 0, generalBooked: 0 });
  const payments = await Promise.all(o.shares.map((s) => paymentRow(`pay-${o.groupId}-${s.memberId}`)));
  expect(payments.filter((p) => p?.status === 'refunded')).toHaveLength(paid);
  expect(payments.filter((p) => p?.status === 'cancelled')).toHaveLength(HOUSEHOLDS - paid);
  const rows = await Promise.all(
    o.shares.map((s) => db().send(new GetCommand({ TableName: table(), Key: shareKey(o.groupId, s.memberId) }))),
  );
  expect(rows.every((r) => r.Item?.released === true)).toBe(true);
  const marker = await db().send(new GetCommand({ TableName: table(), Key: releaseMarkerKey(o.orderId) }));
  expect(marker.Item).toBeUndefined();
}

describe('rejecting a group order of more households than one transaction holds', () => {
  it('refunds the paid, cancels the unpaid, and gives back stock and slot, in whole batches', async () => {
    const o = await bigGroupOrder(5);
    const res = await call(staff.advance, {
      token: store.token,
      params: { orderId: o.orderId },
      body: { action: 'reject', reason: '大白菜今天到不了货' },
    });
    expect(res.status).toBe(200);
    expect(OrderResponse.parse(res.body).order).toMatchObject({ status: 'rejected', payment: { state: 'refunded' } });
    await expectAllGivenBack(o, 5);
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
    const o = await bigGroupOrder(3);
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
    await expectAllGivenBack(o, 3);
    const order = await db().send(new GetCommand({ TableName: table(), Key: orderKey(o.orderId) }));
    expect(order.Item?.paymentState).toBe('refunded');
    // a second run finds nothing left to do
    const payments = JSON.stringify(
      await Promise.all(o.shares.map((s) => paymentRow(`pay-${o.groupId}-${s.memberId}`))),
    );
    await closeDueGroups();
    expect(JSON.stringify(await Promise.all(o.shares.map((s) => paymentRow(`pay-${o.groupId}-${s.memberId}`))))).toBe(
      payments,
    );
  });
});
