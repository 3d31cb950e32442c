import { conflict, notFound } from '../../lib/errors';
import { CONFLICT, queryPage, retryOnConflict, TransactionCancelled } from '../../lib/dynamo';
import { closeAppealItems } from '../appeals/storage';
import type { DeclarationItem, ProfileItem } from '../items';
import { auditPrefix, declarationPrefix, householdPk } from '../keys';
import type { HealthState, Transition } from '../status';
import { commitState, profileById, stateUpdate, statusChangePut, statusListPut, withState } from '../storage';
import { healthTable } from '../table';

/** Storage of a status under review: its history, and an official's change of it. */

async function latest(ownerId: string, prefix: string, limit: number, nowSec: number) {
  const page = await queryPage({
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
    ExpressionAttributeValues: { ':pk': householdPk(ownerId), ':p': prefix, ':now': nowSec },
    ScanIndexForward: false,
    Limit: limit,
  });
  return page.items;
}

/** A resident's latest status changes and declarations (newest first). */
export async function history(p: ProfileItem, now: string) {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  const [audit, declarations] = await Promise.all([
    latest(p.ownerId, auditPrefix(p.residentId), 30, nowSec),
    latest(p.ownerId, declarationPrefix(p.residentId), 14, nowSec),
  ]);
  return { audit, declarations: declarations as unknown as DeclarationItem[] };
}

/** What an official's change writes: computed by the rules from the resident's state as read. */
export interface OfficialChange {
  state: HealthState;
  change: Transition;
  now: string;
}

/**
 * An official's status change: reads the resident, lets `decide` (the rules; it throws a refusal)
 * work out the new state, and writes it with its audit row and (optionally) the closing of the
 * appeal it answers. When the state changed between the read and the write, reads again (at
 * most 4 times). 404 for an unknown resident; 409 when the appeal is closed or not theirs.
 */
export async function changeStatus(
  residentId: string,
  officialId: string,
  decide: (p: ProfileItem) => OfficialChange,
  appeal?: { appealId: string; decision: string },
): Promise<{ profile: ProfileItem; now: string }> {
  return retryOnConflict(
    async () => {
      const p = await profileById(residentId);
      if (!p) throw notFound('找不到该居民');
      const { state, change, now } = decide(p);
      const items = [
        stateUpdate(p, state, now),
        statusChangePut(p, change, 'official', now, officialId),
        ...(appeal
          ? closeAppealItems(
              { appealId: appeal.appealId, residentId: p.residentId, ownerId: p.ownerId },
              'changed',
              appeal.decision,
              officialId,
              now,
            )
          : []),
        statusListPut(p.codeId, now),
      ];
      try {
        return (await commitState(items)) === CONFLICT ? CONFLICT : { profile: withState(p, state), now };
      } catch (err) {
        // The appeal's queue item (the third) is gone or another resident's.
        if (err instanceof TransactionCancelled && err.reasons[2]?.code === 'ConditionalCheckFailed') {
          throw conflict('该纠错申请已处理或不属于此居民');
        }
        throw err;
      }
    },
    { attempts: 4, message: '状态正在更新，请稍后再试' },
  );
}
