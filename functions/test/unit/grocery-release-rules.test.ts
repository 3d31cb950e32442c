import {
  CODE_LOCK_MINUTES,
  codeLockMinutes,
  codeTriesLeft,
  lockedMessage,
  MAX_CODE_FAILS,
  wrongCodeMessage,
} from '../../src/grocery/delivery/rules';
import { givesBackLimits, sumBy } from '../../src/grocery/release/rules';
import { groupStatus } from '../../src/grocery/groups/rules';

const NOW = new Date('2020-02-10T02:00:00.000Z'); // 10:00 in Yingkou
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

describe('giving back what an order held', () => {
  it('gives scarce items back to the counter of the same Shanghai day only', () => {
    expect(givesBackLimits('2020-02-10', NOW)).toBe(true);
    expect(givesBackLimits('2020-02-09', NOW)).toBe(false);
    // 23:30 on the 9th UTC is 07:30 on the 10th in Yingkou
    expect(givesBackLimits('2020-02-10', new Date('2020-02-09T23:30:00.000Z'))).toBe(true);
  });

  it('sums quantities per key, so one transaction writes each item once', () => {
    const lines = [
      { itemId: 'baicai', qty: 2 },
      { itemId: 'jidan', qty: 1 },
      { itemId: 'baicai', qty: 3 },
    ];
    const sums = sumBy(
      lines,
      (l) => l.itemId,
      (l) => l.qty,
    );
    expect([...sums.entries()].map(([k, v]) => [k, v.qty])).toEqual([
      ['baicai', 5],
      ['jidan', 1],
    ]);
  });
});

describe('group status', () => {
  it('shows an open group past its cutoff as closing; other states as they are', () => {
    expect(groupStatus('open', minutesAgo(1), NOW)).toBe('closing');
    expect(groupStatus('open', NOW.toISOString(), NOW)).toBe('closing');
    expect(groupStatus('open', minutesAgo(-1), NOW)).toBe('open');
    expect(groupStatus('closed', minutesAgo(10), NOW)).toBe('closed');
    expect(groupStatus('cancelled', minutesAgo(10), NOW)).toBe('cancelled');
  });
});

describe('wrong pickup codes', () => {
  it(`locks after ${MAX_CODE_FAILS} wrong codes for ${CODE_LOCK_MINUTES} minutes after the last one`, () => {
    expect(codeLockMinutes({}, NOW)).toBe(0);
    expect(codeLockMinutes({ codeFails: MAX_CODE_FAILS - 1, lastCodeFailAt: minutesAgo(0) }, NOW)).toBe(0);
    expect(codeLockMinutes({ codeFails: MAX_CODE_FAILS, lastCodeFailAt: minutesAgo(0) }, NOW)).toBe(CODE_LOCK_MINUTES);
    expect(codeLockMinutes({ codeFails: MAX_CODE_FAILS, lastCodeFailAt: minutesAgo(29.5) }, NOW)).toBe(1);
    expect(codeLockMinutes({ codeFails: MAX_CODE_FAILS, lastCodeFailAt: minutesAgo(31) }, NOW)).toBe(0);
    // each wrong code after the lock locks it again
    expect(codeLockMinutes({ codeFails: MAX_CODE_FAILS + 1, lastCodeFailAt: minutesAgo(2) }, NOW)).toBe(28);
  });

  it('tells the worker how many tries are left, then that the order is locked', () => {
    expect(codeTriesLeft(1)).toBe(MAX_CODE_FAILS - 1);
    expect(codeTriesLeft(MAX_CODE_FAILS + 2)).toBe(0);
    expect(wrongCodeMessage(1)).toBe('取货码不对，请让居民再核对一下（还可以再试 4 次）');
    expect(wrongCodeMessage(MAX_CODE_FAILS)).toBe('取货码不对，已输错 5 次，这笔订单暂停核对 30 分钟');
    expect(lockedMessage(5, 12)).toContain('请约 12 分钟后再试');
  });
});
