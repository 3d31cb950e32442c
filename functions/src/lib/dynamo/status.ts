import type { TransactItem } from './transact';

export interface StatusChange {
  from: string;
  to: string;
  now: Date;
  /** More to set (`a = :a, …`), to check (`… AND <condition>`) and their values; attributes to drop. */
  set?: string;
  condition?: string;
  values?: Record<string, unknown>;
  remove?: string;
}

/**
 * An update moving an item's `status` from `from` to `to` and stamping `<to>At` with `now`.
 * It fails unless the item is in `from` (and `condition` holds), so a replayed move changes
 * nothing.
 */
export function statusChange(TableName: string, Key: Record<string, unknown>, change: StatusChange): TransactItem {
  const set = `SET #s = :to, ${change.to}At = :now${change.set ? `, ${change.set}` : ''}`;
  return {
    Update: {
      TableName,
      Key,
      UpdateExpression: `${set}${change.remove ? ` REMOVE ${change.remove}` : ''}`,
      ConditionExpression: `#s = :from${change.condition ? ` AND ${change.condition}` : ''}`,
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ...change.values,
        ':to': change.to,
        ':from': change.from,
        ':now': change.now.toISOString(),
      },
    },
  };
}
