import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import { worker } from './grocery-api';
import { orderKey } from '../../src/grocery/keys';
import { call, signedIn } from './helpers';
import { orderOutForDelivery, table } from './grocery-fixtures';

/**
 * A worker's delivery time is the phone's word only inside bounds: a confirmation dated in the
 * future, older than the offline window, or before the order was sent out is refused (422, the
 * one error shape) and changes nothing; one inside them keeps the time it happened.
 */
jest.setTimeout(60_000);

const [store, worker1] = signedIn('store', 'worker');

const outForDelivery = () => orderOutForDelivery(store.token, worker1.token);

const deliver = (orderId: string, pickupCode: string, confirmedAt: Date) =>
  call(worker.confirm, {
    token: worker1.token,
    params: { orderId },
    body: { pickupCode, confirmedAt: confirmedAt.toISOString(), collected: 'cash' },
    headers: { 'idempotency-key': randomUUID() },
  });

const row = async (orderId: string) =>
  (await db().send(new GetCommand({ TableName: table(), Key: orderKey(orderId), ConsistentRead: true }))).Item;

describe('delivery times judged by the server', () => {
  it.each([
    ['in the future', () => new Date(Date.now() + 3600_000), '晚于当前时间'],
    ['older than the 72-hour offline window', () => new Date(Date.now() - 73 * 3600_000), '72 小时'],
    ['before the order was sent out', () => new Date(Date.now() - 3600_000), '早于订单备好或出发'],
  ])('refuses a confirmation dated %s, and writes nothing', async (_, when, message) => {
    const { orderId, pickupCode } = await outForDelivery();
    const before = await row(orderId);
    const res = await deliver(orderId, pickupCode, when());
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain(message);
    expect(await row(orderId)).toEqual(before);
  });

  it('keeps the time of an offline confirmation synced later, and clamps a small clock skew to now', async () => {
    const first = await outForDelivery();
    const then = new Date(Date.now() + 5_000);
    const late = await deliver(first.orderId, first.pickupCode, then);
    expect(late.status).toBe(200);
    const stored = String((await row(first.orderId))?.deliveredAt);
    expect(stored <= new Date().toISOString()).toBe(true);

    const second = await outForDelivery();
    await new Promise((r) => setTimeout(r, 1200));
    const at = new Date(Date.now() - 600);
    expect((await deliver(second.orderId, second.pickupCode, at)).status).toBe(200);
    expect((await row(second.orderId))?.deliveredAt).toBe(at.toISOString());
  });
});
