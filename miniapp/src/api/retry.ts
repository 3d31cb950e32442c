/**
 * The request adapter's pure rules (no Taro, unit-tested): which failures are retried and after
 * how long, which failures a queue of offline work keeps, and the guard against a request storm.
 */

/** At most this many attempts of one call, all within `budgetMs` (the first one included). */
export const RETRY = { attempts: 3, baseMs: 400, maxDelayMs: 4000, budgetMs: 9000 } as const;

/** Statuses that mean "the server is busy, the same request can succeed later". */
const BUSY = new Set([429, 503]);

/**
 * A request may be sent again when it cannot apply twice: a GET, or a write that carries an
 * Idempotency-Key. Retried on 503 and 429; a GET also when no answer came (status 0).
 */
export function isRetryable(method: string, status: number, hasIdempotencyKey: boolean): boolean {
  const idempotent = method === 'GET' || hasIdempotencyKey;
  if (!idempotent) return false;
  if (BUSY.has(status)) return true;
  return status === 0 && method === 'GET';
}

/** `Retry-After` in whole seconds (the API sends seconds); undefined when absent or not a number. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header) * 1000;
}

/**
 * Milliseconds to wait before retry number `retry` (1 for the first retry). The server's
 * `Retry-After` is a floor, with up to 20% more so that clients told the same second do not all
 * come back at once; without it, exponential backoff from `baseMs` with full jitter in its upper
 * half. Never more than `maxDelayMs`, unless the server asked for longer.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfter !== undefined) return Math.round(retryAfter * (1 + 0.2 * random()));
  const ceiling = Math.min(RETRY.maxDelayMs, RETRY.baseMs * 2 ** (retry - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/**
 * Whether another attempt fits: attempts left, and waiting `delayMs` still leaves the whole call
 * inside the budget (`elapsedMs` since the first attempt was sent).
 */
export function mayRetry(attemptsMade: number, elapsedMs: number, delayMs: number): boolean {
  return attemptsMade < RETRY.attempts && elapsedMs + delayMs <= RETRY.budgetMs;
}

/**
 * Whether queued offline work (scans, delivery confirmations) stays queued after this failure:
 * no answer, signed out, busy (408, 429) or a server fault (5xx) can all pass; any other 4xx is a
 * refusal that retrying cannot change.
 */
export function keepQueued(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/**
 * Last line of defence against a render loop: the same GET (same URL) at most `limit` times in
 * any `windowMs`. Retries of one call are not counted (they are spaced by the backoff).
 */
export class StormGuard {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a send of `url` and says whether it may go. A refused send is not recorded. */
  allow(url: string): boolean {
    const at = this.now();
    const recent = (this.sent.get(url) ?? []).filter((t) => at - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.sent.set(url, recent);
      return false;
    }
    recent.push(at);
    this.sent.set(url, recent);
    if (this.sent.size > 200) this.forgetOld(at);
    return true;
  }

  private forgetOld(at: number): void {
    for (const [url, times] of this.sent) {
      if (times.every((t) => at - t >= this.windowMs)) this.sent.delete(url);
    }
  }
}
