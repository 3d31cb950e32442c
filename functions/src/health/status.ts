import type { HealthColour, RiskArea } from '@citycare/contract';
import { cityDate, DAY_MS } from '@citycare/contract';

/**
 * The health-code status, shared by every use case that reads or changes it. Pure: no I/O, no
 * clock (every time is passed in). How a status changes:
 *
 *   green  -> yellow  a declaration with fever (>= feverCelsius), a symptom, travel through a risk
 *                     area, or contact with a suspected case
 *   any    -> red     a declaration of contact with a confirmed case (close contact), or an official
 *   yellow -> green   `yellowNormalDays` consecutive normal daily declarations, or an official
 *   red    -> green   only an official's clearance, and only `redMinDays` days after turning red
 * One declaration a day counts: a second one the same day replaces the first (it is applied to
 * the state as it was before that day's first declaration).
 * A declaration's rules are in declare/rules.ts, an official's in review/rules.ts.
 */

export interface RuleSet {
  feverCelsius: number;
  yellowNormalDays: number;
  redMinDays: number;
  riskAreas: RiskArea[];
}

export interface Status {
  colour: HealthColour;
  /** Why it has this colour, in words for the resident. */
  reason: string;
  /** When it took this colour. */
  since: string;
  /** Consecutive normal daily declarations while yellow. */
  normalStreak: number;
  /** Local date (Asia/Shanghai) of the latest declaration. */
  lastDeclarationDate?: string;
  redSince?: string;
}

/** The status plus what it was before today's first declaration (so a re-declaration replaces it). */
export interface HealthState extends Status {
  dayBase?: Status;
}

export type Finding = 'normal' | 'yellow' | 'red';

export interface Assessment {
  finding: Finding;
  reasons: string[];
}

export interface Transition {
  from: HealthColour;
  to: HealthColour;
  reason: string;
}

export function initialStatus(now: string): HealthState {
  return { colour: 'green', reason: '已登记，暂无异常', since: now, normalStreak: 0 };
}

/** The earliest instant a red code may be cleared. */
export function earliestClearance(state: Status, rules: RuleSet): string | undefined {
  if (state.colour !== 'red') return undefined;
  return new Date(Date.parse(state.redSince ?? state.since) + rules.redMinDays * DAY_MS).toISOString();
}

/** When and how the code can turn green, in plain words. `today` is the local date. */
export function outlook(state: Status, rules: RuleSet, today: string): string {
  if (state.colour === 'green') return '绿码，可以正常通行。请每天如实申报健康状况。';
  if (state.colour === 'yellow') {
    const left = Math.max(rules.yellowNormalDays - state.normalStreak, 1);
    const declared = state.lastDeclarationDate === today ? '今天已申报。' : '今天还没有申报。';
    return `再连续 ${left} 天申报正常即可转为绿码（已连续 ${state.normalStreak} 天）。${declared}中断一天需重新计算。`;
  }
  const earliest = earliestClearance(state, rules) ?? state.since;
  return `红码：请居家隔离并配合社区工作。满 ${rules.redMinDays} 天（${cityDate(earliest)} 起）并经卫健工作人员复核解除后，转为绿码。`;
}

export const FINDING_TEXT: Record<Finding, string> = {
  normal: '申报正常',
  yellow: '申报异常（黄码）',
  red: '密切接触（红码）',
};
