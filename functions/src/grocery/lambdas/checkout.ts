import { router } from '../../lib/router';
import * as shop from '../handlers-shop';

/** Placing an order: one transaction per order, on its own so its concurrency can be capped. */
export const handler = router({ groceryCheckout: shop.checkout });
