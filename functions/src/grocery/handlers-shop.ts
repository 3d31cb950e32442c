import { forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { take } from '../lib/limits';
import { groceryConfig } from './shared/config';
import { addComplaint } from './store-complaints';
import { getOrder } from './shared/storage';

/** Residents: stores that deliver to a community, catalogues, slots, checkout, my orders. */

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
