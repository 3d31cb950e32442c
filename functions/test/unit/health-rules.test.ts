import { cityDate } from '@citycare/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyDeclaration, assess, inRiskArea, previousDate } from '../../src/health/declare/rules';
import { applyOfficial } from '../../src/health/review/rules';
import { earliestClearance, initialStatus, outlook, type HealthState, type RuleSet } from '../../src/health/status';

const rules: RuleSet = {
  feverCelsius: 37.3,
  yellowNormalDays: 7,
  redMinDays: 14,
  riskAreas: [{ region: '湖北省', note: '含武汉市', since: '2020-01-23' }],
};
const normal = { temperature: 36.5, symptoms: [], travel: [], contact: 'none' } as const;
const at = (date: string, time = '09:00:00') => new Date(`${date}T${time}+08:00`).toISOString();

/** Declares on `date` (local) and returns the new state. */
function declare(state: HealthState, date: string, d: Parameters<typeof assess>[0] = normal, time?: string) {
  return applyDeclaration(state, assess(d, rules), date, at(date, time), rules);
}

/** Dates `start`, start+1, ... (n of them). */
function days(start: string, n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  for (let i = 0; i < n; i++, d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

const green = () => initialStatus(at('2020-02-22'));

describe('assessing a declaration', () => {
  it('finds nothing in a normal declaration', () => {
    expect(assess(normal, rules)).toEqual({ finding: 'normal', reasons: [] });
  });
  it('finds a fever at the threshold, not below it', () => {
    expect(assess({ ...normal, temperature: 37.3 }, rules).finding).toBe('yellow');
    expect(assess({ ...normal, temperature: 37.2 }, rules).finding).toBe('normal');
  });
  it('finds any listed symptom', () => {
    const a = assess({ ...normal, symptoms: ['cough', 'fatigue'] }, rules);
    expect(a.finding).toBe('yellow');
    expect(a.reasons.join()).toMatch(/干咳、乏力/);
  });
  it('finds travel through a risk area, by province or city', () => {
    expect(assess({ ...normal, travel: ['湖北省武汉市'] }, rules).finding).toBe('yellow');
    expect(assess({ ...normal, travel: ['湖北省'] }, rules).finding).toBe('yellow');
    expect(assess({ ...normal, travel: ['辽宁省沈阳市'] }, rules).finding).toBe('normal');
    expect(inRiskArea('湖北 省 武汉', rules.riskAreas)?.region).toBe('湖北省');
  });
  it('finds contact with a suspected case yellow and with a confirmed case red', () => {
    expect(assess({ ...normal, contact: 'suspected' }, rules).finding).toBe('yellow');
    const red = assess({ ...normal, contact: 'confirmed', temperature: 38 }, rules);
    expect(red.finding).toBe('red');
    expect(red.reasons).toHaveLength(2);
  });
  it('reads the rules in config/health-rules.yml', () => {
    const file = parse(readFileSync(join(__dirname, '../../../config/health-rules.yml'), 'utf8')) as {
      health: { feverCelsius: number; yellowNormalDays: number; redMinDays: number; riskAreas: unknown[] };
    };
    expect(file.health).toMatchObject({ feverCelsius: 37.3, yellowNormalDays: 7, redMinDays: 14 });
    expect(file.health.riskAreas).toEqual(expect.arrayContaining([expect.objectContaining({ region: '湖北省' })]));
  });
});

describe('green', () => {
  it('stays green on normal declarations', () => {
    const { state, change } = declare(green(), '2020-02-22');
    expect(state.colour).toBe('green');
    expect(change).toBeUndefined();
  });
  it('turns yellow on a fever, with the reason audited', () => {
    const { state, change } = declare(green(), '2020-02-22', { ...normal, temperature: 38.1 });
    expect(state).toMatchObject({ colour: 'yellow', normalStreak: 0 });
    expect(change).toMatchObject({ from: 'green', to: 'yellow', reason: expect.stringMatching(/38\.1/) });
  });
  it('turns red on contact with a confirmed case', () => {
    const { state } = declare(green(), '2020-02-22', { ...normal, contact: 'confirmed' });
    expect(state).toMatchObject({ colour: 'red', redSince: at('2020-02-22') });
  });
});

describe('yellow', () => {
  const yellow = () => declare(green(), '2020-02-22', { ...normal, symptoms: ['cough'] }).state;

  it('turns green after 7 consecutive normal daily declarations, not after 6', () => {
    let state = yellow();
    const dates = days('2020-02-23', 7);
    for (const [i, date] of dates.entries()) {
      const result = declare(state, date);
      state = result.state;
      if (i < 6) expect(state).toMatchObject({ colour: 'yellow', normalStreak: i + 1 });
      else expect(result.change).toMatchObject({ from: 'yellow', to: 'green' });
    }
    expect(state.colour).toBe('green');
  });
  it('restarts the count after a missed day', () => {
    let state = yellow();
    for (const date of days('2020-02-23', 5)) state = declare(state, date).state;
    expect(state.normalStreak).toBe(5);
    state = declare(state, '2020-02-29').state; // 2020-02-28 missed
    expect(state).toMatchObject({ colour: 'yellow', normalStreak: 1 });
  });
  it('restarts the count on an abnormal declaration', () => {
    let state = yellow();
    for (const date of days('2020-02-23', 5)) state = declare(state, date).state;
    state = declare(state, '2020-02-28', { ...normal, temperature: 37.5 }).state;
    expect(state).toMatchObject({ colour: 'yellow', normalStreak: 0 });
  });
  it('counts a day once however many times it is declared; the latest counts', () => {
    let state = yellow();
    state = declare(state, '2020-02-23').state;
    state = declare(state, '2020-02-23', normal, '12:00:00').state;
    state = declare(state, '2020-02-23', normal, '18:00:00').state;
    expect(state.normalStreak).toBe(1);
    // A later, abnormal declaration the same day replaces the normal one ...
    state = declare(state, '2020-02-23', { ...normal, temperature: 38 }, '20:00:00').state;
    expect(state.normalStreak).toBe(0);
    // ... and a corrected one after it replaces that.
    state = declare(state, '2020-02-23', normal, '21:00:00').state;
    expect(state).toMatchObject({ colour: 'yellow', normalStreak: 1 });
  });
  it('a same-day correction can undo a yellow that the first declaration caused', () => {
    const first = declare(green(), '2020-02-22', { ...normal, temperature: 37.8 });
    expect(first.state.colour).toBe('yellow');
    const fixed = declare(first.state, '2020-02-22', normal, '10:00:00');
    expect(fixed.state.colour).toBe('green');
    expect(fixed.change).toMatchObject({ from: 'yellow', to: 'green' });
  });
  it('turns red on contact with a confirmed case', () => {
    expect(declare(yellow(), '2020-02-23', { ...normal, contact: 'confirmed' }).state.colour).toBe('red');
  });
  it('an official can clear yellow at once', () => {
    const result = applyOfficial(yellow(), 'green', '体温复测正常', at('2020-02-22', '15:00:00'), rules);
    expect(result).toMatchObject({ ok: true, state: { colour: 'green' }, change: { from: 'yellow', to: 'green' } });
  });
});

describe('red', () => {
  const red = () => declare(green(), '2020-02-22', { ...normal, contact: 'confirmed' }).state;

  it('stays red on normal declarations, however many', () => {
    let state = red();
    for (const date of days('2020-02-23', 20)) state = declare(state, date).state;
    expect(state.colour).toBe('red');
  });
  it('stays red on a yellow-level declaration', () => {
    expect(declare(red(), '2020-02-23', { ...normal, temperature: 38 }).state.colour).toBe('red');
  });
  it('an official cannot clear it before 14 days', () => {
    const result = applyOfficial(red(), 'green', '复核', at('2020-03-07', '08:59:59'), rules);
    expect(result).toEqual({ ok: false, refusal: { kind: 'red-too-early', earliest: at('2020-03-07') } });
  });
  it('an official clears it after 14 days', () => {
    const result = applyOfficial(red(), 'green', '隔离期满，核酸阴性', at('2020-03-07'), rules);
    expect(result).toMatchObject({ ok: true, state: { colour: 'green', reason: '卫健复核：隔离期满，核酸阴性' } });
  });
  it('a new close contact restarts the 14 days', () => {
    const later = declare(red(), '2020-03-01', { ...normal, contact: 'confirmed' }).state;
    expect(earliestClearance(later, rules)).toBe(new Date(Date.parse(at('2020-03-01')) + 14 * 864e5).toISOString());
  });
});

describe('officials', () => {
  it('set a green code yellow or red with their reason', () => {
    const y = applyOfficial(green(), 'yellow', '同车密接', at('2020-02-22'), rules);
    expect(y).toMatchObject({ ok: true, state: { colour: 'yellow', reason: '卫健复核：同车密接' } });
    const r = applyOfficial(green(), 'red', '确诊', at('2020-02-22'), rules);
    expect(r).toMatchObject({ ok: true, state: { colour: 'red', redSince: at('2020-02-22') } });
  });
  it('refuse a change to the same colour', () => {
    expect(applyOfficial(green(), 'green', '无', at('2020-02-22'), rules)).toEqual({
      ok: false,
      refusal: { kind: 'unchanged' },
    });
  });
  it("a declaration later the same day does not undo an official's change", () => {
    let state = declare(green(), '2020-02-22').state;
    const official = applyOfficial(state, 'yellow', '复核', at('2020-02-22', '10:00:00'), rules);
    if (!official.ok) throw new Error('refused');
    state = declare(official.state, '2020-02-22', normal, '11:00:00').state;
    expect(state).toMatchObject({ colour: 'yellow', normalStreak: 0 });
    state = declare(state, '2020-02-23').state;
    expect(state.normalStreak).toBe(1);
  });
});

describe('dates and the outlook', () => {
  it('uses the Asia/Shanghai date', () => {
    expect(cityDate('2020-02-21T16:30:00.000Z')).toBe('2020-02-22');
    expect(cityDate('2020-02-21T15:59:59.000Z')).toBe('2020-02-21');
    expect(previousDate('2020-03-01')).toBe('2020-02-29');
  });
  it('tells a yellow resident how many normal days are left', () => {
    const state = declare(green(), '2020-02-22', { ...normal, symptoms: ['cough'] }).state;
    expect(outlook(state, rules, '2020-02-22')).toMatch(/再连续 7 天.*今天已申报/);
    const next = declare(state, '2020-02-23').state;
    expect(outlook(next, rules, '2020-02-24')).toMatch(/再连续 6 天.*今天还没有申报/);
  });
  it('tells a red resident the earliest date of clearance', () => {
    const state = declare(green(), '2020-02-22', { ...normal, contact: 'confirmed' }).state;
    expect(outlook(state, rules, '2020-02-22')).toMatch(/满 14 天（2020-03-07 起）/);
  });
  it('tells a green resident to keep declaring', () => {
    expect(outlook(green(), rules, '2020-02-22')).toMatch(/绿码/);
  });
});
