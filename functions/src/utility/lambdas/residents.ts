import { router } from '../../lib/router';
import * as accounts from '../accounts/handlers';
import * as payments from '../payments/handlers';
import { createPlan } from '../plans/handlers';
import { applyRelief } from '../relief/handlers';
import { createRepair, myRepairs } from '../repairs/handlers';

/** Residents: linked accounts, bills, relief, instalment plans, payments, repairs. */
export const handler = router({
  utilityOverview: accounts.overview,
  linkAccount: accounts.linkAccount,
  utilityAccount: accounts.account,
  unlinkAccount: accounts.unlinkAccount,
  applyRelief,
  createInstallmentPlan: createPlan,
  startUtilityPayment: payments.startUtilityPayment,
  confirmUtilityPayment: payments.confirmUtilityPayment,
  createRepair,
  myRepairs,
});
