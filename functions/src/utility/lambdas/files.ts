import { router } from '../../lib/router';
import { exportProtected, importBills } from '../staff/handlers';

/** Bulk files: the protected-accounts CSV export and the bills import, with more memory and time. */
export const handler = router({ exportProtected, importBills });
