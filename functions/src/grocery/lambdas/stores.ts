import { router } from '../../lib/router';
import * as catalogue from '../catalogue/handlers';
import * as orders from '../orders/handlers';
import * as substitutions from '../substitute/handlers';

/** Store operators: catalogue, slots, orders (accept, reject, prepare, substitutions), pick lists. */
export const handler = router({
  groceryPutItem: catalogue.putItem,
  groceryAddSlot: catalogue.addSlot,
  groceryStoreOrders: orders.storeOrders,
  groceryAdvance: orders.advance,
  groceryPickList: orders.pickList,
  grocerySubstitute: substitutions.substitute,
});
