import { router } from '../../lib/router';
import * as shop from '../handlers-shop';

/** Residents: stores that deliver to them, catalogues, slots, their orders, cancel, pay, complain. */
export const handler = router({
  groceryStores: shop.stores,
  groceryCatalogue: shop.storeCatalogue,
  grocerySlots: shop.slots,
  groceryMyOrders: shop.myOrders,
  groceryOrder: shop.order,
  groceryCancel: shop.cancel,
  groceryPay: shop.pay,
  groceryComplain: shop.complain,
});
