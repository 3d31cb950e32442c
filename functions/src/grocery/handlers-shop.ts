import { forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { take } from '../lib/limits';
import { freshRoles, orderViewer, ownSingleOrder } from './shared/access';
import { groceryConfig } from './shared/config';
import { settle } from './store-orders';
import { addComplaint } from './store-complaints';
import { getOrder } from './shared/storage';
import { ordersOfUser } from './store-reads';
import { orderView } from './shared/views';

/** Residents: stores that deliver to a community, catalogues, slots, checkout, my orders. */

export const myOrders = endpoint('groceryMyOrders', {}, async ({ caller }) => ({
  orders: (await ordersOfUser(caller.userId)).map((o) => orderView(o, 'owner')),
}));

export const order = endpoint('groceryOrder', {}, async ({ params, caller }) => {
  const found = await getOrder(params.orderId ?? '');
  if (!found) throw notFound('没有这笔订单');
  const viewer = found.userId === caller.userId ? 'owner' : orderViewer(await freshRoles(caller), caller.userId, found);
  if (!viewer) throw forbidden('这不是您的订单');
  return { order: orderView(found, viewer) };
});

/** Pay by phone (prepaid, or on delivery): settles the payment and the order's payment state together. */
export const pay = endpoint('groceryPay', { roles: ['resident'] }, async ({ params, caller }) => {
  const found = await ownSingleOrder(params.orderId ?? '', caller.userId);
  return { order: orderView(await settle(found, new Date()), 'owner') };
});

/** A complaint about price or quality, for the market regulator: one open per order, a few a day per user. */
export const complain = endpoint('groceryComplain', { roles: ['resident'] }, async ({ params, body, caller }) => {
  const found = await getOrder(params.orderId ?? '');
  if (!found) throw notFound('没有这笔订单');
  if (found.userId !== caller.userId) throw forbidden('只能投诉自己的订单');
  const giveBack = await take(groceryConfig.complaintsLimit, caller.userId);
  const c = await addComplaint(
    { orderId: found.orderId, storeId: found.storeId, userId: caller.userId, kind: body.kind, text: body.text },
    new Date(),
  ).catch(async (err: unknown) => {
    await giveBack();
    throw err;
  });
  const { userId: _u, ...complaint } = c;
  return new Reply(201, { complaint });
});
