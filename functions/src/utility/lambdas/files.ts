import { router } from '../../lib/router';
import * as company from '../handlers-staff';

/** Bulk files: the protected-accounts CSV export and the bills import, with more memory and time. */
export const handler = router({ exportProtected: company.exportProtected, importBills: company.importBills });
