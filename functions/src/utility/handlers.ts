import { addCityDays, cityDate } from '@citycare/contract';
import type { ReliefApplication, ReliefWindow } from '@citycare/contract';
import { AppError, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { fingerprint, idempotencyKey } from '../lib/idempotency';
import { take, takeAll } from '../lib/limits';
import { metric } from '../lib/metrics';
import { paymentProvider } from '../payments/provider';
import { now } from './clock';
import { reliefConfig, utilityLimits } from './config';
import { accountView, billView, partView, repairView, type PaymentRecord } from './items';
import {
  inWindow,
  installmentSchedule,
  INSTALLMENT_MONTHS,
  planRefusal,
  PLAN_REFUSALS,
  windowBounds,
  type ReliefConfig,
} from './rules';
import {
  getAccounts,
  isWrongHolder,
  linkAccount as link,
  MAX_LINKED_ACCOUNTS,
  putPlan,
  readHousehold,
  readOwnAccount,
  unlinkAccount as unlink,
  type Household,
} from './store-accounts';
import { getPayment, newPaymentId, paymentFor, settlePayment, startPayment, unpaidBills } from './store-payments';
import { applyForRelief } from './store-relief';
import { createRepair as saveRepair, householdRepairs } from './store-repairs';

/** Residents' routes: a household (the signed-in user) and its own accounts only. */

function windowView(cfg: ReliefConfig, at: Date): ReliefWindow {
  const { startsAt, endsAt } = windowBounds(cfg);
  return {
    startDate: cfg.startDate,
    endDate: cfg.endDate,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    graceDays: cfg.graceDays,
    coveredCompanies: cfg.coveredCompanies,
    open: inWindow(cfg, at),
    installmentMonths: [...INSTALLMENT_MONTHS],
  };
}

function reliefView(h: Household): ReliefApplication | null {
  if (!h.relief) return null;
  const parts = h.parts.map(partView).sort((a, b) => a.company.localeCompare(b.company));
  return { appliedAt: h.relief.appliedAt, hardship: h.relief.hardship, parts };
}

const paymentView = (r: PaymentRecord) => ({
  paymentId: r.paymentId,
  accountNo: r.accountNo,
  billIds: r.bills.map((b) => b.billId),
  amountFen: r.amountFen,
  status: r.status === 'paid' ? ('paid' as const) : ('pending' as const),
});

/** GET /utility: the relief window, the household's accounts and its application. */
export const overview = endpoint('utilityOverview', {}, async ({ caller }) => {
  const at = now();
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
 * POST /utility/accounts: link by account number and holder name. Every guess is counted per
 * user and per account before the name is checked (so no guess escapes the count); a right one
 * is given back, so only wrong names use the day's allowance.
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
  const at = now();
  try {
    const account = await link(caller.userId, body.accountNo, body.holderName, at);
    await giveBack();
    return new Reply(201, { account: accountView(account, at) });
  } catch (err) {
    if (!isWrongHolder(err)) await giveBack();
    throw err;
  }
});

/** GET /utility/accounts/{accountNo}: the account, its bills with late fees, and its plan. */
export const account = endpoint('utilityAccount', {}, async ({ params, caller }) => {
  const at = now();
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

/** DELETE /utility/accounts/{accountNo}. */
export const unlinkAccount = endpoint('unlinkAccount', {}, async ({ params, caller }) => {
  await unlink(caller.userId, params.accountNo ?? '');
  return { ok: true as const };
});

/** POST /utility/relief: one application for every linked account. */
export const applyRelief = endpoint('applyRelief', {}, async ({ body, caller }) => {
  const household = await applyForRelief(reliefConfig(), caller.userId, body.hardship, now());
  const relief = reliefView(household);
  if (!relief) throw new AppError('TRY_AGAIN', '申请正在处理中，请稍后刷新查看');
  return { relief };
});

/** POST /utility/accounts/{accountNo}/plan: split the arrears after the window. */
export const createPlan = endpoint('createInstallmentPlan', {}, async ({ body, params, caller }) => {
  const at = now();
  const cfg = reliefConfig();
  const { account: a, plan } = await readOwnAccount(caller.userId, params.accountNo ?? '');
  const state = { reliefApproved: a.reliefApproved === true, arrearsFen: a.arrearsFen };
  const refusal = planRefusal(cfg, at, state, !!plan, body.months);
  if (refusal) throw new AppError(refusal === 'has-plan' ? 'CONFLICT' : 'UNPROCESSABLE', PLAN_REFUSALS[refusal]);
  const created = {
    accountNo: a.accountNo,
    months: body.months,
    totalFen: a.arrearsFen,
    createdAt: at.toISOString(),
    schedule: installmentSchedule(a.arrearsFen, body.months, cityDate(at)),
  };
  await putPlan(caller.userId, created);
  return new Reply(201, { plan: created });
});

/** POST /utility/payments: a pending payment for chosen bills (Idempotency-Key honoured). */
export const startUtilityPayment = endpoint('startUtilityPayment', {}, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, false);
  const scope = key
    ? { userId: caller.userId, operation: 'utility.pay', key, fingerprint: fingerprint(body) }
    : undefined;
  const at = now();
  const { account: a, bills } = await readOwnAccount(caller.userId, body.accountNo);
  const chosen = unpaidBills(bills, body.billIds);
  const record = paymentFor(reliefConfig(), caller.userId, newPaymentId(), a, chosen, at);
  const provider = paymentProvider();
  return startPayment(
    record,
    scope,
    async (r) => ({
      payment: paymentView(r),
      clientParams: await provider.clientParams({
        paymentId: r.paymentId,
        payerId: r.payerId,
        amountFen: r.amountFen,
        purpose: 'utility-bill',
        reference: r.bills.map((b) => b.billId).join(','),
        description: `户号 ${r.accountNo} 缴费`,
      }),
    }),
    at,
  ) as Promise<{ payment: ReturnType<typeof paymentView>; clientParams: Record<string, string> }>;
});

/** POST /utility/payments/{paymentId}/confirm: the payer confirmed on the phone; settles. */
export const confirmUtilityPayment = endpoint('confirmUtilityPayment', {}, async ({ params, caller }) => {
  const record = await getPayment(params.paymentId ?? '');
  if (!record || record.payerId !== caller.userId) throw notFound('没有找到这笔缴费');
  return { payment: paymentView(await settlePayment(record, now())) };
});

/** POST /utility/repairs: a repair request, any hour; a few a day per household. */
export const createRepair = endpoint('createRepair', {}, async ({ body, caller }) => {
  const giveBack = await take(utilityLimits.repairs, caller.userId);
  const repair = await saveRepair(caller.userId, body, now()).catch(async (err: unknown) => {
    await giveBack();
    throw err;
  });
  metric('RepairRequests');
  return new Reply(201, { repair: repairView(repair) });
});

/** GET /utility/repairs: the household's requests, newest first. */
export const myRepairs = endpoint('myRepairs', {}, async ({ caller }) => {
  return { repairs: (await householdRepairs(caller.userId)).map(repairView) };
});
