import { randomUUID } from 'node:crypto';
import { benchEvent, benchToken } from './harness';
import { countRequests } from './requests';
import { printTable } from './table';

/**
 * Grocery: DynamoDB requests per checkout, cancel and delivery confirmation next to the floor
 * (one transaction each), and checkout throughput against DynamoDB Local with N concurrent clients.
 */
export async function benchGroceryRequests(): Promise<void> {
  const orders = await import('../../functions/src/grocery/orders/handlers');
  const { cancel } = await import('../../functions/src/grocery/release/handlers');
  const { checkout: placeOrder } = await import('../../functions/src/grocery/checkout/handlers');
  const catalogue = await import('../../functions/src/grocery/catalogue/handlers');
  const delivery = await import('../../functions/src/grocery/delivery/handlers');
  const [resident, store, liJianguo] = await Promise.all([
    benchToken('resident'),
    benchToken('store'),
    benchToken('worker'),
  ]);
  const answer = (res: { statusCode?: number; body?: string }) => {
    if ((res.statusCode ?? 500) >= 300) throw new Error(`bench request refused: ${res.body}`);
    return JSON.parse(res.body ?? '{}');
  };

  // An item and a slot of the bench's own, big enough for the throughput run.
  const item = answer(
    await catalogue.putItem(
      benchEvent({
        method: 'PUT',
        token: store,
        params: { storeId: 'st-xingfu' },
        body: { name: '压测大白菜', category: 'vegetables', unit: '斤', priceFen: 120, stock: 1_000_000 },
      }),
    ),
  ).item.itemId as string;
  const start = new Date(Math.floor(Date.now() / 3600_000 + 50) * 3600_000);
  const slotId = answer(
    await catalogue.addSlot(
      benchEvent({
        token: store,
        params: { storeId: 'st-xingfu' },
        body: {
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 7200_000).toISOString(),
          cutoffAt: new Date(start.getTime() - 3600_000).toISOString(),
          capacity: 1000,
        },
      }),
    ),
  ).slot.slotId as string;
  const orderBody = (room: string) => ({
    storeId: 'st-xingfu',
    communityId: 'zq-jianshe',
    slotId,
    payment: 'on-delivery',
    address: { building: '3', unit: '2', room },
    contact: { name: '王秀兰', phone: '13812345678' },
    lines: [{ itemId: item, qty: 1 }],
  });
  const checkout = (room = '501') =>
    placeOrder(benchEvent({ token: resident, body: orderBody(room), headers: { 'idempotency-key': randomUUID() } }));

  let toCancel = '';
  let toRefund = '';
  let toDeliver = { orderId: '', pickupCode: '' };
  // Each use case's floor is one transaction. What it makes besides: reads it cannot do without.
  await countRequests('DynamoDB requests per use case: grocery', [
    {
      name: 'checkout (1 line)',
      floor: 1,
      floorNote:
        '1 TransactWriteItems. Also needed: BatchGetItem (prices, slot, store) and Query (health colour: ' +
        'one item per member, no key), sent together',
      run: async () => answer(await checkout()),
    },
    {
      name: 'cancel before acceptance',
      floor: 1,
      floorNote: '1 TransactWriteItems. Also needed: GetItem of the order (its lines say what to give back)',
      setup: async () => {
        toCancel = answer(await checkout()).order.orderId;
      },
      run: async () => answer(await cancel(benchEvent({ token: resident, params: { orderId: toCancel } }))),
    },
    {
      name: 'cancel a paid order (refund)',
      floor: 1,
      floorNote: 'as cancel, with a refund instead of a payment cancellation',
      setup: async () => {
        toRefund = answer(await checkout()).order.orderId;
        answer(await orders.pay(benchEvent({ token: resident, params: { orderId: toRefund } })));
      },
      run: async () => answer(await cancel(benchEvent({ token: resident, params: { orderId: toRefund } }))),
    },
    {
      name: 'confirm delivery (pickup code)',
      floor: 1,
      floorNote: '1 TransactWriteItems. Also needed: GetItem of the worker’s roles (a revoked one stops at once)',
      setup: async () => {
        toDeliver = answer(await checkout()).order;
        for (const [token, action] of [
          [store, 'accept'],
          [store, 'prepare'],
          [liJianguo, 'dispatch'],
        ] as const) {
          answer(await orders.advance(benchEvent({ token, params: { orderId: toDeliver.orderId }, body: { action } })));
        }
      },
      run: async () =>
        answer(
          await delivery.confirm(
            benchEvent({
              token: liJianguo,
              params: { orderId: toDeliver.orderId },
              body: { pickupCode: toDeliver.pickupCode },
              headers: { 'idempotency-key': randomUUID() },
            }),
          ),
        ),
    },
  ]);

  // Throughput: N clients each placing orders back to back for a fixed number of orders.
  const rows: (string | number)[][] = [];
  for (const clients of [1, 4, 16]) {
    const total = clients * 15;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total) {
          next++;
          answer(await checkout(String(1000 + next)));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    rows.push([clients, total, `${(seconds * 1000).toFixed(0)} ms`, `${(total / seconds).toFixed(1)}/s`]);
  }
  printTable(
    'Grocery checkout throughput (in-process handlers, DynamoDB Local)',
    ['clients', 'orders', 'time', 'orders/s'],
    rows,
  );
}
