import { requireEnv, settingsOnce } from '../lib/env';
import type { Limit } from '../lib/limits';
import type { ReliefConfig } from './rules';

/** The relief window of this stage, from config/utility.yml through serverless.yml's environment. */
export const reliefConfig = /* @__PURE__ */ settingsOnce<ReliefConfig>(() => ({
  startDate: requireEnv('RELIEF_START_DATE'),
  endDate: requireEnv('RELIEF_END_DATE'),
  graceDays: Number(requireEnv('RELIEF_GRACE_DAYS')),
  coveredCompanies: requireEnv('RELIEF_COVERED_COMPANIES')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  lateFee: {
    basisPointsPerDay: Number(requireEnv('LATE_FEE_BP_PER_DAY')),
    capPercent: Number(requireEnv('LATE_FEE_CAP_PERCENT')),
  },
}));

function positiveInt(name: string): number {
  const n = Number(requireEnv(name));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

const DAY_SECONDS = 24 * 3600;

/** The utility domain's abuse caps (config/utility.yml `limits`), counted by lib/limits.ts. */
export const utilityLimits = {
  /** Wrong holder names one user may try a day, whatever the accounts. */
  get holderNameUser(): Limit {
    return {
      name: 'utility.holder-name.user',
      max: positiveInt('UTILITY_LIMIT_HOLDER_USER'),
      windowSeconds: DAY_SECONDS,
      message: '户主姓名输错次数太多，为保护户主信息，今天暂停绑定',
    };
  },
  /** Wrong holder names one account number may be tried with a day, by anyone. */
  get holderNameAccount(): Limit {
    return {
      name: 'utility.holder-name.account',
      max: positiveInt('UTILITY_LIMIT_HOLDER_ACCOUNT'),
      windowSeconds: DAY_SECONDS,
      message: '这个户号今天被输错户主姓名的次数太多，为保护户主信息，暂停绑定。如是您本人的户号，可拨打 12345 核实',
    };
  },
  /** Repair requests one household may file a day. */
  get repairs(): Limit {
    return {
      name: 'utility.repairs.household',
      max: positiveInt('UTILITY_LIMIT_REPAIRS'),
      windowSeconds: DAY_SECONDS,
      message: '今天提交的报修已经很多了，紧急情况请直接拨打供水、供电、燃气或供暖公司的 24 小时报修电话',
    };
  },
};
