import type { Exposure, HealthColour, RiskArea, Symptom } from '@citycare/contract';
import { cityDate, SYMPTOM_LABELS } from '@citycare/contract';

/**
 * The health-code status rules. Pure: no I/O, no clock (every time is passed in).
 *
 *   green  -> yellow  a declaration with fever (>= feverCelsius), a symptom, travel through a risk
 *                     area, or contact with a suspected case
 *   any    -> red     a declaration of contact with a confirmed case (close contact), or an official
 *   yellow -> green   `yellowNormalDays` consecutive normal daily declarations, or an official
 *   red    -> green   only an official's clearance, and only `redMinDays` days after turning red
 * One declaration a day counts: a second one the same day replaces the first (it is applied to
 * the state as it was before that day's first declaration).
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

const DAY_MS = 24 * 3600 * 1000;

export function initialStatus(now: string): HealthState {
  return { colour: 'green', reason: '已登记，暂无异常', since: now, normalStreak: 0 };
}

/** Whether a travelled place lies in a risk area: `湖北省武汉市` lies in `湖北省` and in `武汉`. */
export function inRiskArea(place: string, areas: RiskArea[]): RiskArea | undefined {
  const p = place.replace(/\s+/g, '');
  return areas.find((a) => p.startsWith(a.region)) ?? areas.find((a) => p.includes(a.region));
}

export interface DeclarationInput {
  temperature: number;
  symptoms: readonly Symptom[];
  travel: readonly string[];
  contact: Exposure;
}

/** What a declaration says, by the rules: the worst finding and every reason for it. */
export function assess(d: DeclarationInput, rules: RuleSet) {
  const red: string[] = [];
  const yellow: string[] = [];
  if (d.contact === 'confirmed') red.push('14 天内接触过确诊病例（密切接触者）');
  if (d.contact === 'suspected') yellow.push('14 天内接触过疑似病例');
  if (d.temperature >= rules.feverCelsius) {
    yellow.push(`体温 ${d.temperature.toFixed(1)} °C，达到发热标准（≥${rules.feverCelsius} °C）`);
  }
  const symptoms = d.symptoms.filter((s: Symptom) => !(s === 'fever' && d.temperature >= rules.feverCelsius));
  if (symptoms.length) yellow.push(`有症状：${symptoms.map((s) => SYMPTOM_LABELS[s]).join('、')}`);
  const risky = [...new Set(d.travel.map((t) => inRiskArea(t, rules.riskAreas)?.region).filter(Boolean))];
  if (risky.length) yellow.push(`14 天内到过风险地区：${risky.join('、')}`);
  const assessment: Assessment = red.length
    ? { finding: 'red', reasons: [...red, ...yellow] }
    : yellow.length
      ? { finding: 'yellow', reasons: yellow }
      : { finding: 'normal', reasons: [] };
  return assessment;
}

/** `2020-02-22` -> `2020-02-21`. */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function withoutBase(state: HealthState): Status {
  const { dayBase: _base, ...status } = state;
  return status;
}

/**
 * Applies a declaration made on local date `date` at instant `now`. Returns the new state and
 * the colour change it causes (for the audit trail), if any.
 */
export function applyDeclaration(
  state: HealthState,
  a: Assessment,
  date: string,
  now: string,
  rules: RuleSet,
): { state: HealthState; change?: Transition } {
  const sameDay = state.lastDeclarationDate === date;
  // A second declaration on the same day replaces the first: start from the day's base. Without
  // a base (an official changed the status since), start from now, and do not count the day twice.
  const start: Status = sameDay && state.dayBase ? state.dayBase : withoutBase(state);
  const recount = !(sameDay && !state.dayBase);
  const why = a.reasons.join('；');
  let next: Status;
  if (a.finding === 'red') {
    next = { ...start, colour: 'red', reason: why, since: start.colour === 'red' ? start.since : now, redSince: now };
    next.normalStreak = 0;
  } else if (start.colour === 'red') {
    next = { ...start };
  } else if (a.finding === 'yellow') {
    next = { ...start, colour: 'yellow', reason: why, since: start.colour === 'yellow' ? start.since : now };
    next.normalStreak = 0;
  } else if (start.colour === 'green') {
    next = { ...start };
  } else {
    const consecutive = start.lastDeclarationDate === previousDate(date);
    const streak = !recount ? start.normalStreak : consecutive ? start.normalStreak + 1 : 1;
    next =
      streak >= rules.yellowNormalDays
        ? {
            ...start,
            colour: 'green',
            reason: `连续 ${rules.yellowNormalDays} 天健康申报正常，已转为绿码`,
            since: now,
            normalStreak: 0,
          }
        : { ...start, normalStreak: streak };
  }
  next.lastDeclarationDate = date;
  const result: HealthState = { ...next, dayBase: sameDay ? (state.dayBase ?? withoutBase(state)) : start };
  if (!recount) delete result.dayBase;
  const change =
    state.colour !== next.colour ? { from: state.colour, to: next.colour, reason: next.reason } : undefined;
  return { state: result, change };
}

export type OfficialRefusal = { kind: 'unchanged' } | { kind: 'red-too-early'; earliest: string };

/** The earliest instant a red code may be cleared. */
export function earliestClearance(state: Status, rules: RuleSet): string | undefined {
  if (state.colour !== 'red') return undefined;
  return new Date(Date.parse(state.redSince ?? state.since) + rules.redMinDays * DAY_MS).toISOString();
}

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
