import { router } from '../../lib/router';
import { decide, queue } from '../review/handlers';

/** A district's reviewing officials: the queue, and decisions. */
export const handler = router({ companyQueue: queue, companyDecide: decide });
