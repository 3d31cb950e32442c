import { addCityDays } from '@citycare/contract';
import { AppError } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { takeAll } from '../../lib/limits';
import { reliefConfig, utilityLimits } from '../config';
import { planRefusal, PLAN_REFUSALS } from '../plans/rules';
import { reliefView, windowView } from '../relief/views';
import { getAccounts, readHousehold, readOwnAccount } from '../storage';
import { accountView, billView } from '../views';
import { clock } from '../wiring';
import { MAX_LINKED_ACCOUNTS } from './rules';
import { isWrongHolder, linkAccount as link, unlinkAccount as unlink } from './storage';

/** A household's accounts (the signed-in user's own only): the overview, linking, one account's detail. */

/** GET /utility (utilityOverview): the relief window, the household's accounts and its application. */
export const overview = endpoint('utilityOverview', {}, async ({ caller }) => {
  const at = clock.now();
  const household = await readHousehold(caller.userId);
  const accounts = (await getAccounts(household.links.map((l) => l.accountNo))).filter(
    (a) => a.household === caller.userId,
  );
  return {
    window: windowView(reliefConfig(), at),
    accounts: accounts.map((a) => accountView(a, at)),
    relief: reliefView(household),
  };
});

/**
 * POST /utility/accounts (linkAccount): link by account number and holder name. Every guess is
 * counted per user and per account before the name is checked (so no guess escapes the count);
 * a right one is given back, so only wrong names use the day's allowance.
 */
export const linkAccount = endpoint('linkAccount', {}, async ({ body, caller }) => {
  const household = await readHousehold(caller.userId);
  if (household.links.length >= MAX_LINKED_ACCOUNTS && !household.links.some((l) => l.accountNo === body.accountNo)) {
    throw new AppError('UNPROCESSABLE', `一个家庭最多绑定 ${MAX_LINKED_ACCOUNTS} 个户号`);
  }
  const giveBack = await takeAll([
    [utilityLimits.holderNameUser, caller.userId],
    [utilityLimits.holderNameAccount, body.accountNo],
  ]);
  const at = clock.now();
  try {
    const account = await link(caller.userId, body.accountNo, body.holderName, at);
    await giveBack();
    return new Reply(201, { account: accountView(account, at) });
  } catch (err) {
    if (!isWrongHolder(err)) await giveBack();
    throw err;
  }
});

/** GET /utility/accounts/{accountNo} (utilityAccount): the account, its bills with late fees, and its plan. */
export const account = endpoint('utilityAccount', {}, async ({ params, caller }) => {
  const at = clock.now();
  const cfg = reliefConfig();
  const { account: a, bills, plan } = await readOwnAccount(caller.userId, params.accountNo ?? '');
  const refusal = planRefusal(cfg, at, { reliefApproved: a.reliefApproved === true, arrearsFen: a.arrearsFen }, !!plan);
  return {
    account: accountView(a, at),
    bills: bills.map((b) => billView(cfg, b, at, a.reliefApproved === true)).reverse(),
    plan: plan
      ? {
          accountNo: plan.accountNo,
          months: plan.months,
          totalFen: plan.totalFen,
          createdAt: plan.createdAt,
          schedule: plan.schedule,
        }
      : null,
    planEligibility: {
      eligible: refusal === null,
      reason: refusal ? PLAN_REFUSALS[refusal] : undefined,
      availableFrom: addCityDays(cfg.endDate, 1),
    },
  };
});

/** DELETE /utility/accounts/{accountNo} (unlinkAccount). */
export const unlinkAccount = endpoint('unlinkAccount', {}, async ({ params, caller }) => {
  await unlink(caller.userId, params.accountNo ?? '');
  return { ok: true as const };
});
