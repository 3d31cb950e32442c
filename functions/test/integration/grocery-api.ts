import * as catalogue from '../../src/grocery/catalogue/handlers';
import { checkout } from '../../src/grocery/checkout/handlers';
import * as complaintsApi from '../../src/grocery/complaints/handlers';
import * as delivery from '../../src/grocery/delivery/handlers';
import * as groupOrders from '../../src/grocery/groups/handlers';
import * as orders from '../../src/grocery/orders/handlers';
import { cancel } from '../../src/grocery/release/handlers';

/**
 * The grocery handlers grouped by audience, as functions/src/grocery/lambdas/ routes them, under
 * the names the tests call them by. Each handler lives in its use-case folder
 * (functions/src/grocery/<use case>/handlers.ts), named after its route (groceryPutItem: putItem).
 */

/** Residents: stores, catalogues, slots, checkout, their orders, cancel, pay, complain. */
export const shop = {
  stores: catalogue.stores,
  storeCatalogue: catalogue.catalogue,
  slots: catalogue.slots,
  checkout,
  myOrders: orders.myOrders,
  order: orders.order,
  cancel,
  pay: orders.pay,
  complain: complaintsApi.complain,
};

/** Store operators: items, slots, their orders (accept, reject, prepare), pick lists. */
export const staff = {
  putStoreItem: catalogue.putItem,
  addStoreSlot: catalogue.addSlot,
  storeOrders: orders.storeOrders,
  advance: orders.advance,
  slotPickList: orders.pickList,
};

/** Community workers: their community's deliveries and confirmation by pickup code. */
export const worker = { deliveries: delivery.deliveries, confirm: delivery.confirm };

/** Group orders: workers open and close them, residents join and pay their share. */
export const groups = {
  open: groupOrders.openGroup,
  list: groupOrders.groups,
  detail: groupOrders.group,
  join: groupOrders.joinGroup,
  payMyShare: groupOrders.payShare,
  close: groupOrders.closeGroup,
};

/** The market regulator: complaints and their handling. */
export const regulator = { complaints: complaintsApi.complaints, handle: complaintsApi.handleComplaint };
