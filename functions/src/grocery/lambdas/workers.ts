import { router } from '../../lib/router';
import * as worker from '../handlers-worker';

/** Community workers: their community's deliveries, and confirmation by pickup code. */
export const handler = router({ groceryDeliveries: worker.deliveries, groceryConfirm: worker.confirm });
