import { queryAll } from '../../lib/dynamo';
import { groceryConfig } from '../config';
import { BY_USER, DUE_GROUPS_FROM, dueGroupsBound, OPEN_GROUPS_PARTITION, RELEASE_PREFIX } from '../keys';

/**
 * What the schedule reads from the index of open groups: the groups whose cutoff has passed,
 * and the release markers of large group orders whose batched release is not finished.
 */

const table = () => groceryConfig.table;

/** Open groups whose cutoff is at or before `now`, oldest first (at most `limit`). */
export async function dueGroups(now: Date, limit = 100): Promise<string[]> {
  const due = await queryAll(
    {
      TableName: table(),
      IndexName: BY_USER,
      // From the first cutoff time on: release markers sort before.
      KeyConditionExpression: 'gsi1pk = :open AND gsi1sk BETWEEN :from AND :bound',
      ExpressionAttributeValues: {
        ':open': OPEN_GROUPS_PARTITION,
        ':from': DUE_GROUPS_FROM,
        ':bound': dueGroupsBound(now),
      },
      ProjectionExpression: 'groupId',
      Limit: limit,
    },
    { max: limit },
  );
  return due.map((i) => String(i.groupId));
}

/** Large group releases begun but not finished (a crash between steps). */
export async function pendingReleases(): Promise<{ orderId: string; groupId: string; storeId: string }[]> {
  const markers = await queryAll({
    TableName: table(),
    IndexName: BY_USER,
    KeyConditionExpression: 'gsi1pk = :open AND begins_with(gsi1sk, :release)',
    ExpressionAttributeValues: { ':open': OPEN_GROUPS_PARTITION, ':release': RELEASE_PREFIX },
  });
  return markers.map((i) => ({ orderId: String(i.orderId), groupId: String(i.groupId), storeId: String(i.storeId) }));
}
