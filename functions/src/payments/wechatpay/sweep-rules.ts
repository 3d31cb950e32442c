/**
 * When the schedule looks at a WeChat Pay payment again, with no I/O. WeChat Pay's own advice:
 * query an order whose notification has not come; close an unpaid order at its time_expire;
 * query a refund a minute after asking for it, then less and less often (1, 5, 10, 20, 30 min).
 */
const MINUTE = 60_000;
const at = (now: Date, minutes: number) => new Date(now.getTime() + minutes * MINUTE);

/** A pending payment is first looked at this long after it was made (its notification is late), or at expiry if sooner. */
export const LATE_NOTIFICATION_MINUTES = 5;
/** The payer was still in the cashier (USERPAYING) at expiry: look again after this. */
export const PAYING_AGAIN_MINUTES = 1;
/** After a look that changed nothing because WeChat Pay could not be reached. */
export const UNREACHABLE_AGAIN_MINUTES = 2;
/** A refund is first looked at this long after it was marked refunding (the request is made at once). */
export const REFUND_FIRST_LOOK_MINUTES = 2;
/** Pauses before asking again for a refund whose request failed (retryable): then it is a problem for ops. */
export const REFUND_RETRY_MINUTES = [1, 2, 4, 8, 15, 30, 60] as const;
/** Pauses between refund queries while WeChat Pay says PROCESSING; the last one repeats. */
export const REFUND_QUERY_MINUTES = [1, 5, 10, 20, 30, 60] as const;

export function firstLook(createdAt: Date, expiresAt: Date): Date {
  const late = at(createdAt, LATE_NOTIFICATION_MINUTES);
  return late < expiresAt ? late : expiresAt;
}

/** What the schedule does with a due pending payment: close it once it has expired, else ask WeChat Pay. */
export function pendingAction(expiresAt: Date, now: Date): 'close' | 'reconcile' {
  return now >= expiresAt ? 'close' : 'reconcile';
}

/** Next look at a payment WeChat Pay says is not paid yet: at its expiry (then it is closed). */
export function afterNotPaid(expiresAt: Date, now: Date): Date {
  return expiresAt > now ? expiresAt : at(now, PAYING_AGAIN_MINUTES);
}

export const afterPaying = (now: Date) => at(now, PAYING_AGAIN_MINUTES);
export const afterUnreachable = (now: Date) => at(now, UNREACHABLE_AGAIN_MINUTES);
export const refundFirstLook = (now: Date) => at(now, REFUND_FIRST_LOOK_MINUTES);

/**
 * After the `failures`-th failed refund request (1-based, retryable): when to ask again, or
 * undefined when it has been tried long enough and a person must look.
 */
export function refundRetryAt(failures: number, now: Date): Date | undefined {
  const pause = REFUND_RETRY_MINUTES[failures - 1];
  return pause === undefined ? undefined : at(now, pause);
}

/** After the `checks`-th refund query that found it still PROCESSING (1-based). */
export function refundQueryAt(checks: number, now: Date): Date {
  const last = REFUND_QUERY_MINUTES[REFUND_QUERY_MINUTES.length - 1] as number;
  return at(now, REFUND_QUERY_MINUTES[Math.max(0, checks - 1)] ?? last);
}

/** A refund in flight: ask for it (no refund id yet: the request failed or never went) or query it. */
export function refundAction(refundId: string | undefined): 'request' | 'query' {
  return refundId ? 'query' : 'request';
}
