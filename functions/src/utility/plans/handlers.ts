import { cityDate } from '@citycare/contract';
import { AppError } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { reliefConfig } from '../config';
import { readOwnAccount } from '../storage';
import { clock } from '../wiring';
import { installmentSchedule, planRefusal, PLAN_REFUSALS } from './rules';
import { putPlan } from './storage';

/** POST /utility/accounts/{accountNo}/plan (createInstallmentPlan): split the arrears after the window. */
export const createPlan = endpoint('createInstallmentPlan', {}, async ({ body, params, caller }) => {
  const at = clock.now();
  const { account: a, plan } = await readOwnAccount(caller.userId, params.accountNo ?? '');
  const state = { reliefApproved: a.reliefApproved === true, arrearsFen: a.arrearsFen };
  const refusal = planRefusal(reliefConfig(), at, state, !!plan, body.months);
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
