import { requireEnv } from '../lib/env';
import type { ReliefConfig } from './rules';

let config: ReliefConfig | undefined;

/** The relief window of this stage, from config/utility.yml through serverless.yml's environment. */
export function reliefConfig(): ReliefConfig {
  config ??= {
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
  };
  return config;
}

export const utilityTable = () => requireEnv('TABLE_UTILITY');
