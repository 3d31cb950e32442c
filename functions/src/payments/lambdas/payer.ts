import '../wiring';
import { router } from '../../lib/router';
import * as payments from '../handlers';

/** The payer's own payments. */
export const handler = router({ myPayment: payments.myPayment });
