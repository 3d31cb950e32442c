import { forbidden, notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { getSlot, getStore } from '../catalogue/storage';
import { slotView } from '../catalogue/views';
import { release } from '../release/storage';
import { freshRoles, orderViewer, ownSingleOrder, requireStore, scopesOfCaller } from '../access';
import { existingOrder } from '../storage';
import { orderView } from '../views';
import { clock } from '../wiring';
import { cashierParams } from '../paying/cashier';
import { refuse } from '../refusals';
import { bySlot, priorityFirst } from '../rules';
import { pickList as listForPicking, refusePay } from './rules';
import { ordersOfSlot, ordersOfStore, ordersOfUser, step } from './storage';
import { prepare } from '../substitute/storage';

/** Orders after checkout: each audience's list, one order, the store's steps, paying, pick lists. */

/** GET /grocery/orders: the resident's own orders. */
export const myOrders = endpoint('groceryMyOrders', {}, async ({ caller }) => ({
  orders: (await ordersOfUser(caller.userId)).map((o) => orderView(o, 'owner')),
}));

/** GET /grocery/orders/{orderId}: to the resident who ordered, and (masked) to staff entitled to it. */
export const order = endpoint('groceryOrder', {}, async ({ params, caller }) => {
  const found = await existingOrder(params.orderId ?? '');
  const viewer = found.userId === caller.userId ? 'owner' : orderViewer(await freshRoles(caller), caller.userId, found);
  if (!viewer) throw forbidden('这不是您的订单');
  return { order: orderView(found, viewer) };
});

/**
 * POST /grocery/orders/{orderId}/pay: the cashier again for a prepaid order still to be paid. It
 * marks nothing paid: only WeChat Pay's verified notification does (paying/hooks.ts).
 */
export const pay = endpoint('groceryPay', { roles: ['resident'] }, async ({ params, caller }) => {
  const found = await ownSingleOrder(params.orderId ?? '', caller.userId);
  refuse(refusePay(found));
  return { order: orderView(found, 'owner'), clientParams: await cashierParams(found) };
});

/** GET /grocery/stores/{storeId}/orders: the store's orders of slots from yesterday on, 隔离户优先 first. */
export const storeOrders = endpoint('groceryStoreOrders', { roles: ['store'] }, async ({ params, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  return { orders: priorityFirst(await ordersOfStore(storeId, clock.now()), bySlot).map((o) => orderView(o, 'staff')) };
});

/**
 * POST /grocery/orders/{orderId}/advance: accept, reject (with a reason: release/), prepare (and
 * refund the difference of lines replaced or dropped: substitute/) — the store; out for delivery — the community worker.
 */
export const advance = endpoint('groceryAdvance', { roles: ['store', 'worker'] }, async ({ params, body, caller }) => {
  const orderId = params.orderId ?? '';
  const now = clock.now();
  if (body.action === 'reject') {
    const found = await existingOrder(orderId);
    requireStore(caller, found.storeId);
    return { order: orderView(await release(found, 'reject', now, body.reason), 'staff') };
  }
  const role = body.action === 'dispatch' ? 'worker' : 'store';
  if (body.action === 'prepare')
    return { order: orderView(await prepare(orderId, scopesOfCaller(caller, role), now), 'staff') };
  return { order: orderView(await step(orderId, body.action, scopesOfCaller(caller, role), now), 'staff') };
});

/** GET /grocery/stores/{storeId}/slots/{slotId}/picklist: totals per item, and orders by community, building, unit. */
export const pickList = endpoint('groceryPickList', { roles: ['store'] }, async ({ params, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  const now = clock.now();
  const [store, slot, orders] = await Promise.all([
    getStore(storeId),
    getSlot(storeId, params.slotId ?? ''),
    ordersOfSlot(storeId, params.slotId ?? ''),
  ]);
  if (!store || !slot) throw notFound('没有这个配送时段');
  const list = listForPicking(
    orders.map((o) => {
      const staffView = orderView(o, 'staff');
      return { ...staffView, contactName: staffView.contact.name };
    }),
  );
  return { slot: slotView(slot, now), storeName: store.name, ...list };
});
