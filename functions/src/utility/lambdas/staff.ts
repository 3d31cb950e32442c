import { router } from '../../lib/router';
import { decideRelief, reliefReviews } from '../relief/handlers';
import { repairQueue, updateRepair } from '../repairs/handlers';
import * as staff from '../staff/handlers';

/** Utility company staff: relief reviews, accounts, disconnections (refused while protected), repairs. */
export const handler = router({
  reliefReviews,
  decideRelief,
  staffAccount: staff.staffAccount,
  disconnectAccount: staff.disconnectAccount,
  protectedAccounts: staff.protectedAccounts,
  repairQueue,
  updateRepair,
});
