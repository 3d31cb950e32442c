import type { RiskArea } from '@citycare/contract';
import { batchGetAll, CONFLICT, retryOnConflict } from '../../lib/dynamo';
import { expiresAt } from '../config';
import type { DeclarationItem, ProfileItem } from '../items';
import { declarationKey, profileKey, rulesKey } from '../keys';
import { areasOf } from '../rulebook/storage';
import type { HealthState, Transition } from '../status';
import { commitState, stateUpdate, statusChangePut, statusListPut, withState } from '../storage';
import { healthTable } from '../table';

/** Storage of declarations: the day's row, written together with the status it leads to. */

/** An owner's resident and the current risk areas, in one request. */
async function profileAndAreas(ownerId: string, residentId: string) {
  const T = healthTable();
  const out = await batchGetAll({ [T]: [profileKey(ownerId, residentId), rulesKey()] }, { consistent: true });
  const items = out[T] ?? [];
  const profile = items.find((i) => i.sk === profileKey(ownerId, residentId).sk) as ProfileItem | undefined;
  const rules = items.find((i) => i.pk === rulesKey().pk);
  return { profile, riskAreas: areasOf(rules?.areas) };
}

/** What a declaration writes: computed by the rules from the resident's state as read. */
export interface Declared {
  item: DeclarationItem;
  state: HealthState;
  change?: Transition;
}

/**
 * Today's declaration of an owner's resident: reads the resident and the risk areas, lets
 * `decide` (the rules) work out the row and the new state, and stores the row (replacing an
 * earlier one of the same day), the state and the colour change together. When the state
 * changed between the read and the write, reads again (at most 4 times). Undefined when the
 * resident is not the owner's.
 */
export async function saveDeclaration<D extends Declared>(
  ownerId: string,
  residentId: string,
  decide: (profile: ProfileItem, riskAreas: RiskArea[]) => D,
): Promise<{ profile: ProfileItem; declared: D } | undefined> {
  return retryOnConflict(
    async () => {
      const { profile, riskAreas } = await profileAndAreas(ownerId, residentId);
      if (!profile) return undefined;
      const declared = decide(profile, riskAreas);
      const { item: d, state, change } = declared;
      const written = await commitState([
        stateUpdate(profile, state, d.at),
        {
          Put: {
            TableName: healthTable(),
            Item: { ...declarationKey(profile.ownerId, profile.residentId, d.date), ...d, expiresAt: expiresAt(d.at) },
          },
        },
        ...(change ? [statusChangePut(profile, change, 'rule', d.at), statusListPut(profile.codeId, d.at)] : []),
      ]);
      return written === CONFLICT ? CONFLICT : { profile: withState(profile, state), declared };
    },
    { attempts: 4, message: '状态正在更新，请稍后再提交一次' },
  );
}
