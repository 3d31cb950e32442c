import { randomUUID } from 'node:crypto';
import { benchEvent } from './harness';

/**
 * The bench's own corner of 幸福便民超市: signed-in demo accounts, an item and a slot big enough
 * for the throughput run and the payment cases, and the requests its cases set up with (checkout, the store's and the
 * worker's steps), each refused request thrown.
 */
export type BenchShop = Awaited<ReturnType<typeof openShop>>;

export const answer = (res: { statusCode?: number; body?: string }) => {
  if ((res.statusCode ?? 500) >= 300) throw new Error(`bench request refused: ${res.body}`);
  return JSON.parse(res.body ?? '{}');
};

let shop: Promise<BenchShop> | undefined;

/** The one shop of a bench run (grocery.ts and payments.ts both use it). */
export const benchShop = (): Promise<BenchShop> => (shop ??= openShop());

async function openShop() {
  const { login } = await import('../../functions/src/auth/handlers');
  const orders = await import('../../functions/src/grocery/orders/handlers');
  const { checkout: placeOrder } = await import('../../functions/src/grocery/checkout/handlers');
  const catalogue = await import('../../functions/src/grocery/catalogue/handlers');
  const tokenOf = async (key: string) =>
    JSON.parse((await login(benchEvent({ body: { code: `dev:${key}` } }))).body ?? '{}').token as string;
  const [resident, store, worker] = await Promise.all([tokenOf('resident'), tokenOf('store'), tokenOf('worker')]);

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
  const orderBody = (room: string, payment: 'on-delivery' | 'prepaid') => ({
    storeId: 'st-xingfu',
    communityId: 'zq-jianshe',
    slotId,
    payment,
    address: { building: '3', unit: '2', room },
    contact: { name: '王秀兰', phone: '13812345678' },
    lines: [{ itemId: item, qty: 1 }],
  });
  /** The resident's order (pay on delivery unless said), as the checkout answered it. */
  const checkout = (room = '501', payment: 'on-delivery' | 'prepaid' = 'on-delivery') =>
    placeOrder(
      benchEvent({ token: resident, body: orderBody(room, payment), headers: { 'idempotency-key': randomUUID() } }),
    );
  /** An order taken by the store, prepared and sent out by the worker. */
  const sendOut = async (orderId: string) => {
    for (const [token, action] of [
      [store, 'accept'],
      [store, 'prepare'],
      [worker, 'dispatch'],
    ] as const) {
      answer(await orders.advance(benchEvent({ token, params: { orderId }, body: { action } })));
    }
  };
  return { tokens: { resident, store, worker }, checkout, sendOut };
}
