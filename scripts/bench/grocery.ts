import { randomUUID } from 'node:crypto';
import { benchEvent } from './harness';
import { answer, benchShop } from './grocery-shop';
import { countRequests } from './requests';
import { printTable } from './table';

/**
 * Grocery: DynamoDB requests per checkout, cancel and delivery confirmation next to the floor
 * (one transaction each), and checkout throughput against DynamoDB Local with N concurrent clients.
 * Paying, refunds and pay on delivery collected at the door are WeChat Pay's table (payments-domains.ts).
 */
export async function benchGroceryRequests(): Promise<void> {
  const { cancel } = await import('../../functions/src/grocery/release/handlers');
  const delivery = await import('../../functions/src/grocery/delivery/handlers');
  const shop = await benchShop();
  const { checkout, sendOut } = shop;
  const { resident, worker: liJianguo } = shop.tokens;

  let toCancel = '';
  let toDeliver = { orderId: '', pickupCode: '' };
  // Each use case's floor is one transaction. What it makes besides: reads it cannot do without.
  // Paying, refunds and 已收款 at the door: the WeChat Pay table (payments.ts).
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
      name: 'confirm delivery (pickup code), prepaid',
      floor: 1,
      floorNote: '1 TransactWriteItems. Also needed: GetItem of the worker’s roles (a revoked one stops at once)',
      setup: async () => {
        toDeliver = answer(await checkout('501', 'prepaid')).order;
        await sendOut(toDeliver.orderId);
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

  // Throughput: N clients each placing orders back to back for a fixed number of orders. An order
  // refused (TRY_AGAIN past its deadline on a loaded machine) is counted, not fatal.
  const rows: (string | number)[][] = [];
  for (const clients of [1, 4, 16]) {
    const total = clients * 15;
    let next = 0;
    let refused = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total) {
          next++;
          if (((await checkout(String(1000 + next))).statusCode ?? 500) >= 300) refused++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const placed = total - refused;
    rows.push([clients, placed, refused, `${(seconds * 1000).toFixed(0)} ms`, `${(placed / seconds).toFixed(1)}/s`]);
  }
  printTable(
    'Grocery checkout throughput (in-process handlers, DynamoDB Local)',
    ['clients', 'orders', 'refused', 'time', 'orders/s'],
    rows,
  );
}
