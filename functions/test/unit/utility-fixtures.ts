import type { ReliefConfig } from '../../src/utility/rules';

/** The relief window the pure utility rules are tested against (only water and gas covered). */
export const RELIEF: ReliefConfig = {
  startDate: '2020-01-24',
  endDate: '2020-06-30',
  graceDays: 30,
  coveredCompanies: ['ut-water', 'ut-gas'],
  lateFee: { basisPointsPerDay: 10, capPercent: 30 },
};
