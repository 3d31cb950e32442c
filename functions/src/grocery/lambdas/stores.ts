import { router } from '../../lib/router';
import * as catalogue from '../catalogue/handlers';
import * as store from '../handlers-store';

/** Store operators: catalogue, slots, orders (accept, reject, prepare), pick lists. */
export const handler = router({
  groceryPutItem: catalogue.putItem,
  groceryAddSlot: catalogue.addSlot,
  groceryStoreOrders: store.storeOrders,
  groceryAdvance: store.advance,
  groceryPickList: store.slotPickList,
});
