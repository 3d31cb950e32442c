import { router } from '../../lib/router';
import { bulkPay, bulkQuote, communityArrears } from '../community/handlers';

/** Community workers: their community's arrears, and paying for households who cannot. */
export const handler = router({ communityArrears, bulkQuote, bulkPay });
