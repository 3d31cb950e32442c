import { notFound } from '../lib/errors';
import { endpoint } from '../lib/http';
import { handleComplaint, listComplaints, ordersById } from './store-complaints';
import { getOrder } from './shared/storage';
import { regulatorView } from './shared/views';
import { users } from './wiring';

/** The market regulator: residents' complaints about price and quality, and marking them handled. */

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

export const handle = endpoint('groceryHandleComplaint', { roles: ['regulator'] }, async ({ params, body, caller }) => {
  const by = (await users.displayName(caller.userId)) ?? '市场监管';
  const c = await handleComplaint(params.complaintId ?? '', by, body.note, new Date());
  const order = await getOrder(c.orderId);
  if (!order) throw notFound('投诉的订单不存在了');
  return { complaint: regulatorView(c, order) };
});
