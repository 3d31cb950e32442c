import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../errors';
import { db } from './client';

/** BatchGetItem takes at most 100 keys a request. */
export const BATCH_GET_MAX = 100;
/** Rounds of unprocessed keys retried before the read gives up with TRY_AGAIN. */
const MAX_ROUNDS = 6;

type Key = Record<string, unknown>;

/** Backoff before retry round `round` (1-based): 20, 40, 80 … ms with full jitter. */
function backoff(round: number): Promise<void> {
  const ms = Math.random() * 20 * 2 ** round;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads many items of one or more tables: chunks of 100 keys, unprocessed keys retried with
 * jittered backoff, at most six rounds per chunk (then 503 TRY_AGAIN). Missing items are absent
 * from the result; order is not kept.
 */
export async function batchGetAll<T = Record<string, unknown>>(
  requests: Record<string, Key[]>,
  options: { consistent?: boolean; message?: string } = {},
): Promise<Record<string, T[]>> {
  const result: Record<string, T[]> = Object.fromEntries(Object.keys(requests).map((t) => [t, []]));
  const all = Object.entries(requests).flatMap(([table, keys]) => keys.map((key) => ({ table, key })));
  for (let i = 0; i < all.length; i += BATCH_GET_MAX) {
    let pending: Record<string, { Keys: Key[]; ConsistentRead?: boolean }> = {};
    for (const { table, key } of all.slice(i, i + BATCH_GET_MAX)) {
      (pending[table] ??= { Keys: [], ConsistentRead: options.consistent }).Keys.push(key);
    }
    for (let round = 0; Object.keys(pending).length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new AppError('TRY_AGAIN', options.message ?? '现在使用的人较多，请稍后再试');
      if (round > 0) await backoff(round);
      const out = await db().send(new BatchGetCommand({ RequestItems: pending }));
      for (const [t, items] of Object.entries(out.Responses ?? {})) (result[t] ??= []).push(...(items as T[]));
      pending = (out.UnprocessedKeys ?? {}) as typeof pending;
    }
  }
  return result;
}
