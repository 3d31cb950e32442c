import { endpoint } from '../../lib/http';
import { ownSingleOrder } from '../access';
import { orderView } from '../views';
import { clock } from '../wiring';
import { release } from './storage';

/**
 * POST /grocery/orders/{orderId}/cancel (groceryCancel): the resident cancels before the store
 * accepts; stock, slot, household counters and payment (refunded if paid) go back together.
 * The store's reject is the same release, through groceryAdvance (orders/handlers.ts).
 */
export const cancel = endpoint('groceryCancel', { roles: ['resident'] }, async ({ params, caller }) => {
  const found = await ownSingleOrder(params.orderId ?? '', caller.userId);
  return { order: orderView(await release(found, 'cancel', clock.now()), 'owner') };
});
