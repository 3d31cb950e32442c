import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { healthCodeKeys } from '../../../scripts/lib/keys';
import { checkCode } from '../../../miniapp/src/lib/health/scanner-check';
import { parseJwks } from '../../../miniapp/src/lib/health/verify';
import { jwks, parseKeySet, signHealthToken } from '../../src/health/tokens';
import {
  chainStalenessSeconds,
  DAY_MS,
  freshness,
  listSince,
  mergeChanges,
  needsRefresh,
  oldestFetch,
  scanDecision,
  superseded,
} from '@citycare/contract';
import {
  changedAtSecond,
  issueTime,
  latestChanges,
  listClaims,
  listEtag,
  listStart,
} from '../../src/health/status-list/rules';

/** The status list (backend) and the scanner's staleness rules (contract), issue 12. Pure. */

const rules = { statusListRefreshSeconds: 60, scannerOfflineDays: 7 };
const T = Date.parse('2020-02-22T01:00:00Z');

describe("the scanner's staleness rules", () => {
  it('fresh within the refresh interval, cached inside the offline window, expired past it or never fetched', () => {
    expect(freshness(T, T, rules)).toBe('fresh');
    expect(freshness(T, T + 60_000, rules)).toBe('fresh');
    expect(freshness(T, T + 60_001, rules)).toBe('cached');
    expect(freshness(T, T + 7 * DAY_MS, rules)).toBe('cached');
    expect(freshness(T, T + 7 * DAY_MS + 1, rules)).toBe('expired');
    expect(freshness(undefined, T, rules)).toBe('expired');
  });
  it('does not trust a fetch time in the future (a clock set back) beyond the refresh interval', () => {
    expect(freshness(T + 30_000, T, rules)).toBe('fresh');
    expect(freshness(T + DAY_MS, T, rules)).toBe('expired');
  });
  it('is as fresh as its stalest part: keys and list', () => {
    expect(oldestFetch(T, T - 5)).toBe(T - 5);
    expect(oldestFetch(T, undefined)).toBeUndefined();
  });
  it('fetches again past the refresh interval, or when the clock went back', () => {
    expect(needsRefresh(undefined, T, 60)).toBe(true);
    expect(needsRefresh(T, T + 59_999, 60)).toBe(false);
    expect(needsRefresh(T, T + 60_000, 60)).toBe(true);
    expect(needsRefresh(T, T - 1, 60)).toBe(true);
  });
  it('asks from a little before the last list, aligned to the refresh interval (shared, cacheable URLs)', () => {
    expect(listSince(undefined, 60)).toBeUndefined();
    expect(listSince(1_000_000_030, 60)).toBe(999_999_960);
    expect(listSince(1_000_000_020, 60)).toBe(999_999_960);
    expect(listSince(1_000_000_080, 60)).toBe(1_000_000_020);
  });
  it("merges a newer list into the kept changes, keeping each code's latest and dropping expired ones", () => {
    const kept = { a: 100, b: 200, old: 10 };
    expect(
      mergeChanges(
        kept,
        [
          ['a', 300],
          ['b', 150],
          ['c', 250],
        ],
        50,
      ),
    ).toEqual({ a: 300, b: 200, c: 250 });
  });
  it('a code issued before its latest change is superseded; one issued at or after it is not', () => {
    expect(superseded({ sub: 'a', iat: 99 }, { a: 100 })).toBe(true);
    expect(superseded({ sub: 'a', iat: 100 }, { a: 100 })).toBe(false);
    expect(superseded({ sub: 'b', iat: 1 }, { a: 100 })).toBe(false);
    // Judged at a scan's time: a change after the scan does not count.
    expect(superseded({ sub: 'a', iat: 99 }, { a: 100 }, 99_000)).toBe(false);
    expect(superseded({ sub: 'a', iat: 99 }, { a: 100 }, 100_000)).toBe(true);
  });
  it('a superseded code stops, before fever and colour', () => {
    expect(scanDecision({ ok: true, colour: 'green', superseded: true }, 36.5, 37.3, 'checkpoint')).toMatchObject({
      result: 'stop',
      reason: 'superseded',
      text: expect.stringMatching(/状态已变更/),
    });
    expect(scanDecision({ ok: true, colour: 'green', superseded: false }, 36.5, 37.3, 'checkpoint').result).toBe(
      'pass',
    );
  });
});

