import { router } from '../../lib/router';
import * as store from '../handlers-store';

/** Store operators: catalogue, slots, orders (accept, reject, prepare), pick lists. */
export const handler = router({
  groceryPutItem: store.putStoreItem,
  groceryAddSlot: store.addStoreSlot,
  groceryStoreOrders: store.storeOrders,
  groceryAdvance: store.advance,
  groceryPickList: store.slotPickList,
});
