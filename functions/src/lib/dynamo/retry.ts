import { AppError } from '../errors';
import { isConditionFailure } from './client';
import { cancellationReasons } from './transact';

/** Returned by an attempt whose read-then-write lost a race: read again and retry. */
export const CONFLICT = Symbol('conflict');

const RACE_CODES = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/** True for a write that lost a race: a failed condition or a transaction conflict. */
export function isConflict(err: unknown): boolean {
  if (isConditionFailure(err)) return true;
  return cancellationReasons(err)?.some((r) => RACE_CODES.has(r.code)) ?? false;
}

/**
 * Optimistic concurrency in one place: runs `attempt` (read, decide, conditional write) until it
 * returns a value, retrying when it returns CONFLICT or its write lost a race, with a short
 * jittered pause. After `attempts` tries the caller gets 503 TRY_AGAIN with `message`.
 */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T | typeof CONFLICT>,
  options: { attempts?: number; message: string },
): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let n = 0; n < attempts; n++) {
    if (n > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * 2 ** n));
    try {
      const result = await attempt(n);
      if (result !== CONFLICT) return result as T;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
  throw new AppError('TRY_AGAIN', options.message);
}
