import { cityDate, isCityDate, maskName, yuan, yuanToFen } from '@citycare/contract';
import { sameName } from '../../src/utility/accounts/rules';
import { addMonths, installmentSchedule, planRefusal } from '../../src/utility/plans/rules';
import { protectionEnd, ruleDecision } from '../../src/utility/relief/rules';
import { disconnectHold, inWindow, isProtected, lateFee, windowBounds } from '../../src/utility/rules';
import { RELIEF as cfg } from './utility-fixtures';
import { pinnedDayClock } from '../../src/utility/clock';

const at = (iso: string) => new Date(iso);

describe('relief window edges (Asia/Shanghai days, inclusive)', () => {
  it('starts at 00:00 Shanghai on the first day', () => {
    expect(windowBounds(cfg).startsAt.toISOString()).toBe('2020-01-23T16:00:00.000Z');
    expect(inWindow(cfg, at('2020-01-23T15:59:59.999Z'))).toBe(false);
    expect(inWindow(cfg, at('2020-01-23T16:00:00.000Z'))).toBe(true);
  });
  it('ends at 24:00 Shanghai on the last day', () => {
    expect(windowBounds(cfg).endsAt.toISOString()).toBe('2020-06-30T16:00:00.000Z');
    expect(inWindow(cfg, at('2020-06-30T15:59:59.999Z'))).toBe(true);
    expect(inWindow(cfg, at('2020-06-30T16:00:00.000Z'))).toBe(false);
  });
  it('approves covered companies inside the window by rule, everything else goes to staff', () => {
    expect(ruleDecision(cfg, 'ut-water', at('2020-02-10T02:00:00Z'))).toBe('approved');
    expect(ruleDecision(cfg, 'ut-power', at('2020-02-10T02:00:00Z'))).toBe('pending');
    expect(ruleDecision(cfg, 'ut-water', at('2020-01-20T02:00:00Z'))).toBe('pending');
    expect(ruleDecision(cfg, 'ut-water', at('2020-07-01T02:00:00Z'))).toBe('pending');
  });
});

describe('protection and grace period', () => {
  it('protects until the window end plus the grace days', () => {
    expect(protectionEnd(cfg, at('2020-02-10T02:00:00Z')).toISOString()).toBe('2020-07-30T16:00:00.000Z');
    expect(protectionEnd(cfg, at('2020-01-10T02:00:00Z')).toISOString()).toBe('2020-07-30T16:00:00.000Z');
  });
  it('gives relief approved after the window the grace period from the decision', () => {
    expect(protectionEnd(cfg, at('2020-08-01T00:00:00Z')).toISOString()).toBe('2020-08-31T00:00:00.000Z');
  });
  it('treats the last protected instant as protected and the next as not, like the database condition', () => {
    const until = '2020-07-30T16:00:00.000Z';
    expect(isProtected(until, at(until))).toBe(true);
    expect(isProtected(until, at('2020-07-30T16:00:00.001Z'))).toBe(false);
    expect(isProtected(undefined, at(until))).toBe(false);
  });
  it('with no grace days, protection ends with the window', () => {
    expect(protectionEnd({ ...cfg, graceDays: 0 }, at('2020-03-01T00:00:00Z')).toISOString()).toBe(
      '2020-06-30T16:00:00.000Z',
    );
  });
});

describe('欠费不关阀: when no disconnection for arrears is allowed', () => {
  const windowEnd = '2020-06-30T16:00:00.000Z';
  const approvedUntil = '2020-07-30T16:00:00.000Z';
  it('holds every household inside the window, applied or not, until the window ends', () => {
    expect(disconnectHold(cfg, undefined, at('2020-02-10T02:00:00Z'))).toEqual({ why: 'window', until: windowEnd });
    expect(disconnectHold(cfg, approvedUntil, at('2020-02-10T02:00:00Z'))).toEqual({ why: 'window', until: windowEnd });
    expect(disconnectHold(cfg, undefined, at('2020-01-23T16:00:00.000Z'))?.why).toBe('window');
    expect(disconnectHold(cfg, undefined, at('2020-06-30T15:59:59.999Z'))?.why).toBe('window');
  });
  it('after the window, holds only approved households, until window end plus grace', () => {
    expect(disconnectHold(cfg, undefined, at(windowEnd))).toBeUndefined();
    expect(disconnectHold(cfg, approvedUntil, at(windowEnd))).toEqual({ why: 'relief', until: approvedUntil });
    expect(disconnectHold(cfg, approvedUntil, at(approvedUntil))?.why).toBe('relief');
    expect(disconnectHold(cfg, approvedUntil, at('2020-07-30T16:00:00.001Z'))).toBeUndefined();
  });
  it('before the window, holds nobody without relief', () => {
    expect(disconnectHold(cfg, undefined, at('2020-01-23T15:59:59.999Z'))).toBeUndefined();
  });
});

