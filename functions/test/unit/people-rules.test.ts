import type { DirectoryEntry } from '@citycare/contract';
import { matchEntries } from '../../../miniapp/src/components/DirectoryPicker/match';
import { finderHash } from '../../src/auth/finder';
import { signPersonCode, verifyPersonCode } from '../../src/auth/person-code';
import { signSession, verifySession } from '../../src/auth/tokens';

const entries: DirectoryEntry[] = [
  { id: 'zq-jianshe', name: '建设社区', kind: 'community' },
  { id: 'zq-yingbin', name: '迎宾社区', kind: 'community' },
  { id: 'gz-beicha', name: '北岔村', kind: 'village' },
  { id: 'zq-yingbin-2', name: '西迎宾社区', kind: 'community' },
];

describe('picking from the directory by name', () => {
  it('finds names holding every character typed, names starting with it first', () => {
    expect(matchEntries(entries, '迎宾').map((e) => e.id)).toEqual(['zq-yingbin', 'zq-yingbin-2']);
    expect(
      matchEntries(entries, '宾 迎')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['zq-yingbin', 'zq-yingbin-2']);
    expect(matchEntries(entries, '村').map((e) => e.id)).toEqual(['gz-beicha']);
    expect(matchEntries(entries, '机场')).toEqual([]);
  });

  it('takes the start of an id too, and lists everything when nothing is typed', () => {
    expect(matchEntries(entries, 'GZ').map((e) => e.id)).toEqual(['gz-beicha']);
    expect(matchEntries(entries, '  ')).toHaveLength(4);
  });
});

describe('the person finder hash', () => {
  it('is the same for the same name however spaced, and differs for other digits, names or peppers', () => {
    const h = finderHash('pepper', '刘德福', '1234');
    expect(finderHash('pepper', ' 刘 德福 ', '1234')).toBe(h);
    expect(finderHash('pepper', '刘德福', '1235')).not.toBe(h);
    expect(finderHash('pepper', '刘德富', '1234')).not.toBe(h);
    expect(finderHash('other', '刘德福', '1234')).not.toBe(h);
    expect(h).not.toContain('1234');
  });
});

describe('personal codes', () => {
  const config = { issuer: 'citycare', audience: 'citycare-app', ttlSeconds: 3600, keyId: 'k1' };
  const now = new Date('2020-02-22T08:00:00Z');

  it('name their user for ten minutes, then nothing', () => {
    const { code, expiresAt } = signPersonCode('u1', 'secret', config, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(600_000);
    expect(verifyPersonCode(code, 'secret', config, new Date(now.getTime() + 599_000))).toBe('u1');
    expect(verifyPersonCode(code, 'secret', config, new Date(now.getTime() + 601_000))).toBeUndefined();
    expect(verifyPersonCode(code, 'other', config, now)).toBeUndefined();
  });

  it('are not sessions, and sessions are not personal codes', () => {
    const { code } = signPersonCode('u1', 'secret', config, now);
    expect(verifySession(code, 'secret', config, now).ok).toBe(false);
    const { token } = signSession('u1', [{ role: 'admin' }], 'secret', config, now);
    expect(verifyPersonCode(token, 'secret', config, now)).toBeUndefined();
  });
});
