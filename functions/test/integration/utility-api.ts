import * as accounts from '../../src/utility/accounts/handlers';
import * as community from '../../src/utility/community/handlers';
import * as payments from '../../src/utility/payments/handlers';
import * as plans from '../../src/utility/plans/handlers';
import * as relief from '../../src/utility/relief/handlers';
import * as repairs from '../../src/utility/repairs/handlers';
import * as staff from '../../src/utility/staff/handlers';

/**
 * The utility handlers (in their use-case folders) grouped by audience, as the tests call them:
 * residents', company staff's and community workers'.
 */
export const residentHandlers = {
  overview: accounts.overview,
  linkAccount: accounts.linkAccount,
  account: accounts.account,
  unlinkAccount: accounts.unlinkAccount,
  applyRelief: relief.applyRelief,
  createPlan: plans.createPlan,
  startUtilityPayment: payments.startUtilityPayment,
  confirmUtilityPayment: payments.confirmUtilityPayment,
  createRepair: repairs.createRepair,
  myRepairs: repairs.myRepairs,
};

export const staffHandlers = {
  reliefReviews: relief.reliefReviews,
  decideRelief: relief.decideRelief,
  staffAccount: staff.staffAccount,
  disconnectAccount: staff.disconnectAccount,
  protectedAccounts: staff.protectedAccounts,
  exportProtected: staff.exportProtected,
  importBills: staff.importBills,
  repairQueue: repairs.repairQueue,
  updateRepair: repairs.updateRepair,
};

export const workerHandlers = {
  communityArrears: community.communityArrears,
  bulkQuote: community.bulkQuote,
  bulkPay: community.bulkPay,
};
