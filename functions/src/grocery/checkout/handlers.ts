import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { answerOnce } from '../storage';
import { clock, health } from '../wiring';
import { placeOrder } from './storage';

/**
 * POST /grocery/orders (groceryCheckout): stock, household limits, slot, order and payment in
 * one transaction; the Idempotency-Key makes a retry return the first answer, even after the
 * slot has closed since.
 */
export const checkout = endpoint('groceryCheckout', { roles: ['resident'] }, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const scope = { userId: caller.userId, operation: 'grocery.checkout', key, fingerprint: fingerprint(body) };
  const now = clock.now();
  return answerOnce(scope, () =>
    placeOrder({ userId: caller.userId, body, colour: health.colourOf(caller.userId), scope, now }),
  );
});
