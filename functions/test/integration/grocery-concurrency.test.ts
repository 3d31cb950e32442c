import { randomUUID } from 'node:crypto';
import { db } from '../../src/lib/dynamo';
import { health } from '../../src/grocery/wiring';
import { shop } from './grocery-api';
import { call, signedIn } from './helpers';
import { itemRow, orderBody, placeOrder, shopper, slotRow, snapshot } from './grocery-fixtures';

// 100 requests at once against DynamoDB Local, with other test files running beside.
jest.setTimeout(120_000);

const [store] = signedIn('store');
afterEach(() => jest.restoreAllMocks());

const statuses = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

describe('no overselling, no overfilling', () => {
  it('100 simultaneous orders for an item with 10 in stock: exactly 10 succeed and stock ends at 0', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 10 }, 1000);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))),
    );
    expect(statuses(answers)).toEqual({ 201: 10, 409: 90 });
    expect(
      answers.filter((a) => a.status === 409).every((a) => /已经卖完了|库存不足/.test(a.body.error?.message ?? '')),
    ).toBe(true);
    expect((await itemRow(item))?.stock).toBe(0);
    expect(await slotRow(slotId)).toMatchObject({ booked: 10 });
    const mine = await call<{ orders: unknown[] }>(shop.myOrders, { method: 'GET', token: me.token });
    expect(mine.body.orders).toHaveLength(10);
  });

  it('100 simultaneous orders of 3 for 10 in stock: exactly 3 succeed and stock never goes below 0', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 10 }, 1000);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 3 }]))),
    );
    expect(statuses(answers)).toEqual({ 201: 3, 409: 97 });
    expect((await itemRow(item))?.stock).toBe(1);
  });

  it('100 simultaneous orders for a slot of 10: the 8 open places fill, then red/yellow households take the 2 held back', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 1000 }, 10);
    const general = await Promise.all(
      Array.from({ length: 100 }, () => placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))),
    );
    expect(statuses(general)).toEqual({ 201: 8, 409: 92 });
    jest.spyOn(health, 'colourOf').mockResolvedValue('red');
    const priority = await Promise.all(
      Array.from({ length: 100 }, () => placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))),
    );
    expect(statuses(priority)).toEqual({ 201: 2, 409: 98 });
    expect(await slotRow(slotId)).toMatchObject({ booked: 10, generalBooked: 8, capacity: 10 });
    expect((await itemRow(item))?.stock).toBe(990);
  });
});

describe('retries', () => {
  it('the same order sent 5 times at once with one Idempotency-Key makes one order', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 10 });
    const key = randomUUID();
    const body = orderBody(slotId, [{ itemId: item, qty: 2 }]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => placeOrder(me.token, body, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.order.orderId)).size).toBe(1);
    expect((await itemRow(item))?.stock).toBe(8);
    expect(await slotRow(slotId)).toMatchObject({ booked: 1 });
    const mine = await call<{ orders: unknown[] }>(shop.myOrders, { method: 'GET', token: me.token });
    expect(mine.body.orders).toHaveLength(1);
  });

  it('a transaction conflict answers a retryable 503 with nothing written, and the retry goes through once', async () => {
    const { me, item, slotId } = await shopper(store.token, { stock: 10 });
    const body = orderBody(slotId, [{ itemId: item, qty: 1 }]);
    const key = randomUUID();
    const before = await snapshot([me.userId, item, slotId]);
    const client = db();
    const send = client.send.bind(client);
    // DynamoDB Local never raises it: the real service cancels a transaction that collides with another.
    jest.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand') {
        throw Object.assign(new Error('Transaction cancelled'), {
          name: 'TransactionCanceledException',
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }, { Code: 'None' }],
        });
      }
      return send(command as never);
    }) as never);
    const refused = await placeOrder(me.token, body, key);
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('TRY_AGAIN');
    expect(await snapshot([me.userId, item, slotId])).toBe(before);
    jest.restoreAllMocks();
    const retried = await placeOrder(me.token, body, key);
    expect(retried.status).toBe(201);
    expect((await itemRow(item))?.stock).toBe(9);
  });

  it('a throttled or conflicting request (raised as an error of its own) is also a retryable 503', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const client = db();
    const send = client.send.bind(client);
    jest.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand') {
        throw Object.assign(new Error('conflict'), { name: 'TransactionConflictException' });
      }
      return send(command as never);
    }) as never);
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]));
    expect(res.status).toBe(503);
    expect((await itemRow(item))?.stock).toBe(100);
  });
});
