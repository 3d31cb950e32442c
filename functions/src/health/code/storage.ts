import type { ProfileItem } from '../items';
import { householdProfiles } from '../storage';

/** What showing a code reads beside the resident: who looks after a family member. */

/** The masked name of the account holder who looks after a family member (older members lack it). */
export async function proxyNameOf(p: ProfileItem): Promise<string | undefined> {
  if (p.relation === 'self') return undefined;
  if (p.proxyName) return p.proxyName;
  return (await householdProfiles(p.ownerId)).find((r) => r.relation === 'self')?.maskedName ?? '*';
}
