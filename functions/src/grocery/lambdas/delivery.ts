import { router } from '../../lib/router';
import * as delivery from '../delivery/handlers';

/** Community workers (function groceryWorkers): their community's deliveries, and confirmation by pickup code. */
export const handler = router({ groceryDeliveries: delivery.deliveries, groceryConfirm: delivery.confirm });
