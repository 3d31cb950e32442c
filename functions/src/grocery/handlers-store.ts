import { notFound } from '../lib/errors';
import { endpoint } from '../lib/http';
import { requireStore, scopesOfCaller } from './shared/access';
import { pickList } from './orders/rules';
import { getSlot, getStore } from './catalogue/storage';
import { slotView } from './catalogue/views';
import { step } from './store-orders';
import { release } from './release/storage';
import { getOrder } from './shared/storage';
import { ordersOfSlot, ordersOfStore } from './store-reads';
import { orderView } from './shared/views';

/** Store operators, scoped to their store. */

export const storeOrders = endpoint('groceryStoreOrders', { roles: ['store'] }, async ({ params, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  return { orders: (await ordersOfStore(storeId, new Date())).map((o) => orderView(o, 'staff')) };
});

/** Accept, reject (with a reason), prepare: the store. Out for delivery: the community worker. */
export const advance = endpoint('groceryAdvance', { roles: ['store', 'worker'] }, async ({ params, body, caller }) => {
  const orderId = params.orderId ?? '';
  const now = new Date();
  if (body.action === 'reject') {
    const found = await getOrder(orderId);
    if (!found) throw notFound('没有这笔订单');
    requireStore(caller, found.storeId);
    return { order: orderView(await release(found, 'reject', now, body.reason), 'staff') };
  }
  const role = body.action === 'dispatch' ? 'worker' : 'store';
  return { order: orderView(await step(orderId, body.action, scopesOfCaller(caller, role), now), 'staff') };
});

/** The slot's pick list: totals per item, and the printable list by community, building and unit. */
export const slotPickList = endpoint('groceryPickList', { roles: ['store'] }, async ({ params, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  const now = new Date();
  const [store, slot, orders] = await Promise.all([
    getStore(storeId),
    getSlot(storeId, params.slotId ?? ''),
    ordersOfSlot(storeId, params.slotId ?? ''),
  ]);
  if (!store || !slot) throw notFound('没有这个配送时段');
  const list = pickList(
    orders.map((o) => ({ ...orderView(o, 'staff'), contactName: orderView(o, 'staff').contact.name })),
  );
  return { slot: slotView(slot, now), storeName: store.name, ...list };
});
