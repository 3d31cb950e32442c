import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import { AppError } from '../../src/lib/errors';
import { take, takeAll, type Limit } from '../../src/lib/limits';

const unique = () => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const limit: Limit = { name: 'test.guess', max: 3, windowSeconds: 3600, message: '猜错次数太多' };
const now = new Date('2026-12-03T10:20:00Z');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('rate limits (DynamoDB counters with TTL)', () => {
  it('allows max attempts in a window, then refuses with 429 and when to try again', async () => {
    const subject = unique();
    for (let i = 0; i < 3; i++) await take(limit, subject, now);
    const err = await refusal(take(limit, subject, now));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // 10:20 in a window of one hour that ends at 11:00: 40 minutes.
    expect(err.options.retryAfterSeconds).toBe(2400);
    expect(err.message).toBe('猜错次数太多，请 40 分钟后再试');
    // The next window starts afresh.
    await take(limit, subject, new Date('2026-12-03T11:00:01Z'));
  });

  it('a day’s window runs from midnight to midnight in Yingkou (UTC+8)', async () => {
    const subject = unique();
    const daily: Limit = { ...limit, name: 'test.daily', max: 1, windowSeconds: 86400 };
    // 23:30 in Yingkou; the window ends at midnight there (16:00 UTC), 30 minutes later.
    await take(daily, subject, new Date('2026-12-03T15:30:00Z'));
    const err = await refusal(take(daily, subject, new Date('2026-12-03T15:30:00Z')));
    expect(err.options.retryAfterSeconds).toBe(1800);
    await take(daily, subject, new Date('2026-12-03T16:00:01Z'));
  });

  it('counts concurrent attempts exactly: never more than max pass', async () => {
    const subject = unique();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => take(limit, subject, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });

  it('gives back an attempt that turned out right, and the counter expires by TTL', async () => {
    const subject = unique();
    const release = await take(limit, subject, now);
    await release();
    for (let i = 0; i < 3; i++) await take(limit, subject, now);
    const start = Math.floor(now.getTime() / 1000 / 3600) * 3600;
    const row = await db().send(
      new GetCommand({ TableName: process.env.TABLE_LIMITS, Key: { pk: `test.guess#${subject}#${start}` } }),
    );
    expect(row.Item).toMatchObject({ attempts: 3, expiresAt: start + 3600 + 3600 });
  });

  it('takes from several limits or none: a refusal by the second gives back the first', async () => {
    const [a, b] = [unique(), unique()];
    const tight: Limit = { ...limit, name: 'test.tight', max: 1 };
    await take(tight, b, now);
    await refusal(
      takeAll(
        [
          [limit, a],
          [tight, b],
        ],
        now,
      ),
    );
    // The first limit's attempt was returned: all three remain.
    for (let i = 0; i < 3; i++) await take(limit, a, now);
  });
});
