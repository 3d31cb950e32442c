import { forbidden, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { take } from '../../lib/limits';
import { groceryConfig } from '../config';
import { existingOrder, getOrder } from '../storage';
import { clock, users } from '../wiring';
import { addComplaint, listComplaints, markHandled, ordersById } from './storage';
import { regulatorView } from './views';

/**
 * Complaints about price or quality: residents file them (one open per order, a few a day per
 * user); the market regulator reads them and marks them handled.
 */

/** POST /grocery/orders/{orderId}/complaints */
export const complain = endpoint('groceryComplain', { roles: ['resident'] }, async ({ params, body, caller }) => {
  const found = await existingOrder(params.orderId ?? '');
  if (found.userId !== caller.userId) throw forbidden('只能投诉自己的订单');
  const giveBack = await take(groceryConfig.complaintsLimit, caller.userId);
  const c = await addComplaint(
    { orderId: found.orderId, storeId: found.storeId, userId: caller.userId, kind: body.kind, text: body.text },
    clock.now(),
  ).catch(async (err: unknown) => {
    await giveBack();
    throw err;
  });
  const { userId: _u, ...complaint } = c;
  return new Reply(201, { complaint });
});

/** GET /grocery/complaints: the newest complaints, with their orders' store and state. */
export const complaints = endpoint('groceryComplaints', { roles: ['regulator'] }, async () => {
  const list = await listComplaints();
  const orders = await ordersById(list.map((c) => c.orderId));
  return {
    complaints: list.flatMap((c) => {
      const order = orders.get(c.orderId);
      return order ? [regulatorView(c, order)] : [];
    }),
  };
});

/** POST /grocery/complaints/{complaintId}/handle */
export const handleComplaint = endpoint(
  'groceryHandleComplaint',
  { roles: ['regulator'] },
  async ({ params, body, caller }) => {
    const by = (await users.displayName(caller.userId)) ?? '市场监管';
    const c = await markHandled(params.complaintId ?? '', by, body.note, clock.now());
    const order = await getOrder(c.orderId);
    if (!order) throw notFound('投诉的订单不存在了');
    return { complaint: regulatorView(c, order) };
  },
);
