import type { Exposure, RiskArea, Symptom } from '@citycare/contract';
import { addCityDays, cityDate, SYMPTOM_LABELS } from '@citycare/contract';
import type { DeclarationItem } from '../items';
import { FINDING_TEXT, type Assessment, type HealthState, type RuleSet, type Status, type Transition } from '../status';

/**
 * A declaration's rules (POST /health/declarations). Pure: what a declaration says (its finding
 * and reasons), and how it changes the status; the risk areas and the time are passed in.
 */

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
  return addCityDays(date, -1);
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

/** Today's declaration by the rules: the row to store, the new state, its colour change and the finding in words. */
export function declaration(input: DeclarationInput, state: HealthState, rules: RuleSet, now: string) {
  const assessment = assess(input, rules);
  const date = cityDate(now);
  const next = applyDeclaration(state, assessment, date, now, rules);
  const item: DeclarationItem = {
    date,
    at: now,
    temperature: input.temperature,
    symptoms: [...input.symptoms],
    travel: [...input.travel],
    contact: input.contact,
    finding: assessment.finding,
  };
  return { item, ...next, findingText: assessment.reasons.join('；') || FINDING_TEXT.normal };
}
