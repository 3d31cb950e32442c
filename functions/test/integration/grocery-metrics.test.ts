import { randomUUID } from 'node:crypto';
import { shop, staff, worker } from './grocery-api';
import { call, signedIn } from './helpers';
import { orderBody, ordered, placeOrder, shopper } from './grocery-fixtures';

/**
 * Business metrics (CloudWatch EMF lines on stdout): one per order newly placed, cancelled or
 * delivered — none for a retry answered from its idempotency record.
 */
const [store, liJianguo] = signedIn('store', 'worker');
let lines: string[];
beforeEach(() => {
  process.env.METRICS_STAGE = 'test';
  lines = [];
  const write = process.stdout.write.bind(process.stdout);
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && chunk.includes('"CloudWatchMetrics"')) {
      lines.push(chunk);
      return true;
    }
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
});
afterEach(() => {
  delete process.env.METRICS_STAGE;
  jest.restoreAllMocks();
});

/** How many of this test's metric lines name `name` (other files run in other processes). */
const count = (name: string) => lines.filter((l) => (JSON.parse(l) as Record<string, unknown>)[name] === 1).length;

describe('grocery business metrics', () => {
  it('counts a placed order once however often it is retried, and a cancel once', async () => {
    const { me, item, slotId } = await shopper(store.token);
    const key = randomUUID();
    const body = orderBody(slotId, [{ itemId: item, qty: 1 }]);
    const first = await placeOrder(me.token, body, key);
    expect((await placeOrder(me.token, body, key)).status).toBe(201);
    expect(count('GroceryOrdersPlaced')).toBe(1);
    const orderId = first.body.order.orderId;
    expect((await call(shop.cancel, { token: me.token, params: { orderId } })).status).toBe(200);
    expect((await call(shop.cancel, { token: me.token, params: { orderId } })).status).toBe(409);
    expect(count('GroceryOrdersCancelled')).toBe(1);
  });

  it('counts a delivery once when the offline queue syncs it twice, and no wrong code', async () => {
    const { orderId, pickupCode } = await ordered(store.token);
    for (const action of ['accept', 'prepare'] as const) {
      await call(staff.advance, { token: store.token, params: { orderId }, body: { action } });
    }
    const deliver = (code: string, key = randomUUID()) =>
      call(worker.confirm, {
        token: liJianguo.token,
        params: { orderId },
        body: { pickupCode: code, collected: 'cash' },
        headers: { 'idempotency-key': key },
      });
    expect((await deliver(pickupCode === '000000' ? '111111' : '000000')).status).toBe(422);
    const key = randomUUID();
    expect((await deliver(pickupCode, key)).status).toBe(200);
    expect((await deliver(pickupCode, key)).status).toBe(200);
    expect(count('GroceryDeliveries')).toBe(1);
    expect(count('GroceryOrdersPlaced')).toBe(1);
  });
});
