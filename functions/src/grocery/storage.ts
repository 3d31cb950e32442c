import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  batchGetAll,
  db,
  transact,
  TransactionCancelled,
  type Tagged as TaggedItem,
  type TransactItem,
} from '../lib/dynamo';
import { AppError, notFound } from '../lib/errors';
import { nothingWasDone } from '../lib/faults';
import type { Reply } from '../lib/http';
import { storedReply, type IdempotencyScope } from '../lib/idempotency';
import { groceryConfig } from './config';
import { orderKey } from './keys';
import { explainCancellation, TRY_AGAIN_MESSAGE, type Tag } from './refusals';
import type { OrderItem } from './views';

/**
 * Storage every grocery use case shares: its transactions (on the toolkit's `transact`), their
 * cancellations explained to the person who sent them (refusals.ts), many items read at once,
 * and an order by its id.
 */

/** A transaction item tagged with what it stands for (refusals.ts explains a failure by the tag). */
export type Tagged = TaggedItem<Tag>;

/** Items tagged with a kind that says no more than what they are (an order's, a payment's …). */
export const tagAll = (kind: 'order' | 'payment' | 'group' | 'idempotency', items: TransactItem[]): Tagged[] =>
  items.map((item) => ({ item, tag: { kind } }));

/**
 * Commits every item or none. A cancelled transaction becomes an AppError naming what failed
 * (which item is out of stock, a full slot, a household limit), or, when the idempotency
 * record already exists, the reply the first request got.
 */
export async function commit(
  tagged: Tagged[],
  now: Date,
  scope?: IdempotencyScope,
): Promise<{ replay?: Reply<unknown> }> {
  try {
    await transact(tagged);
    return {};
  } catch (err) {
    if (!(err instanceof TransactionCancelled)) {
      if (nothingWasDone(err)) throw new AppError('TRY_AGAIN', TRY_AGAIN_MESSAGE);
      throw err;
    }
    const refusal = explainCancellation(
      err.reasons,
      tagged.map((t) => t.tag),
      now,
    );
    if ('replay' in refusal) {
      const stored = scope ? await storedReply(scope) : undefined;
      if (stored) return { replay: stored };
      throw new AppError('TRY_AGAIN', TRY_AGAIN_MESSAGE);
    }
    throw new AppError(refusal.code, refusal.message);
  }
}

/**
 * Runs a write guarded by its Idempotency-Key. When it is refused, a request with the same key
 * that went through before (an order whose slot has closed since, say) gets its first answer.
 */
export async function answerOnce<T>(scope: IdempotencyScope, write: () => Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof AppError) {
      const stored = await storedReply(scope);
      if (stored) return stored as Reply<T>;
    }
    throw err;
  }
}

/** Reads many items of one or more tables, consistently (the toolkit's batchGetAll). */
export function readMany(
  keys: Record<string, Record<string, unknown>[]>,
): Promise<Record<string, Record<string, unknown>[]>> {
  return batchGetAll(keys, { consistent: true, message: TRY_AGAIN_MESSAGE });
}

export async function getOrder(orderId: string): Promise<OrderItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: groceryConfig.table, Key: orderKey(orderId), ConsistentRead: true }),
  );
  return out.Item as OrderItem | undefined;
}

/** The order, or 404. */
export async function existingOrder(orderId: string): Promise<OrderItem> {
  const found = await getOrder(orderId);
  if (!found) throw notFound('没有这笔订单');
  return found;
}

/** `x IN (:p0, :p1 …)` for a condition expression, with its values. */
export const inList = (prefix: string, values: string[]) => {
  const names = values.map((_, i) => `:${prefix}${i}`);
  return { expr: `(${names.join(', ')})`, values: Object.fromEntries(values.map((v, i) => [`:${prefix}${i}`, v])) };
};
