import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DeliveryConfirmation, ErrorBody, OrderResponse } from '@citycare/contract';
import { grantRole } from '../../src/admin/handlers';
import { db } from '../../src/lib/dynamo';
import { auditTable } from '../../src/lib/env';
import { MAX_CODE_FAILS } from '../../src/grocery/delivery/rules';
import { getOrder } from '../../src/grocery/storage';
import { shop, worker } from './grocery-api';
import { call, loginAs, unique } from './helpers';
import { COMMUNITY, orderOutForDelivery, snapshot } from './grocery-fixtures';

/**
 * Pay on delivery becomes 已收款 at the door: the community worker delivering the order records
 * the money collected (cash, or the resident scanning the worker's collection code) with the
 * resident's pickup code, in the delivery confirmation's own transaction, audited. The amount is
 * the order's, never the caller's. The attacks first: each is refused and changes nothing.
 */
jest.setTimeout(60_000);

let store: { token: string };
let liJianguo: { token: string; userId: string };
let otherWorker: { token: string };
beforeAll(async () => {
  [store, liJianguo] = await Promise.all([loginAs('store'), loginAs('worker')]);
  const admin = await loginAs('admin');
  const other = await loginAs(unique('cw'));
  await call(grantRole, {
    token: admin.token,
    body: { userId: other.userId, grant: { role: 'worker', scope: 'zq-yingbin' } },
  });
  otherWorker = other;
});

const collect = (token: string, orderId: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  call(worker.confirm, { token, params: { orderId }, body, headers: { 'idempotency-key': key } });

const outForDelivery = (payment: 'on-delivery' | 'prepaid' = 'on-delivery') =>
  orderOutForDelivery(store.token, liJianguo.token, { payment });

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The audit rows of collections for `orderId` (subject: the community's collections). */
async function collections(orderId: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: auditTable(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'orderId = :o',
      ExpressionAttributeValues: { ':pk': `GROCERY#COLLECTED#${COMMUNITY}`, ':o': orderId },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** The order as its resident sees it. */
const residentView = async (token: string, orderId: string) =>
  OrderResponse.parse((await call(shop.order, { method: 'GET', token, params: { orderId } })).body).order;

describe('attacks on 已收款 at the door: refused, nothing changed', () => {
  it('refuses a worker of another community (403)', async () => {
    const { orderId, pickupCode } = await outForDelivery();
    const before = await snapshot([orderId]);
    const res = await collect(otherWorker.token, orderId, { pickupCode, collected: 'cash' });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
    expect(await snapshot([orderId])).toBe(before);
    expect(await collections(orderId)).toEqual([]);
  });

  it('refuses the resident herself, even with her own pickup code (403)', async () => {
    const { me, orderId, pickupCode } = await outForDelivery();
    const before = await snapshot([orderId]);
    const res = await collect(me.token, orderId, { pickupCode, collected: 'cash' });
    expect(res.status).toBe(403);
    expect(await snapshot([orderId])).toBe(before);
    expect(await collections(orderId)).toEqual([]);
  });

  it(`refuses a wrong pickup code (422, counted) and locks the order after ${MAX_CODE_FAILS} (429)`, async () => {
    const { orderId, pickupCode } = await outForDelivery();
    for (let i = 1; i <= MAX_CODE_FAILS; i++) {
      const res = await collect(liJianguo.token, orderId, { pickupCode: wrongCode(pickupCode), collected: 'cash' });
      expect([res.status, res.body.error?.message]).toEqual([422, expect.stringContaining('取货码不对')]);
    }
    const locked = await collect(liJianguo.token, orderId, { pickupCode, collected: 'cash' });
    expect(locked.status).toBe(429);
    expect(ErrorBody.parse(locked.body).error.code).toBe('RATE_LIMITED');
    const order = await getOrder(orderId);
    expect(order).toMatchObject({ status: 'out-for-delivery', paymentState: 'pending', codeFails: MAX_CODE_FAILS });
    expect(order?.collected).toBeUndefined();
    expect(await collections(orderId)).toEqual([]);
  });

  it('refuses a collection for a prepaid order (409); it confirms without one', async () => {
    const { orderId, pickupCode } = await outForDelivery('prepaid');
    const before = await snapshot([orderId]);
    const res = await collect(liJianguo.token, orderId, { pickupCode, collected: 'scan' });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('在线支付');
    expect(await snapshot([orderId])).toBe(before);
    expect(await collections(orderId)).toEqual([]);
    const ok = await collect(liJianguo.token, orderId, { pickupCode });
    expect(ok.status).toBe(200);
    expect(DeliveryConfirmation.parse(ok.body).collected).toBeUndefined();
  });

  it('refuses to confirm a pay-on-delivery order without the money collected (422)', async () => {
    const { orderId, pickupCode } = await outForDelivery();
    const before = await snapshot([orderId]);
    const res = await collect(liJianguo.token, orderId, { pickupCode });
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain('货到付款');
    expect(await snapshot([orderId])).toBe(before);
  });

  it('refuses an amount or a method the client makes up (400)', async () => {
    const { orderId, pickupCode } = await outForDelivery();
    const before = await snapshot([orderId]);
    const amount = await collect(liJianguo.token, orderId, { pickupCode, collected: 'cash', amountFen: 1 });
    expect(amount.status).toBe(400);
    const method = await collect(liJianguo.token, orderId, { pickupCode, collected: 'card' });
    expect(method.status).toBe(400);
    expect(await snapshot([orderId])).toBe(before);
  });

  it('collects once: a second collection is refused (409); the same one synced again answers the same', async () => {
    const { orderId, pickupCode, totalFen } = await outForDelivery();
    const key = randomUUID();
    const first = await collect(liJianguo.token, orderId, { pickupCode, collected: 'cash' }, key);
    expect(first.status).toBe(200);
    const after = await snapshot([orderId]);
    expect(await collect(liJianguo.token, orderId, { pickupCode, collected: 'cash' }, key)).toEqual(first);
    const twice = await collect(liJianguo.token, orderId, { pickupCode, collected: 'scan' });
    expect(twice.status).toBe(409);
    // the same key with another body is not a retry of it
    const otherBody = await collect(liJianguo.token, orderId, { pickupCode, collected: 'scan' }, key);
    expect([otherBody.status, otherBody.body.error?.message]).toEqual([
      409,
      expect.stringContaining('Idempotency-Key'),
    ]);
    expect(await snapshot([orderId])).toBe(after);
    expect(await collections(orderId)).toHaveLength(1);
    expect((await getOrder(orderId))?.collectedFen).toBe(totalFen);
  });
});

describe('已收款 at the door', () => {
  it.each(['cash', 'scan'] as const)(
    'records %s collected with the delivery, the order’s own amount, audited; the resident sees it',
    async (method) => {
      const { me, orderId, pickupCode, totalFen } = await outForDelivery();
      const res = await collect(liJianguo.token, orderId, { pickupCode, collected: method });
      expect(res.status).toBe(200);
      expect(DeliveryConfirmation.parse(res.body)).toMatchObject({
        orderId,
        status: 'delivered',
        collected: { method, amountFen: totalFen },
      });
      expect(await getOrder(orderId)).toMatchObject({
        status: 'delivered',
        paymentState: 'paid',
        collected: method,
        collectedFen: totalFen,
        collectedBy: liJianguo.userId,
      });
      const seen = await residentView(me.token, orderId);
      expect(seen.payment).toMatchObject({ method: 'on-delivery', state: 'paid', collected: method });
      const audit = await collections(orderId);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'grocery.collect', actorId: liJianguo.userId, method, amountFen: totalFen }),
      ]);
    },
  );
});