describe('late fees', () => {
  const bill = { amountFen: 10000, dueDate: '2020-02-15', paid: false };
  it('is nothing on or before the due date', () => {
    expect(lateFee(cfg, bill, at('2020-02-15T15:59:00Z'), false)).toEqual({ feeFen: 0, waived: false });
  });
  it('grows per Shanghai day after the due date', () => {
    expect(lateFee(cfg, bill, at('2020-02-15T16:00:00Z'), false).feeFen).toBe(10);
    expect(lateFee(cfg, bill, at('2020-02-25T03:00:00Z'), false).feeFen).toBe(100);
  });
  it('is capped', () => {
    expect(lateFee(cfg, bill, at('2021-12-31T00:00:00Z'), false).feeFen).toBe(3000);
  });
  it('rounds down to whole fen', () => {
    expect(lateFee(cfg, { ...bill, amountFen: 999 }, at('2020-02-16T03:00:00Z'), false).feeFen).toBe(0);
    expect(lateFee(cfg, { ...bill, amountFen: 999 }, at('2020-02-25T03:00:00Z'), false).feeFen).toBe(9);
  });
  it('is waived for bills due inside the window when relief is approved', () => {
    expect(lateFee(cfg, bill, at('2020-09-01T00:00:00Z'), true)).toEqual({ feeFen: 0, waived: true });
    expect(lateFee(cfg, { ...bill, dueDate: '2020-01-24' }, at('2020-09-01T00:00:00Z'), true).waived).toBe(true);
    expect(lateFee(cfg, { ...bill, dueDate: '2020-06-30' }, at('2020-09-01T00:00:00Z'), true).waived).toBe(true);
  });
  it('is not waived for bills due outside the window, nor without approved relief', () => {
    expect(lateFee(cfg, { ...bill, dueDate: '2020-01-23' }, at('2020-02-02T03:00:00Z'), true)).toEqual({
      feeFen: 100,
      waived: false,
    });
    expect(lateFee(cfg, { ...bill, dueDate: '2020-07-01' }, at('2020-07-11T03:00:00Z'), true).feeFen).toBe(100);
    expect(lateFee(cfg, bill, at('2020-02-25T03:00:00Z'), false).waived).toBe(false);
  });
  it('keeps the fee a paid bill was paid with', () => {
    expect(lateFee(cfg, { ...bill, paid: true, lateFeePaidFen: 42 }, at('2021-01-01T00:00:00Z'), false).feeFen).toBe(
      42,
    );
  });
});

describe('installment schedules', () => {
  const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
  it.each([
    [1, 3],
    [100, 3],
    [10001, 3],
    [99999, 6],
    [12345, 12],
    [23, 24],
    [7_654_321, 24],
    [2_147_483_647, 12],
  ])('splits %i fen over %i months exactly, larger installments first, differing by at most 1 fen', (total, months) => {
    const s = installmentSchedule(total, months, '2020-07-05');
    expect(s).toHaveLength(months);
    expect(sum(s)).toBe(total);
    const amounts = s.map((l) => l.amountFen);
    expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    expect(s.map((l) => l.n)).toEqual(Array.from({ length: months }, (_, i) => i + 1));
  });
  it('gives 10000 fen over 3 months as 3334, 3333, 3333', () => {
    expect(installmentSchedule(10000, 3, '2020-07-05').map((l) => l.amountFen)).toEqual([3334, 3333, 3333]);
  });
  it('falls due monthly from the month after, clamped to short months and across years', () => {
    const s = installmentSchedule(2400, 12, '2020-08-31');
    expect(s.map((l) => l.dueDate).slice(0, 7)).toEqual([
      '2020-09-30',
      '2020-10-31',
      '2020-11-30',
      '2020-12-31',
      '2021-01-31',
      '2021-02-28',
      '2021-03-31',
    ]);
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(installmentSchedule(2400, 24, '2020-07-01')[23]?.dueDate).toBe('2022-07-01');
  });
  it('refuses lengths other than 3, 6, 12, 24 and non-positive or fractional totals', () => {
    expect(() => installmentSchedule(100, 5, '2020-07-01')).toThrow();
    expect(() => installmentSchedule(0, 3, '2020-07-01')).toThrow();
    expect(() => installmentSchedule(10.5, 3, '2020-07-01')).toThrow();
  });
});

describe('plan eligibility', () => {
  const after = at('2020-07-01T02:00:00Z');
  const ok = { reliefApproved: true, arrearsFen: 5000 };
  it('allows a plan after the window for approved relief with arrears', () => {
    expect(planRefusal(cfg, after, ok, false)).toBeNull();
  });
  it.each([
    ['window-open', at('2020-06-30T15:59:59Z'), ok, false],
    ['no-relief', after, { ...ok, reliefApproved: false }, false],
    ['no-arrears', after, { ...ok, arrearsFen: 0 }, false],
    ['has-plan', after, ok, true],
    ['too-small', after, { ...ok, arrearsFen: 2 }, false],
  ] as const)('refuses with %s', (reason, now, account, hasPlan) => {
    expect(planRefusal(cfg, now, account, hasPlan)).toBe(reason);
  });
});

describe('names, money and dates', () => {
  it('masks holder names', () => {
    expect(maskName('王秀兰')).toBe('王*兰');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
  });
  it('compares names ignoring spaces', () => {
    expect(sameName(' 王 秀兰', '王秀兰')).toBe(true);
    expect(sameName('王秀英', '王秀兰')).toBe(false);
  });
  it('converts yuan text to fen exactly and back', () => {
    expect(yuanToFen('58.3')).toBe(5830);
    expect(yuanToFen('58.30')).toBe(5830);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1024')).toBe(102400);
    for (const bad of ['-1', '1.234', 'abc', '', '1,000', '1e3']) expect(yuanToFen(bad)).toBeNull();
    expect(yuan(5830)).toBe('58.30');
    expect(yuan(7)).toBe('0.07');
  });
  it('validates calendar dates and converts instants to Shanghai days', () => {
    expect(isCityDate('2020-02-29')).toBe(true);
    expect(isCityDate('2021-02-29')).toBe(false);
    expect(isCityDate('2020-13-01')).toBe(false);
    expect(cityDate(at('2020-02-09T16:00:00Z'))).toBe('2020-02-10');
  });
  it('a pinned-day clock keeps the real time of day on the configured Shanghai day', () => {
    const clock = pinnedDayClock('2020-02-10', () => at('2026-11-28T23:30:00Z'));
    expect(clock().toISOString()).toBe('2020-02-09T23:30:00.000Z');
    expect(cityDate(clock())).toBe('2020-02-10');
  });
});
