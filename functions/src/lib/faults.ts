import { AppError } from './errors';

/**
 * The one place that knows which failures of an outside service (DynamoDB, SSM) are passing
 * faults — a slow or reset connection, a throttle, a conflicting transaction, the service's own
 * 5xx — and what the caller is told: 429 RATE_LIMITED for throttling, 503 TRY_AGAIN for the rest,
 * both with Retry-After. The SDK clients retry these within their deadline (lib/deadline.ts);
 * what is still failing after that reaches the HTTP wrapper, which answers with `faultError`.
 */

/**
 * `throttled` and `busy` (a conflicting transaction) were refused before anything changed;
 * `unavailable` (a timeout, a reset connection, the service's own 5xx) may or may not have
 * happened: a write is then safe to send again only with its Idempotency-Key or its conditions.
 */
export type Fault = 'throttled' | 'busy' | 'unavailable';

const THROTTLED = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'TooManyRequestsException',
]);

const UNAVAILABLE = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

const BUSY = new Set(['TransactionConflictException', 'TransactionInProgressException']);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Cancellation reasons of a transaction that say "busy", not "refused". */
const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

interface SdkLike {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
}

/** What kind of passing fault `err` is, or undefined for anything else (a refusal, a bug). */
export function classify(err: unknown): Fault | undefined {
  if (!err || typeof err !== 'object' || err instanceof AppError) return undefined;
  const e = err as SdkLike;
  const name = e.name ?? '';
  if (THROTTLED.has(name) || e.$metadata?.httpStatusCode === 429) return 'throttled';
  if (BUSY.has(name)) return 'busy';
  if (UNAVAILABLE.has(name) || NETWORK_CODES.has(e.code ?? '')) return 'unavailable';
  if (name === 'TransactionCanceledException') {
    const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    if (codes.some((c) => c === 'ThrottlingError' || c === 'ProvisionedThroughputExceeded')) return 'throttled';
    if (codes.some((c) => RETRYABLE_REASONS.has(c)) && codes.every((c) => c === 'None' || RETRYABLE_REASONS.has(c))) {
      return 'busy';
    }
    return undefined;
  }
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (status >= 500) return 'unavailable';
  return undefined;
}

/** True when sending the same request again may succeed. */
export const isRetryable = (err: unknown): boolean => classify(err) !== undefined;

/** True when the service refused the request for load or a conflict before changing anything. */
export function nothingWasDone(err: unknown): boolean {
  const fault = classify(err);
  return fault === 'throttled' || fault === 'busy';
}

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS: Record<Fault, number> = { throttled: 2, busy: 1, unavailable: 1 };

const MESSAGES: Record<Fault, string> = {
  throttled: '现在使用的人很多，请稍后再试',
  busy: '刚才有人同时在办理，请稍后再试',
  // Honest for a write that may have gone through: the same request with its key is safe to repeat.
  unavailable: '服务暂时繁忙，请稍后再试',
};

/** The answer for a passing fault (429 or 503 with Retry-After), or undefined when `err` is not one. */
export function faultError(err: unknown, message?: string): AppError | undefined {
  const fault = classify(err);
  if (!fault) return undefined;
  return new AppError(fault === 'throttled' ? 'RATE_LIMITED' : 'TRY_AGAIN', message ?? MESSAGES[fault], undefined, {
    retryAfterSeconds: RETRY_AFTER_SECONDS[fault],
  });
}
