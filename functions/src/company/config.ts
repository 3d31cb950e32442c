import { requireEnv, settingsOnce } from '../lib/env';

/** 复工复产 settings (config/company.yml through serverless.yml's environment). */
export interface CompanyConfig {
  /** How many days of gate counts the company page shows. */
  countDays: number;
}

export const companyConfig = settingsOnce((): CompanyConfig => {
  const countDays = Number(requireEnv('COMPANY_COUNT_DAYS'));
  if (!(countDays >= 1 && countDays <= 28)) throw new Error('COMPANY_COUNT_DAYS must be 1 to 28');
  return { countDays };
});
