import {
  RETRY,
  StormGuard,
  isRetryable,
  keepQueued,
  mayRetry,
  retryAfterMs,
  retryDelayMs,
} from '../../../miniapp/src/api/retry';

/** The app's request adapter rules (issue 16: no request storm; issue 18: retries that help). */
describe('which failed requests the app sends again', () => {
  it('retries GETs and keyed writes on 503 and 429', () => {
    expect(isRetryable('GET', 503, false)).toBe(true);
    expect(isRetryable('GET', 429, false)).toBe(true);
    expect(isRetryable('POST', 503, true)).toBe(true);
    expect(isRetryable('POST', 429, true)).toBe(true);
  });

  it('never retries a write without an Idempotency-Key: it could apply twice', () => {
    expect(isRetryable('POST', 503, false)).toBe(false);
    expect(isRetryable('POST', 429, false)).toBe(false);
    expect(isRetryable('DELETE', 503, false)).toBe(false);
  });

  it('retries a GET, but not a keyed write, when no answer came', () => {
    expect(isRetryable('GET', 0, false)).toBe(true);
    expect(isRetryable('POST', 0, true)).toBe(false);
  });

  it('does not retry refusals or other faults', () => {
    for (const status of [400, 401, 403, 404, 409, 500, 502, 504]) {
      expect(isRetryable('GET', status, false)).toBe(false);
    }
  });
});

describe('how long the app waits before a retry', () => {
  it('reads Retry-After in seconds, and nothing else', () => {
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs(' 3 ')).toBe(3000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('-1')).toBeUndefined();
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
  });

  it('waits at least Retry-After, with at most 20% jitter on top', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(1000);
    expect(retryDelayMs(1, 1000, () => 0.999)).toBe(1200);
    expect(retryDelayMs(2, 2000, () => 0.5)).toBe(2200);
  });

  it('backs off exponentially with jitter when the server names no time', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(retryDelayMs(1, undefined, low)).toBe(RETRY.baseMs / 2);
    expect(retryDelayMs(1, undefined, high)).toBe(RETRY.baseMs);
    expect(retryDelayMs(2, undefined, high)).toBe(RETRY.baseMs * 2);
    expect(retryDelayMs(3, undefined, high)).toBe(RETRY.baseMs * 4);
    expect(retryDelayMs(20, undefined, high)).toBe(RETRY.maxDelayMs);
    // Two clients failing together do not come back together.
    expect(retryDelayMs(2, undefined, () => 0.1)).not.toBe(retryDelayMs(2, undefined, () => 0.9));
  });

  it('stops after the last attempt or when the wait would pass the budget', () => {
    expect(mayRetry(1, 0, 1000)).toBe(true);
    expect(mayRetry(RETRY.attempts - 1, 2000, 1000)).toBe(true);
    expect(mayRetry(RETRY.attempts, 0, 0)).toBe(false);
    expect(mayRetry(1, RETRY.budgetMs - 500, 1000)).toBe(false);
    expect(RETRY.budgetMs).toBeLessThan(10000);
  });
});

describe('what queued offline work keeps', () => {
  it('keeps work that failed for a passing reason', () => {
    for (const status of [0, 401, 408, 429, 500, 502, 503, 504]) expect(keepQueued(status)).toBe(true);
  });

  it('drops work the server refused for good', () => {
    for (const status of [400, 403, 404, 409, 422]) expect(keepQueued(status)).toBe(false);
  });
});

describe('the request storm guard', () => {
  it('lets the same URL go three times a second and refuses the fourth', () => {
    let now = 0;
    const guard = new StormGuard(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => guard.allow('/utility'))).toEqual([true, true, true, false]);
    now = 999;
    expect(guard.allow('/utility')).toBe(false);
    now = 1000;
    expect(guard.allow('/utility')).toBe(true);
  });

  it('counts each URL on its own', () => {
    const guard = new StormGuard(1, 1000, () => 0);
    expect(guard.allow('/utility/accounts/1')).toBe(true);
    expect(guard.allow('/utility/accounts/2')).toBe(true);
    expect(guard.allow('/utility/accounts/1')).toBe(false);
  });

  it('refuses a loop for as long as it runs, and lets it go once it stops', () => {
    let now = 0;
    const guard = new StormGuard(3, 1000, () => now);
    let allowed = 0;
    for (; now < 5000; now += 10) if (guard.allow('/utility')) allowed += 1;
    expect(allowed).toBeLessThanOrEqual(3 * 5);
    now += 1000;
    expect(guard.allow('/utility')).toBe(true);
  });
});
