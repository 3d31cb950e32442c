import { cityMonthDayText } from '@citycare/contract';
import { disconnectHold, type DisconnectHold, type ReliefConfig } from '../rules';

/** Company staff's rules (disconnection, 欠费不关阀). Pure. */

export type DisconnectRefusal = 'not-found' | 'window' | 'protected' | 'already-off';

/**
 * Why a disconnection was refused, from the account as it was when the write's condition failed
 * (undefined: no such account): another company's (or none), inside the relief window (every
 * household), protected by approved relief at `now`, or already off.
 */
export function disconnectRefusal(
  old: Record<string, unknown> | undefined,
  company: string,
  now: Date,
  cfg: ReliefConfig,
): DisconnectRefusal {
  if (!old || old.company !== company) return 'not-found';
  const until = typeof old.protectedUntil === 'string' ? old.protectedUntil : undefined;
  const hold = disconnectHold(cfg, until, now);
  if (hold?.why === 'window') return 'window';
  return hold ? 'protected' : 'already-off';
}

/** The last day (city calendar) before an exclusive end instant: `6月30日`. */
const lastDayText = (until: string) => cityMonthDayText(Date.parse(until) - 1);

/** What staff read when a disconnection is held: the window (everyone), or approved relief until a day. */
export function holdText(hold: DisconnectHold): string {
  return hold.why === 'window'
    ? `关阀已暂停：救济期内（至 ${lastDayText(hold.until)}）不得因欠费关阀`
    : `关阀已暂停：该户已获救济，保护至 ${lastDayText(hold.until)}`;
}
