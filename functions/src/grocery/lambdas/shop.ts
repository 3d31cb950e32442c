import { router } from '../../lib/router';
import * as catalogue from '../catalogue/handlers';
import { complain } from '../complaints/handlers';
import * as orders from '../orders/handlers';
import { cancel } from '../release/handlers';

/** Residents: stores that deliver to them, catalogues, slots, their orders, cancel, pay, complain. */
export const handler = router({
  groceryStores: catalogue.stores,
  groceryCatalogue: catalogue.catalogue,
  grocerySlots: catalogue.slots,
  groceryMyOrders: orders.myOrders,
  groceryOrder: orders.order,
  groceryCancel: cancel,
  groceryPay: orders.pay,
  groceryComplain: complain,
});
