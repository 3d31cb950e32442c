import { router } from '../../lib/router';
import * as worker from '../handlers-community';

/** Community workers: their community's arrears, and paying for households who cannot. */
export const handler = router({ communityArrears: worker.communityArrears, bulkPay: worker.bulkPay });
