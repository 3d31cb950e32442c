import type { HealthColour } from '@citycare/contract';
import { earliestClearance, type HealthState, type RuleSet, type Transition } from '../status';

/** An official's review of a status (POST /health/residents/{residentId}/status). Pure. */

export type OfficialRefusal = { kind: 'unchanged' } | { kind: 'red-too-early'; earliest: string };

/** An official sets (yellow, red) or clears (green) a status, with a reason. */
export function applyOfficial(
  state: HealthState,
  colour: HealthColour,
  reason: string,
  now: string,
  rules: RuleSet,
): { ok: true; state: HealthState; change: Transition } | { ok: false; refusal: OfficialRefusal } {
  if (state.colour === colour) return { ok: false, refusal: { kind: 'unchanged' } };
  const earliest = earliestClearance(state, rules);
  if (earliest && Date.parse(now) < Date.parse(earliest))
    return { ok: false, refusal: { kind: 'red-too-early', earliest } };
  const { dayBase: _base, redSince: _red, ...rest } = state;
  const next: HealthState = { ...rest, colour, reason: `卫健复核：${reason}`, since: now, normalStreak: 0 };
  if (colour === 'red') next.redSince = now;
  return { ok: true, state: next, change: { from: state.colour, to: colour, reason: next.reason } };
}

/** Why an official's change is refused, in words. */
export function refusalText(refusal: OfficialRefusal, redMinDays: number): string {
  if (refusal.kind === 'unchanged') return '状态没有变化：该居民已经是这个颜色';
  return `红码须满 ${redMinDays} 天才能解除，最早 ${refusal.earliest.slice(0, 10)} 之后`;
}
