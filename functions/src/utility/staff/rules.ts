import { isProtected } from '../rules';

/** Company staff's rules (disconnection, 欠费不关阀). Pure. */

export type DisconnectRefusal = 'not-found' | 'protected' | 'already-off';

/**
 * Why a disconnection was refused, from the account as it was when the write's condition failed
 * (undefined: no such account): another company's (or none), protected at `now`, or already off.
 */
export function disconnectRefusal(
  old: Record<string, unknown> | undefined,
  company: string,
  now: Date,
): DisconnectRefusal {
  if (!old || old.company !== company) return 'not-found';
  const until = typeof old.protectedUntil === 'string' ? old.protectedUntil : undefined;
  return isProtected(until, now) ? 'protected' : 'already-off';
}
