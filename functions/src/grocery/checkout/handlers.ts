import { endpoint, Reply } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { cashierParamsIfPending } from '../paying/cashier';
import { answerOnce } from '../storage';
import { clock, health } from '../wiring';
import { placeOrder } from './storage';

/**
 * POST /grocery/orders (groceryCheckout): stock, household limits, slot, order and payment in
 * one transaction; the Idempotency-Key makes a retry return the first answer, even after the
 * slot has closed since. A prepaid order's answer carries WeChat Pay's cashier parameters; the
 * order is paid only on WeChat Pay's verified notification (paying/hooks.ts).
 */
export const checkout = endpoint('groceryCheckout', { roles: ['resident'] }, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const scope = { userId: caller.userId, operation: 'grocery.checkout', key, fingerprint: fingerprint(body) };
  const now = clock.now();
  const reply = await answerOnce(scope, () =>
    placeOrder({ userId: caller.userId, body, colour: health.colourOf(caller.userId), scope, now }),
  );
  // Prepaid: the cashier's parameters (after the commit; a retry with the same key asks again).
  const { order } = reply.body;
  if (order.payment.method !== 'prepaid' || order.payment.state !== 'pending') return reply;
  const clientParams = await cashierParamsIfPending({ ...order, userId: caller.userId, ...order.payment });
  return clientParams ? new Reply(reply.status, { order, clientParams }) : reply;
});
