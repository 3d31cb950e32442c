import { householdColours } from './storage';

/**
 * What other domains may ask the health-code service. The grocery service uses it to decide
 * whether a household may receive a delivery in person.
 *
 * A function calling this needs `TABLE_HEALTH` in its environment
 * (`${self:custom.tables.health}`) and dynamodb:Query on the health table.
 */
export type HealthColour = 'green' | 'yellow' | 'red';

const RANK: Record<HealthColour, number> = { green: 0, yellow: 1, red: 2 };

/** The worse of two colours. */
export function worseColour(a: HealthColour, b: HealthColour): HealthColour {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * The worst colour among the user's own code and the codes of the family members they
 * registered; `unregistered` when the user has no health code at all. One Query.
 */
export async function householdColour(userId: string): Promise<HealthColour | 'unregistered'> {
  const colours = (await householdColours(userId)).filter((c): c is HealthColour => c in RANK);
  if (colours.length === 0) return 'unregistered';
  return colours.reduce(worseColour, 'green');
}