describe('the status list', () => {
  const iso = (s: number) => new Date(s * 1000).toISOString();
  it('rounds a change up to its second, and issues codes no earlier than the second after it', () => {
    expect(changedAtSecond('2020-02-22T01:00:00.000Z')).toBe(T / 1000);
    expect(changedAtSecond('2020-02-22T01:00:00.200Z')).toBe(T / 1000 + 1);
    expect(issueTime(new Date(T + 500), '2020-02-22T01:00:00.200Z').getTime()).toBe(T + 1000);
    expect(issueTime(new Date(T + 5000), '2020-02-22T01:00:00.200Z').getTime()).toBe(T + 5000);
    expect(issueTime(new Date(T), undefined).getTime()).toBe(T);
  });
  it('starts at since, never before the retention', () => {
    expect(listStart(undefined, 1000_000, 7 * 86400)).toBe(1000_000 - 7 * 86400);
    expect(listStart(10, 1000_000, 7 * 86400)).toBe(1000_000 - 7 * 86400);
    expect(listStart(999_000, 1000_000, 7 * 86400)).toBe(999_000);
    expect(listStart(5_000_000, 1000_000, 7 * 86400)).toBe(1000_000 + 86400);
  });
  it("keeps each code's latest change since `since`, oldest first, and nothing else", () => {
    const changes = [
      { codeId: 'a', at: iso(100) },
      { codeId: 'a', at: iso(300) },
      { codeId: 'b', at: iso(200) },
      { codeId: 'c', at: iso(50) },
    ];
    expect(latestChanges(changes, 100)).toEqual([
      ['b', 200],
      ['a', 300],
    ]);
    const claims = listClaims(changes, 100, 400, 7 * 86400);
    expect(claims).toEqual({
      iat: 400,
      since: 100,
      exp: 400 + 7 * 86400,
      ch: [
        ['b', 200],
        ['a', 300],
      ],
    });
  });
  it('has an ETag that follows its content', () => {
    const a = listClaims([{ codeId: 'a', at: iso(100) }], 0, 400, 10);
    const b = listClaims([{ codeId: 'b', at: iso(100) }], 0, 400, 10);
    expect(listEtag(a)).toBe(listEtag({ ...a }));
    expect(listEtag(a)).not.toBe(listEtag(b));
  });
});

describe('config/health-rules.yml', () => {
  it('publishes a chain staleness no less than an offline bundle plus twice the list refresh', () => {
    const { health } = parse(readFileSync(join(__dirname, '../../../config/health-rules.yml'), 'utf8')) as {
      health: {
        tokenTtlSeconds: number;
        codeWindows: number;
        statusListRefreshSeconds: number;
        statusMaxStalenessMinutes: number;
        paperCodeDays: number;
        scannerOfflineDays: number;
      };
    };
    expect(chainStalenessSeconds(health)).toBe(3720);
    expect(health.statusMaxStalenessMinutes * 60).toBeGreaterThanOrEqual(chainStalenessSeconds(health));
    expect(health.scannerOfflineDays).toBeGreaterThan(0);
    expect(health.paperCodeDays).toBeGreaterThan(0);
  });
});

describe("the offline scanner's check (keys, cached list, offline window)", () => {
  const keys = parseKeySet(healthCodeKeys('test-scan'));
  const ring = parseJwks(jwks(keys));
  const issued = new Date(T);
  const paper = signHealthToken(keys, 'c-paper', 'green', '王*兰', 7 * 86400, issued, { paper: true });
  const scanRules = { scanClockSkewSeconds: 120, statusListRefreshSeconds: 60, scannerOfflineDays: 7 };

  it('passes a paper code with fresh data, and refuses it once the list names a later change', () => {
    const now = T + 3600_000;
    const fresh = { ring, keysAt: now - 1000, listAt: now - 1000, changes: {} };
    expect(checkCode(paper.token, fresh, now, scanRules)).toMatchObject({
      verified: { ok: true, claims: { pc: 1 } },
      superseded: false,
      freshness: 'fresh',
    });
    const changed = { ...fresh, changes: { 'c-paper': T / 1000 + 60 } };
    expect(checkCode(paper.token, changed, now, scanRules).superseded).toBe(true);
  });
  it('inside the offline window says how old the data is; past it, or with no list ever, it is expired (未能核验)', () => {
    const now = T + 2 * DAY_MS;
    const cached = checkCode(paper.token, { ring, keysAt: T + 10, listAt: T, changes: {} }, now, scanRules);
    expect(cached).toMatchObject({ freshness: 'cached', dataAt: T });
    const later = T + 6 * DAY_MS + 23 * 3600_000;
    expect(
      checkCode(paper.token, { ring, keysAt: T - DAY_MS, listAt: T, changes: {} }, later, scanRules).freshness,
    ).toBe('expired');
    expect(checkCode(paper.token, { ring, keysAt: T, changes: {} }, T + 1000, scanRules).freshness).toBe('expired');
  });
});
