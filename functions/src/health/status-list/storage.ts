import { queryAll } from '../../lib/dynamo';
import { statusListPk } from '../keys';
import { healthTable } from '../table';
import type { StatusChange } from './rules';

/**
 * The status list's reads: one Query per UTC day from `from` to `now` (a week is 8 small
 * partitions), in parallel; entries past their expiry are skipped (TTL deletion can lag).
 */
export async function changesSince(from: Date, now: Date): Promise<StatusChange[]> {
  const days: string[] = [];
  const last = now.toISOString().slice(0, 10);
  for (let d = new Date(from.toISOString().slice(0, 10)); d.toISOString().slice(0, 10) <= last;) {
    days.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86400_000);
  }
  const nowSec = Math.floor(now.getTime() / 1000);
  const lists = await Promise.all(
    days.map((day) =>
      queryAll<StatusChange>({
        TableName: healthTable(),
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        FilterExpression: 'expiresAt > :now',
        ProjectionExpression: 'codeId, #at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':pk': statusListPk(day), ':from': from.toISOString(), ':now': nowSec },
      }),
    ),
  );
  return lists.flat();
}
