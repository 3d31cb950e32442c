import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GroupResponse, JoinGroupResponse } from '@citycare/contract';
import { db, onRequest } from '../../src/lib/dynamo';
import { groups } from './grocery-api';
import { closeDueGroups } from '../../src/grocery/close-due-groups/handlers';
import { groupKey } from '../../src/grocery/keys';
import { ordersOfSlot } from '../../src/grocery/orders/storage';
import { call, signedIn } from './helpers';
import {
  address,
  contact,
  freshResident,
  itemRow,
  newItem,
  newSlot,
  openGroup as openFor,
  paymentRow,
  shareRow,
  slotRow,
  snapshot,
  STORE,
  table,
} from './grocery-fixtures';
import { cashier, until } from './pay-sim';

/**
 * Group orders close at their cutoff by themselves: the scheduled function (invoked here
 * directly, as EventBridge would) closes every open group past its cutoff with the worker's
 * close code, found by a Query on the index of open groups.
 */
jest.setTimeout(60_000);

const [store, worker] = signedIn('store', 'worker');

const openGroup = (slotId: string) => openFor(worker.token, slotId, '北岔村团购');

/** Moves a group's cutoff a minute into the past (no test waits for a clock). */
async function passCutoff(groupId: string): Promise<void> {
  const cutoffAt = new Date(Date.now() - 60_000).toISOString();
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: groupKey(groupId),
      UpdateExpression: 'SET cutoffAt = :c, gsi1sk = :due',
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':c': cutoffAt, ':due': `${cutoffAt}#${groupId}`, ':open': 'open' },
    }),
  );
}

const join = (token: string, groupId: string, itemId: string, room: string) =>
  call(groups.join, {
    token,
    params: { groupId },
    headers: { 'idempotency-key': randomUUID() },
    body: { address: address(room), contact, lines: [{ itemId, qty: 2 }] },
  });

/** Joins and pays in WeChat Pay's (simulated) cashier; resolves once the notification has settled the share. */
async function joinAndPay(token: string, groupId: string, itemId: string, room: string): Promise<string> {
  const joined = JoinGroupResponse.parse((await join(token, groupId, itemId, room)).body);
  expect((await cashier(joined.clientParams)).status).toBe(200);
  await until(async () => (await shareRow(groupId, joined.share.memberId))?.paid === true);
  return joined.share.memberId;
}

const detail = async (token: string, groupId: string) =>
  GroupResponse.parse((await call(groups.detail, { method: 'GET', token, params: { groupId } })).body).group;

describe('group orders close at their cutoff by themselves', () => {
  it('shows a group past its cutoff as closing, refuses joins, and the schedule makes it one order', async () => {
    const [item, slotId] = await Promise.all([newItem(store.token, { stock: 30 }), newSlot(store.token)]);
    const groupId = await openGroup(slotId);
    const [wang, liu] = await Promise.all([freshResident(), freshResident()]);
    await joinAndPay(wang.token, groupId, item, '801');
    await passCutoff(groupId);

    expect((await detail(wang.token, groupId)).status).toBe('closing');
    const before = await snapshot([liu.userId, groupId, item]);
    const late = await join(liu.token, groupId, item, '802');
    expect(late.status).toBe(422);
    expect(late.body.error?.message).toContain('截单');
    expect(await snapshot([liu.userId, groupId, item])).toBe(before);

    const commands: string[] = [];
    const stop = onRequest(({ command }) => commands.push(command));
    const summary = await closeDueGroups().finally(stop);
    expect(summary.closed).toBeGreaterThanOrEqual(1);
    expect(commands).toContain('QueryCommand');
    expect(commands).not.toContain('ScanCommand');

    const closed = await detail(worker.token, groupId);
    expect(closed).toMatchObject({ status: 'closed', memberCount: 1 });
    const orders = await ordersOfSlot(STORE, slotId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: 'group', groupId, orderId: closed.orderId, status: 'placed' });
    expect(orders[0]?.lines.map((l) => [l.itemId, l.qty])).toEqual([[item, 2]]);
    // one slot place, taken when the group opened
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    expect((await itemRow(item))?.stock).toBe(28);

    // a second run (or a late worker) changes nothing
    const again = await closeDueGroups();
    expect(again.failed).toBe(0);
    expect((await call(groups.close, { token: worker.token, params: { groupId } })).status).toBe(409);
    expect(await ordersOfSlot(STORE, slotId)).toHaveLength(1);
  });

  it('closes exactly once when the schedule and the worker close at the same moment', async () => {
    const [item, slotId] = await Promise.all([newItem(store.token), newSlot(store.token)]);
    const groupId = await openGroup(slotId);
    const wang = await freshResident();
    await joinAndPay(wang.token, groupId, item, '901');
    await passCutoff(groupId);
    const [scheduled, again, byWorker] = await Promise.all([
      closeDueGroups(),
      closeDueGroups(),
      call(groups.close, { token: worker.token, params: { groupId } }),
    ]);
    expect([scheduled.failed, again.failed]).toEqual([0, 0]);
    expect([200, 409]).toContain(byWorker.status);
    expect(await ordersOfSlot(STORE, slotId)).toHaveLength(1);
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    expect((await detail(worker.token, groupId)).status).toBe('closed');
  });

  it('drops a share still unpaid at the cutoff: its WeChat Pay order closed, its stock back, the paid ones ordered', async () => {
    const [item, slotId] = await Promise.all([newItem(store.token, { stock: 30 }), newSlot(store.token)]);
    const groupId = await openGroup(slotId);
    const [wang, liu] = await Promise.all([freshResident(), freshResident()]);
    await joinAndPay(wang.token, groupId, item, '701');
    const unpaid = JoinGroupResponse.parse((await join(liu.token, groupId, item, '702')).body);
    expect((await itemRow(item))?.stock).toBe(26);
    await passCutoff(groupId);
    const summary = await closeDueGroups();
    expect(summary.failed).toBe(0);
    const closed = await detail(worker.token, groupId);
    expect(closed).toMatchObject({ status: 'closed', memberCount: 1, totalFen: 2 * 120 });
    expect((await itemRow(item))?.stock).toBe(28);
    const [order] = await ordersOfSlot(STORE, slotId);
    expect(order?.lines.map((l) => [l.itemId, l.qty])).toEqual([[item, 2]]);
    expect(order?.paymentState).toBe('paid');
    const paymentId = unpaid.share.payment?.paymentId ?? '';
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'cancelled' });
    expect(await shareRow(groupId, unpaid.share.memberId)).toMatchObject({ released: true, paymentState: 'cancelled' });
    // the closed WeChat Pay order can no longer be paid
    expect((await cashier(unpaid.clientParams)).status).toBe(200);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'cancelled' });
  });

  it('cancels a group nobody joined and gives its slot place back; leaves groups before their cutoff open', async () => {
    const slotId = await newSlot(store.token);
    const [empty, notYet] = [await openGroup(slotId), await openGroup(slotId)];
    expect(await slotRow(slotId)).toMatchObject({ booked: 2 });
    await passCutoff(empty);
    await closeDueGroups();
    expect((await detail(worker.token, empty)).status).toBe('cancelled');
    expect((await detail(worker.token, notYet)).status).toBe('open');
    expect(await slotRow(slotId)).toMatchObject({ booked: 1, generalBooked: 1 });
    expect(await ordersOfSlot(STORE, slotId)).toHaveLength(0);
  });
});
