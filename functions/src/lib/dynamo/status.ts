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

/**
 * A conditional update of one item (`#s` in an expression stands for `status`); `returnOld`
 * asks for the item as it was when the condition fails, to explain the refusal.
 */
export function conditionalUpdate(
  TableName: string,
  Key: Record<string, unknown>,
  update: { set: string; condition: string; values?: Record<string, unknown>; returnOld?: boolean },
): TransactItem {
  return {
    Update: {
      TableName,
      Key,
      UpdateExpression: update.set,
      ConditionExpression: update.condition,
      ...(`${update.set} ${update.condition}`.includes('#s') ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
      ...(update.values ? { ExpressionAttributeValues: update.values } : {}),
      ...(update.returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    },
  };
}
