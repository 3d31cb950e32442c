import { router } from '../../lib/router';
import * as company from '../handlers-staff';

/** Utility company staff: relief reviews, accounts, disconnections (refused while protected), repairs. */
export const handler = router({
  reliefReviews: company.reliefReviews,
  decideRelief: company.decideRelief,
  staffAccount: company.staffAccount,
  disconnectAccount: company.disconnectAccount,
  protectedAccounts: company.protectedAccounts,
  repairQueue: company.repairQueue,
  updateRepair: company.updateRepair,
});
