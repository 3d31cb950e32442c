import { conflict, notFound } from '../../lib/errors';
import { CONFLICT, queryPage, retryOnConflict, TransactionCancelled } from '../../lib/dynamo';
import { closeAppealItems } from '../appeals/storage';
import type { DeclarationItem, ProfileItem } from '../items';
import { auditPrefix, declarationPrefix, householdPk } from '../keys';
import type { HealthState, Transition } from '../status';
import { commitState, profileById, stateUpdate, statusChangePut, statusListPut, withState } from '../storage';
import { healthTable } from '../table';

/** Storage of a status under review: its history, and an official's change of it. */

/** Rows of a resident's history per page: the timeline of status changes, the table of declarations. */
export const HISTORY_PAGE = { audit: 10, declarations: 7 } as const;
export type HistoryKind = keyof typeof HISTORY_PAGE;

const PREFIX = { audit: auditPrefix, declarations: declarationPrefix } as const;

/** Whether `start` is a position inside this resident's `kind` rows (a cursor's, checked after opening it). */
export function isHistoryPosition(p: ProfileItem, kind: HistoryKind, start: Record<string, unknown>): boolean {
  return (
    Object.keys(start).length === 2 &&
    start.pk === householdPk(p.ownerId) &&
    typeof start.sk === 'string' &&
    start.sk.startsWith(PREFIX[kind](p.residentId))
  );
}

/** One page of a resident's status changes or declarations, newest first, from `start` (a position). */
export async function historyPage(p: ProfileItem, kind: HistoryKind, now: string, start?: Record<string, unknown>) {
  const nowSec = Math.floor(Date.parse(now) / 1000);
  return queryPage({
    TableName: healthTable(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
    ExpressionAttributeValues: { ':pk': householdPk(p.ownerId), ':p': PREFIX[kind](p.residentId), ':now': nowSec },
    ScanIndexForward: false,
    Limit: HISTORY_PAGE[kind],
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
}

/** The first page of a resident's status changes and of their declarations (newest first). */
export async function history(p: ProfileItem, now: string) {
  const [audit, declarations] = await Promise.all([historyPage(p, 'audit', now), historyPage(p, 'declarations', now)]);
  return {
    audit: audit.items,
    declarations: declarations.items as unknown as DeclarationItem[],
    auditLast: audit.last,
    declarationsLast: declarations.last,
  };
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
