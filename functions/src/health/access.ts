import type { Caller } from '../auth/caller';
import { forbidden } from '../lib/errors';
import type { ProfileItem } from './items';
import { getProfile } from './storage';

/** Who may act for a resident: the account that registered them (themself or a family member). */

export const NOT_YOURS = '只能查看和办理本人或家人的健康码';

/** The caller's own (or their family member's) resident, or 403. */
export async function ownResident(caller: Caller, residentId: string): Promise<ProfileItem> {
  const p = await getProfile(caller.userId, residentId);
  if (!p) throw forbidden(NOT_YOURS);
  return p;
}
