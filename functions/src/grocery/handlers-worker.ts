import { endpoint } from '../lib/http';
import { fingerprint, idempotencyKey } from '../lib/idempotency';
import { AppError } from '../lib/errors';
import { requireWorker, scopesOfCaller } from './shared/access';
import { groceryConfig } from './shared/config';
import { deliveryTime } from './delivery/rules';
import { confirmDelivery } from './store-delivery';
import { ordersOfCommunity } from './orders/storage';
import { orderView } from './shared/views';

/** Community workers: their community's orders by slot, and delivery confirmation by pickup code. */

export const deliveries = endpoint('groceryDeliveries', { roles: ['worker'] }, async ({ params, caller }) => {
  const communityId = params.communityId ?? '';
  requireWorker(caller, communityId);
  return { orders: (await ordersOfCommunity(communityId, new Date())).map((o) => orderView(o, 'staff')) };
});

/**
 * POST /grocery/orders/{orderId}/deliver: the pickup code must match. Each confirmation carries
 * its own Idempotency-Key (made on the phone when the worker confirmed, possibly offline), so a
 * queued confirmation synced twice applies once.
 */
export const confirm = endpoint('groceryConfirm', { roles: ['worker'] }, async ({ params, body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const orderId = params.orderId ?? '';
  const scope = { userId: caller.userId, operation: `grocery.deliver.${orderId}`, key, fingerprint: fingerprint(body) };
  const now = new Date();
  const claimed = body.confirmedAt ? new Date(body.confirmedAt) : undefined;
  const when = deliveryTime(claimed, now, groceryConfig.deliveryOfflineWindowHours);
  if (!when.ok) throw new AppError('UNPROCESSABLE', when.message);
  return confirmDelivery(orderId, body.pickupCode, scopesOfCaller(caller, 'worker'), scope, now, when.at);
});
