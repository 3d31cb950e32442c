import { endpoint } from '../../lib/http';
import { scopesOfCaller } from '../access';
import { orderView } from '../views';
import { clock } from '../wiring';
import { substitute as change } from './storage';

/**
 * POST /grocery/orders/{orderId}/substitute (grocerySubstitute): the store, while preparing,
 * replaces a line with a similar item (where the resident allowed 同类替换) or drops it. The
 * money settles when the store marks the order prepared (substitute/storage.ts prepare).
 */
export const substitute = endpoint('grocerySubstitute', { roles: ['store'] }, async ({ params, body, caller }) => {
  const actor = { userId: caller.userId, stores: scopesOfCaller(caller, 'store') };
  return { order: orderView(await change(params.orderId ?? '', body, actor, clock.now()), 'staff') };
});
