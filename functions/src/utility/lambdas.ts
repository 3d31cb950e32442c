import { router } from '../lib/router';
import * as worker from './handlers-community';
import * as resident from './handlers';
import * as company from './handlers-staff';

/** The utility-relief functions deployed (see serverless.yml), one per audience. */

/** Residents: linked accounts, bills, relief, instalment plans, payments, repairs. */
export const residents = router({
  utilityOverview: resident.overview,
  linkAccount: resident.linkAccount,
  utilityAccount: resident.account,
  unlinkAccount: resident.unlinkAccount,
  applyRelief: resident.applyRelief,
  createInstallmentPlan: resident.createPlan,
  startUtilityPayment: resident.startUtilityPayment,
  confirmUtilityPayment: resident.confirmUtilityPayment,
  createRepair: resident.createRepair,
  myRepairs: resident.myRepairs,
});

/** Community workers: their community's arrears, and paying for households who cannot. */
export const community = router({ communityArrears: worker.communityArrears, bulkPay: worker.bulkPay });

/** Utility company staff: relief reviews, accounts, disconnections (refused while protected), repairs. */
export const staff = router({
  reliefReviews: company.reliefReviews,
  decideRelief: company.decideRelief,
  staffAccount: company.staffAccount,
  disconnectAccount: company.disconnectAccount,
  protectedAccounts: company.protectedAccounts,
  repairQueue: company.repairQueue,
  updateRepair: company.updateRepair,
});

/** Bulk files: the protected-accounts CSV export and the bills import, with more memory and time. */
export const files = router({ exportProtected: company.exportProtected, importBills: company.importBills });
