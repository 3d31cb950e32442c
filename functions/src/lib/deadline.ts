import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import { currentRequest } from './context';
import { isRetryable } from './faults';

/**
 * Deadlines for the AWS SDK clients (DynamoDB, SSM), so that no outside call can hold a
 * function until its 10 s timeout:
 * - each attempt: a connection timeout and a request timeout in the HTTP handler;
 * - bounded attempts, retried only for passing faults (lib/faults.ts), after a backoff with
 *   full jitter;
 * - one budget for the whole call, attempts and backoff included (never past the request's own
 *   deadline): when it passes, the call fails with a `TimeoutError` at once, and the SDK's
 *   retry loop, which watches the same abort signal, sends nothing more.
 * The HTTP wrapper answers such a failure with 503 TRY_AGAIN (429 for throttling) and Retry-After.
 */
export interface Deadlines {
  connectMs: number;
  attemptMs: number;
  maxAttempts: number;
  budgetMs: number;
  /** Backoff before retry n (1, 2, …) is uniformly random in [0, backoffMs · 2^(n-1)). */
  backoffMs: number;
}

/** The deployed deadlines of DynamoDB calls. */
export const DYNAMODB_DEADLINES: Deadlines = {
  connectMs: 500,
  attemptMs: 1000,
  maxAttempts: 3,
  budgetMs: 3000,
  backoffMs: 50,
};

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * DynamoDB's deadlines for this stage: the deployed ones, unless the stage's config sets
 * DYNAMODB_ATTEMPT_TIMEOUT_MS / DYNAMODB_CALL_BUDGET_MS (stage `local`: DynamoDB Local, one Java
 * process, answers a burst of transactions one after another, seconds apart).
 */
export function dynamoDeadlines(): Deadlines {
  const attemptMs = positive('DYNAMODB_ATTEMPT_TIMEOUT_MS', DYNAMODB_DEADLINES.attemptMs);
  return {
    ...DYNAMODB_DEADLINES,
    // A busy DynamoDB Local is slow to accept connections too: a stage's attempt timeout bounds both.
    connectMs: process.env.DYNAMODB_ATTEMPT_TIMEOUT_MS ? attemptMs : DYNAMODB_DEADLINES.connectMs,
    attemptMs,
    budgetMs: positive('DYNAMODB_CALL_BUDGET_MS', DYNAMODB_DEADLINES.budgetMs),
  };
}

export const SSM_DEADLINES: Deadlines = {
  connectMs: 500,
  attemptMs: 1000,
  maxAttempts: 2,
  budgetMs: 2000,
  backoffMs: 100,
};

/** Time kept back from the request's own deadline, for answering. */
const ANSWER_MARGIN_MS = 300;

interface Token {
  getRetryCount(): number;
  getRetryDelay(): number;
}

const token = (count: number, delay: number): Token => ({ getRetryCount: () => count, getRetryDelay: () => delay });

/** The SDK's retry strategy (its RetryStrategyV2 interface), with our classification and backoff. */
function retryStrategy(d: Deadlines) {
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous: Token, info: { error?: unknown }) => {
      const count = previous.getRetryCount() + 1;
      if (count >= d.maxAttempts || !isRetryable(info.error)) throw info.error ?? new Error('no retry');
      return token(count, Math.floor(Math.random() * d.backoffMs * 2 ** (count - 1)));
    },
    recordSuccess: () => undefined,
  };
}

/** Client configuration: per-attempt timeouts in the HTTP handler, attempts and backoff. */
export function clientDeadlines(d: Deadlines) {
  return {
    requestHandler: { connectionTimeout: d.connectMs, requestTimeout: d.attemptMs, throwOnRequestTimeout: true },
    maxAttempts: d.maxAttempts,
    retryStrategy: retryStrategy(d),
  };
}

export class DeadlineError extends Error {
  constructor(budgetMs: number) {
    super(`no answer within the deadline of ${budgetMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The budget of one call: the client's, cut to what is left of the request being served. */
function budgetFor(d: Deadlines): number {
  const requestDeadline = currentRequest()?.deadlineAt;
  if (requestDeadline === undefined) return d.budgetMs;
  return Math.max(0, Math.min(d.budgetMs, requestDeadline - ANSWER_MARGIN_MS - Date.now()));
}

/** Adds the whole-call budget to a client's middleware stack (first in, last out). */
export function addCallBudget<I extends object, O extends object>(stack: MiddlewareStack<I, O>, d: Deadlines): void {
  const middleware: InitializeMiddleware<I, O> = (next, context) => async (args) => {
    const budget = budgetFor(d);
    if (budget <= 0) throw new DeadlineError(budget);
    const controller = new AbortController();
    // The SDK's retry loop reads the abort signal from here: no retry starts after the budget.
    const ctx = context as { __smithy_context?: { abortSignal?: AbortSignal } };
    const smithy = (ctx.__smithy_context ??= {});
    smithy.abortSignal ??= controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new DeadlineError(budget));
      }, budget);
    });
    const call = next(args);
    // A call that ends after the deadline (even one that committed) is dropped here; the
    // Idempotency-Key makes the client's retry safe.
    call.catch(() => undefined);
    try {
      return await Promise.race([call, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
  stack.add(middleware, { step: 'initialize', priority: 'high', name: 'callBudget' });
}
