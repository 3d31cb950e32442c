import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody, OrderResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { shop, worker } from './grocery-api';
import { orderKey } from '../../src/grocery/keys';
import { MAX_CODE_FAILS } from '../../src/grocery/delivery/rules';
import { call, signedIn } from './helpers';
import { orderOutForDelivery, table } from './grocery-fixtures';

/**
 * Wrong pickup codes are limited: after MAX_CODE_FAILS of them the order takes no confirmation
 * (429, the one error shape) until the lock has passed. The count is kept on the order by
 * conditional writes, each wrong code counted once even when sent twice from the offline queue.
 */
const [store, liJianguo] = signedIn('store', 'worker');

const deliver = (orderId: string, pickupCode: string, key = randomUUID()) =>
  call(worker.confirm, {
    token: liJianguo.token,
    params: { orderId },
    body: { pickupCode, collected: 'cash' },
    headers: { 'idempotency-key': key },
  });

/** An order out for delivery, and a code that is not its pickup code. */
async function outForDelivery() {
  const { me, orderId, pickupCode } = await orderOutForDelivery(store.token, liJianguo.token);
  const wrong = String((Number(pickupCode) + 1) % 1_000_000).padStart(6, '0');
  return { me, orderId, pickupCode, wrong };
}

const codeFails = async (orderId: string) =>
  (await db().send(new GetCommand({ TableName: table(), Key: orderKey(orderId), ConsistentRead: true }))).Item
    ?.codeFails as number | undefined;

describe('wrong pickup codes', () => {
  it(`locks the order after ${MAX_CODE_FAILS} wrong codes, even for the right one, until the lock has passed`, async () => {
    const { me, orderId, pickupCode, wrong } = await outForDelivery();
    for (let i = 1; i <= MAX_CODE_FAILS; i++) {
      const res = await deliver(orderId, wrong);
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(res.body).error.message).toContain('取货码不对');
    }
    expect((await deliver(orderId, wrong)).body.error?.message).toContain('暂停核对');
    const locked = await deliver(orderId, pickupCode);
    expect(locked.status).toBe(429);
    expect(ErrorBody.parse(locked.body).error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.body.error?.message).toMatch(/取货码已输错 5 次.*分钟后再试/);
    expect(await codeFails(orderId)).toBe(MAX_CODE_FAILS);

    // the lock has passed (the last wrong code moved back in time, not waited for)
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: orderKey(orderId),
        UpdateExpression: 'SET lastCodeFailAt = :then',
        ExpressionAttributeValues: { ':then': new Date(Date.now() - 31 * 60_000).toISOString() },
      }),
    );
    const ok = await deliver(orderId, pickupCode);
    expect(ok.status).toBe(200);
    const seen = OrderResponse.parse(
      (await call(shop.order, { method: 'GET', token: me.token, params: { orderId } })).body,
    );
    expect(seen.order.status).toBe('delivered');
  });

  it('counts a wrong code sent twice with one Idempotency-Key (the offline queue re-syncing) once', async () => {
    const { orderId, pickupCode, wrong } = await outForDelivery();
    const key = randomUUID();
    const first = await deliver(orderId, wrong, key);
    const again = await deliver(orderId, wrong, key);
    expect(first.status).toBe(422);
    expect(again).toEqual(first);
    expect(first.body.error?.message).toContain(`还可以再试 ${MAX_CODE_FAILS - 1} 次`);
    expect(await codeFails(orderId)).toBe(1);
    // and a queued right code synced twice is applied once
    const okKey = randomUUID();
    const ok = await deliver(orderId, pickupCode, okKey);
    expect(ok.status).toBe(200);
    expect(await deliver(orderId, pickupCode, okKey)).toEqual(ok);
    expect((await deliver(orderId, pickupCode)).status).toBe(409);
  });

  it('counts simultaneous wrong codes exactly, none past the lock', async () => {
    const { orderId, wrong } = await outForDelivery();
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(orderId, wrong)));
    const count = (s: number) => answers.filter((a) => a.status === s).length;
    expect([count(422), count(429)]).toEqual([MAX_CODE_FAILS, 8 - MAX_CODE_FAILS]);
    expect(await codeFails(orderId)).toBe(MAX_CODE_FAILS);
  });
});
