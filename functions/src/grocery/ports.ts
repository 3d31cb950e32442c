import { householdColour } from '../health/public';
import type { HouseholdColour } from './rules';

/**
 * What the grocery domain needs from other domains, behind one small port: the domain depends
 * on this function type, not on another domain's storage. Tests replace `colourOf` with a spy.
 */
export interface HealthPort {
  /** The worst health-code colour of the caller's household; 'unregistered' when they have no code. */
  colourOf(userId: string): Promise<HouseholdColour>;
}

export const health: HealthPort = {
  colourOf: (userId) => householdColour(userId),
};
