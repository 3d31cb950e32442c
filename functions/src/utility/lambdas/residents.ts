import { router } from '../../lib/router';
import * as resident from '../handlers';

/** Residents: linked accounts, bills, relief, instalment plans, payments, repairs. */
export const handler = router({
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
