import type { TransactItem } from './transact';

/**
 * An update moving an item's `status` from `from` to `to` and stamping `<to>At` with `now`
 * (`remove`: attributes dropped at the same time). It fails unless the item is in `from`, so
 * a replayed move changes nothing.
 */
export function statusChange(
  TableName: string,
  Key: Record<string, unknown>,
  change: { from: string; to: string; now: Date; remove?: string },
): TransactItem {
  return {
    Update: {
      TableName,
      Key,
      UpdateExpression: `SET #s = :to, ${change.to}At = :now${change.remove ? ` REMOVE ${change.remove}` : ''}`,
      ConditionExpression: '#s = :from',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':to': change.to, ':from': change.from, ':now': change.now.toISOString() },
    },
  };
}
