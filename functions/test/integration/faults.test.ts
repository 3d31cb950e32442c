import { randomUUID } from 'node:crypto';
import { ErrorBody, OrderResponse, OrdersResponse } from '@citycare/contract';
import { shop } from './grocery-api';
import { signedIn } from './helpers';
import { attempts, frozen, inject, removeLastFault, sdkError, timed } from './faults-inject';
import { freshResident, itemRow, orderBody, shopper, slotRow, snapshot } from './grocery-fixtures';
import { checkout } from '../../src/grocery/checkout/handlers';

/**
 * Faults injected into the real DynamoDB client (a middleware on db()'s stack, run for every
 * attempt, after the SDK's retry loop), against DynamoDB Local: the answer comes within the
 * deadline, with the right status, error shape and Retry-After, and the tables hold exactly
 * what they should.
 */
const order = (token: string, body: unknown, key: string) =>
  timed(checkout, { token, body, headers: { 'idempotency-key': key } });

const [store] = signedIn('store');

describe('a slow database', () => {
  it('answers a read with 503 TRY_AGAIN and Retry-After within the 3 s deadline, not at the 10 s timeout', async () => {
    const me = await freshResident();
    inject(frozen, ['Query']);
    const res = await timed(shop.myOrders, { method: 'GET', token: me.token });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRY_AGAIN');
    expect(res.headers['retry-after']).toBe('1');
    expect(res.ms).toBeGreaterThanOrEqual(2500);
    expect(res.ms).toBeLessThan(4000);
  });

  it('answers a write with 503 within the deadline and changes nothing', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const before = await snapshot([me.userId, item, slotId]);
    inject(frozen, ['TransactWriteItems']);
    const res = await order(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }]), randomUUID());
    expect(res.status).toBe(503);
    expect(res.ms).toBeLessThan(4000);
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
    expect((await itemRow(item))?.stock).toBe(100);
  });
});

describe('throttling, server errors and resets', () => {
  const throttled = () => Promise.reject(sdkError('ThrottlingException', { $metadata: { httpStatusCode: 400 } }));

  it('answers 429 RATE_LIMITED with Retry-After after three attempts at a throttled table', async () => {
    const me = await freshResident();
    inject(throttled, ['Query']);
    const res = await timed(shop.myOrders, { method: 'GET', token: me.token });
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('2');
    expect(attempts()).toBe(3);
    expect(res.ms).toBeLessThan(4000);
  });

  it('refuses a throttled checkout with Retry-After and writes nothing (grocery says 503: nothing ordered, nothing paid)', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const before = await snapshot([me.userId, item, slotId]);
    inject(throttled, ['TransactWriteItems']);
    const res = await order(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]), randomUUID());
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRY_AGAIN');
    expect(res.headers['retry-after']).toBe('1');
    expect(attempts()).toBe(3);
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
  });

  it('retries an InternalServerError within the deadline: one passing failure costs the resident nothing', async () => {
    const { me, item, slotId } = await shopper(store.token);
    inject((_c, n, run) => (n === 1 ? Promise.reject(sdkError('InternalServerError')) : run()), ['TransactWriteItems']);
    const res = await order(me.token, orderBody(slotId, [{ itemId: item, qty: 2 }]), randomUUID());
    expect(res.status).toBe(201);
    expect(attempts()).toBe(2);
    expect((await itemRow(item))?.stock).toBe(98);
  });

  it.each([
    ['InternalServerError', () => sdkError('InternalServerError')],
    ['a reset connection', () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  ])('answers 503 when %s lasts, after a bounded number of attempts', async (_name, error) => {
    const me = await freshResident();
    inject(() => Promise.reject(error()), ['Query']);
    const res = await timed(shop.myOrders, { method: 'GET', token: me.token });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRY_AGAIN');
    expect(res.headers['retry-after']).toBe('1');
    expect(attempts()).toBe(3);
    expect(res.ms).toBeLessThan(4000);
  });
});

describe('a write that committed but whose answer was lost', () => {
  it('is answered 503, and the retry with the same Idempotency-Key gets the stored answer: nothing doubled', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 10 });
    const key = randomUUID();
    const body = orderBody(slotId, [{ itemId: item, qty: 3 }]);
    // The first attempt reaches the table and commits; its answer never arrives, nor do the SDK's retries.
    inject(
      async (_c, n, run) => {
        if (n === 1) await run();
        throw Object.assign(new Error('socket timed out (injected)'), { name: 'TimeoutError' });
      },
      ['TransactWriteItems'],
    );
    const lost = await order(me.token, body, key);
    expect(lost.status).toBe(503);
    expect(lost.ms).toBeLessThan(4000);
    expect((await itemRow(item))?.stock).toBe(7);

    removeLastFault();
    const retried = await order(me.token, body, key);
    expect(retried.status).toBe(201);
    const placed = OrderResponse.parse(retried.body).order;
    const again = await order(me.token, body, key);
    expect(OrderResponse.parse(again.body).order.orderId).toBe(placed.orderId);

    expect((await itemRow(item))?.stock).toBe(7);
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    const mine = await timed(shop.myOrders, { method: 'GET', token: me.token });
    expect(OrdersResponse.parse(mine.body).orders.map((o) => o.orderId)).toEqual([placed.orderId]);
  });
});
