import { cityWindowStart } from '@citycare/contract';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure } from './dynamo';
import { requireEnv } from './env';
import { AppError } from './errors';

/**
 * The one rate-limit mechanism: a counter per (limit, subject, window) in the limits table,
 * incremented by a conditional UpdateItem (so concurrent requests are each counted, and none
 * passes the maximum) and expired by TTL after its window. Nothing is kept in memory: every
 * function instance sees the same counts.
 */
export interface Limit {
  /** Names the counter, e.g. `utility.holder-name.user`. */
  name: string;
  /** Attempts allowed per window. */
  max: number;
  /** The window's length; windows are fixed (a day runs from midnight to midnight in Yingkou). */
  windowSeconds: number;
  /** The refusal's message; the wait is appended to it. */
  message: string;
}

const table = () => requireEnv('TABLE_LIMITS');

/** Windows are aligned to the city's clock: a day's limit resets at midnight there. */
function windowOf(limit: Limit, now: Date): { start: number; end: number } {
  const start = cityWindowStart(now, limit.windowSeconds);
  return { start, end: start + limit.windowSeconds };
}

const counterKey = (limit: Limit, subject: string, start: number) => ({ pk: `${limit.name}#${subject}#${start}` });

/** How a wait reads to a resident: 「请 3 分钟后再试」. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `请 ${Math.max(1, Math.ceil(seconds))} 秒后再试`;
  if (seconds < 5400) return `请 ${Math.ceil(seconds / 60)} 分钟后再试`;
  return `请 ${Math.ceil(seconds / 3600)} 小时后再试`;
}

export function rateLimited(limit: Limit, retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', `${limit.message}，${waitText(retryAfterSeconds)}`, undefined, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}

/**
 * Counts one attempt of `subject` against `limit`, or throws 429 RATE_LIMITED (with
 * Retry-After) when the window's attempts are used up. Returns a function that gives the
 * attempt back, for limits that count only failures: take before checking the guess, give back
 * when it was right.
 */
export async function take(limit: Limit, subject: string, now = new Date()): Promise<() => Promise<void>> {
  const { start, end } = windowOf(limit, now);
  const Key = counterKey(limit, subject, start);
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key,
        UpdateExpression: 'ADD attempts :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :max',
        ExpressionAttributeValues: { ':one': 1, ':max': limit.max, ':expires': end + 3600 },
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw rateLimited(limit, end - now.getTime() / 1000);
    throw err;
  }
  return async () => {
    await db()
      .send(
        new UpdateCommand({
          TableName: table(),
          Key,
          UpdateExpression: 'ADD attempts :minus',
          ConditionExpression: 'attempts > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      )
      .catch((err: unknown) => {
        if (!isConditionFailure(err)) throw err;
      });
  };
}

/** Takes one attempt from every limit in order (e.g. per user and per account); all or the first refusal. */
export async function takeAll(
  limits: readonly (readonly [Limit, string])[],
  now = new Date(),
): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = [];
  try {
    for (const [limit, subject] of limits) releases.push(await take(limit, subject, now));
  } catch (err) {
    await Promise.all(releases.map((r) => r()));
    throw err;
  }
  return async () => {
    await Promise.all(releases.map((r) => r()));
  };
}
