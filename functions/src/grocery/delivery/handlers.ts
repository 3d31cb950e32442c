import { AppError } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { ordersOfCommunity } from '../orders/storage';
import { requireWorker, scopesOfCaller } from '../access';
import { groceryConfig } from '../config';
import { bySlot, priorityFirst } from '../rules';
import { orderView } from '../views';
import { clock } from '../wiring';
import { deliveryTime } from './rules';
import { confirmDelivery } from './storage';

/** Community workers: their community's orders by slot, and delivery confirmation by pickup code. */

/** GET /grocery/communities/{communityId}/deliveries: 隔离户优先 first, then by slot. */
export const deliveries = endpoint('groceryDeliveries', { roles: ['worker'] }, async ({ params, caller }) => {
  const communityId = params.communityId ?? '';
  requireWorker(caller, communityId);
  const orders = priorityFirst(await ordersOfCommunity(communityId, clock.now()), bySlot);
  return { orders: orders.map((o) => orderView(o, 'staff')) };
});

/**
 * POST /grocery/orders/{orderId}/deliver (groceryConfirm): the pickup code must match; a
 * pay-on-delivery order is confirmed with the money collected at the door (已收款: cash or
 * scan), the amount being the order's own, recorded and audited in the same transaction. Each
 * confirmation carries its own Idempotency-Key (made on the phone when the worker confirmed,
 * possibly offline), so a queued confirmation synced twice applies once.
 */
export const confirm = endpoint('groceryConfirm', { roles: ['worker'] }, async ({ params, body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const orderId = params.orderId ?? '';
  const scope = { userId: caller.userId, operation: `grocery.deliver.${orderId}`, key, fingerprint: fingerprint(body) };
  const now = clock.now();
  const claimed = body.confirmedAt ? new Date(body.confirmedAt) : undefined;
  const when = deliveryTime(claimed, now, groceryConfig.deliveryOfflineWindowHours);
  if (!when.ok) throw new AppError('UNPROCESSABLE', when.message);
  const communities = scopesOfCaller(caller, 'worker');
  const confirmation = { orderId, code: body.pickupCode, collected: body.collected, communities };
  return confirmDelivery(confirmation, scope, now, when.at);
});
