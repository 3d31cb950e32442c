import { CompanyRegistration, creditCheckChar, creditCodeProblem } from '@citycare/contract';
import { dailyCounts, decide, newCompany, resubmit } from '../../src/company/rules';

/** 复工复产 pure rules: GB 32100-2015 check character, the review's states, the gate's daily counts. */

describe('unified social credit code (GB 32100-2015)', () => {
  // Real codes as printed on business licences (华为技术, 阿里巴巴（中国）网络技术, 小米科技, 腾讯科技（深圳）).
  const REAL = ['914403001922038216', '91330100716105852F', '91110108551385082Q', '9144030071526726XG'];

  it('accepts real codes, their check characters computed from the first 17', () => {
    for (const code of REAL) {
      expect([code, creditCodeProblem(code)]).toEqual([code, null]);
      expect(creditCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('refuses a wrong check character, a wrong length, letters outside the set and a non-numeric region', () => {
    expect(creditCodeProblem('914403001922038217')).toBe('check');
    expect(creditCodeProblem('91330100716105852G')).toBe('check');
    expect(creditCodeProblem('9144030019220382')).toBe('length');
    expect(creditCodeProblem('9144030019220382160')).toBe('length');
    expect(creditCodeProblem('91440300I922038216')).toBe('charset');
    expect(creditCodeProblem('91330100716105852f')).toBe('charset');
    expect(creditCodeProblem('91A40300192203821X')).toBe('region');
  });

  it('is checked by the registration schema, after upper-casing and trimming', () => {
    const base = {
      name: '鑫达包装',
      address: '建设路 88 号',
      district: 'zhanqian',
      workforce: 10,
      plan: { testing: '测温查码', disinfection: '每日消毒', meals: '错峰就餐' },
    };
    expect(CompanyRegistration.parse({ ...base, creditCode: ' 91330100716105852f ' }).creditCode).toBe(
      '91330100716105852F',
    );
    const bad = CompanyRegistration.safeParse({ ...base, creditCode: '914403001922038217' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('校验位');
  });
});

const NOW = new Date('2020-02-20T02:00:00Z');
const REG = {
  name: '鑫达包装',
  creditCode: '914403001922038216',
  address: '建设路 88 号',
  district: 'zhanqian',
  workforce: 10,
  plan: { testing: '测温查码', disinfection: '每日消毒', meals: '错峰就餐' },
};

describe('review', () => {
  const pending = newCompany('co-1', 'u1', REG, NOW);

  it('a new company waits in its district queue', () => {
    expect(pending).toMatchObject({ state: 'pending', gsi2pk: 'QUEUE#zhanqian', version: 1 });
  });

  it('approval gives the gate and leaves the queue; a second decision is a conflict', () => {
    const step = decide(pending, { decision: 'approve' }, 'off', NOW);
    if (!('next' in step)) throw new Error('refused');
    expect(step.next).toMatchObject({ state: 'approved', gatePlaceId: 'co-1', version: 2, decidedBy: 'off' });
    expect(step.next.gsi2pk).toBeUndefined();
    expect(decide(step.next, { decision: 'return', reason: '再看看' }, 'off', NOW)).toEqual({
      refusal: expect.objectContaining({ code: 'CONFLICT' }),
    });
  });

  it('a returned company keeps the reason until resubmitted, then waits again; only a returned one resubmits', () => {
    const step = decide(pending, { decision: 'return', reason: '方案不具体' }, 'off', NOW);
    if (!('next' in step)) throw new Error('refused');
    expect(step.next).toMatchObject({ state: 'returned', returnReason: '方案不具体' });
    const { creditCode: _c, ...rest } = REG;
    const again = resubmit(step.next, { ...rest, district: 'xishi' }, NOW);
    if (!('next' in again)) throw new Error('refused');
    expect(again.next).toMatchObject({ state: 'pending', gsi2pk: 'QUEUE#xishi', district: 'xishi' });
    expect(again.next.returnReason).toBeUndefined();
    expect(resubmit(pending, rest, NOW)).toEqual({ refusal: expect.objectContaining({ code: 'CONFLICT' }) });
  });
});

describe('gate counts', () => {
  it('counts per city day (Asia/Shanghai), newest first, yellow and red apart, outside days ignored', () => {
    const records = [
      { at: '2020-02-20T01:00:00Z', colour: 'green' },
      { at: '2020-02-19T17:00:00Z', colour: 'yellow' }, // 01:00 on the 20th in the city
      { at: '2020-02-19T15:00:00Z', colour: 'red' }, // 23:00 on the 19th
      { at: '2020-02-10T01:00:00Z', colour: 'red' }, // too old
      { at: '2020-02-19T03:00:00Z' },
    ];
    const out = dailyCounts('co-1', records, NOW, 3);
    expect(out).toEqual({
      placeId: 'co-1',
      days: [
        { date: '2020-02-20', scans: 2, yellow: 1, red: 0 },
        { date: '2020-02-19', scans: 2, yellow: 0, red: 1 },
        { date: '2020-02-18', scans: 0, yellow: 0, red: 0 },
      ],
    });
  });
});
