import { groceryConfig } from '../config';
import { limitKey, storeItemKey } from '../keys';
import type { Tagged } from '../storage';
import { givesBackLimits, sumBy, type HeldLimit } from './rules';

/**
 * What an order or a household's share gives back at the store when it is given up (cancelled,
 * rejected, lapsed unpaid): its stock and today's scarce-item counters, as transaction items.
 */

const table = () => groceryConfig.table;
const tag = (item: Tagged['item']): Tagged => ({ tag: { kind: 'order' }, item });

/** Stock of each item, once per item however many lines name it. */
export function returnStock(storeId: string, lines: { itemId: string; qty: number }[]): Tagged[] {
  const perItem = sumBy(
    lines,
    (l) => l.itemId,
    (l) => l.qty,
  );
  return [...perItem.entries()].map(([itemId, { qty }]) =>
    tag({
      Update: {
        TableName: table(),
        Key: storeItemKey(storeId, itemId),
        UpdateExpression: 'ADD stock :q',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':q': qty },
      },
    }),
  );
}

/** Today's household counters of scarce lines, once per counter. */
export function returnLimits(storeId: string, held: HeldLimit[], now: Date): Tagged[] {
  const counters = sumBy(
    held.filter((h) => givesBackLimits(h.day, now)),
    (h) => `${h.day}|${h.household}|${h.itemId}`,
    (h) => h.qty,
  );
  return [...counters.values()].map(({ first: h, qty }) =>
    tag({
      Update: {
        TableName: table(),
        Key: limitKey(h.day, h.household, storeId, h.itemId),
        UpdateExpression: 'ADD n :minus',
        ConditionExpression: 'n >= :q',
        ExpressionAttributeValues: { ':minus': -qty, ':q': qty },
      },
    }),
  );
}
