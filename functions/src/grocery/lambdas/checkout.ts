import { router } from '../../lib/router';
import { checkout } from '../checkout/handlers';

/** Placing an order: one transaction per order, on its own so its concurrency can be capped. */
export const handler = router({ groceryCheckout: checkout });
