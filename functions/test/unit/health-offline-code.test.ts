import jwt from 'jsonwebtoken';
import { cityMidnight, tokenTimeProblem, type CodeResponse } from '@citycare/contract';
import { healthCodeKeys } from '../../../scripts/lib/keys';
import { codeWindows } from '../../src/health/code/rules';
import { judgeScan } from '../../src/health/scans/rules';
import { jwks, parseKeySet, signCodeBundle, verifyHealthToken as serverVerify } from '../../src/health/tokens';
import {
  pickCode,
  refreshDue,
  serverNow,
  statusAgeMinutes,
  toStored,
  type StoredCode,
} from '../../../miniapp/src/lib/health/offline-code';
import { parseJwks, verifyHealthToken } from '../../../miniapp/src/lib/health/verify';

/**
 * The offline code: the window rule (backend), the validity rule scanners and the server share,
 * the bundle's tokens through both verifiers, and the app's choice of the token to show.
 */
const sec = (ms: number) => ms / 1000;
/** 2020-02-22 09:07:30 in the city (01:07:30 UTC). */
const NOW = Date.parse('2020-02-22T01:07:30Z');
const NINE_FIVE = Date.parse('2020-02-22T01:05:00Z');

describe('codeWindows', () => {
  it('gives the window holding now, then the next ones, aligned to city midnight', () => {
    const w = codeWindows(NOW, 300, 12);
    expect(w).toHaveLength(12);
    expect(w[0]).toEqual({ nbf: sec(NINE_FIVE), exp: sec(NINE_FIVE) + 300 });
    w.forEach((x, i) => {
      expect(x.exp - x.nbf).toBe(300);
      if (i > 0) expect(x.nbf).toBe(w[i - 1]!.exp);
    });
    expect(w[11]!.exp).toBe(sec(NINE_FIVE) + 3600);
  });
  it('starts a new window exactly on the boundary, and aligns to the city day, not UTC', () => {
    expect(codeWindows(NINE_FIVE, 300, 1)[0]!.nbf).toBe(sec(NINE_FIVE));
    expect(codeWindows(NINE_FIVE - 1, 300, 1)[0]!.nbf).toBe(sec(NINE_FIVE) - 300);
    // 90-minute windows: city midnight (16:00 UTC the day before) is a boundary, UTC's is not.
    const midnight = cityMidnight('2020-02-22').getTime();
    expect(codeWindows(midnight + 3600_000, 5400, 2)).toEqual([
      { nbf: sec(midnight), exp: sec(midnight) + 5400 },
      { nbf: sec(midnight) + 5400, exp: sec(midnight) + 10800 },
    ]);
  });
  it('refuses a window that does not divide the day, or a count that is not a positive whole number', () => {
    expect(() => codeWindows(NOW, 0, 12)).toThrow();
    expect(() => codeWindows(NOW, 7 * 3600, 12)).toThrow();
    expect(() => codeWindows(NOW, 1.5, 12)).toThrow();
    expect(() => codeWindows(NOW, 300, 0)).toThrow();
    expect(() => codeWindows(NOW, 300, 1.5)).toThrow();
  });
});

describe('tokenTimeProblem (scanner and server)', () => {
  const t = { iat: sec(NOW), nbf: sec(NOW) + 600, exp: sec(NOW) + 900 };
  it('refuses before the window (less the skew) and after it (plus the skew)', () => {
    expect(tokenTimeProblem(t, NOW, 120)).toBe('not-yet-valid');
    expect(tokenTimeProblem(t, NOW + 480_000 - 1, 120)).toBe('not-yet-valid');
    expect(tokenTimeProblem(t, NOW + 480_000, 120)).toBeNull();
    expect(tokenTimeProblem(t, NOW + 1020_000, 120)).toBeNull();
    expect(tokenTimeProblem(t, NOW + 1020_001, 120)).toBe('expired');
    expect(tokenTimeProblem(t, NOW + 480_000, 0)).toBe('not-yet-valid');
  });
  it('never accepts a token before it was issued, whatever its window says', () => {
    const current = { iat: sec(NOW), nbf: sec(NINE_FIVE), exp: sec(NINE_FIVE) + 300 };
    expect(tokenTimeProblem(current, NINE_FIVE, 30)).toBe('not-yet-valid');
    expect(tokenTimeProblem({ iat: sec(NOW), exp: sec(NOW) + 300 }, NOW - 31_000, 30)).toBe('not-yet-valid');
  });
});

describe('the bundle through the verifiers', () => {
  const keys = parseKeySet(healthCodeKeys('test-current'));
  const ring = parseJwks(jwks(keys));
  const windows = codeWindows(NOW, 300, 12);
  const bundle = signCodeBundle(keys, 'c_x', 'green', '王*兰', windows, new Date(NOW), { idMasked: '2108****0026' });

  it('signs one ES256 token per window with its nbf and exp, all issued now', () => {
    expect(bundle.kid).toBe('test-current');
    bundle.tokens.forEach((t, i) => {
      const claims = jwt.decode(t.token) as Record<string, unknown>;
      expect(claims).toEqual({
        sub: 'c_x',
        st: 'green',
        nm: '王*兰',
        id: '2108****0026',
        iat: sec(NOW),
        ...windows[i],
      });
    });
  });
  it('the scanner refuses a later window before it starts and a token after it ends', () => {
    const fourth = bundle.tokens[3]!;
    expect(verifyHealthToken(fourth.token, ring, NOW, 120)).toMatchObject({ ok: false, problem: 'not-yet-valid' });
    expect(verifyHealthToken(fourth.token, ring, fourth.nbf * 1000, 120)).toMatchObject({ ok: true });
    expect(verifyHealthToken(fourth.token, ring, (fourth.exp + 121) * 1000, 120)).toMatchObject({
      ok: false,
      problem: 'expired',
    });
    expect(verifyHealthToken(bundle.tokens[0]!.token, ring, NOW, 120)).toMatchObject({ ok: true });
  });
  it('the server judges an uploaded scan by the same rule, and jsonwebtoken refuses it early', () => {
    const rules = { feverCelsius: 37.3, scanClockSkewSeconds: 120, offlineWindowHours: 72 };
    const fourth = bundle.tokens[3]!;
    const check = (at: number) => serverVerify(keys, fourth.token, new Date(at), true);
    const scannedAt = (at: number) => ({ scannedAt: new Date(at).toISOString() });
    expect(judgeScan(scannedAt(NOW), check(NOW), 'checkpoint', NOW, rules)).toMatchObject({
      refused: 'outside-validity',
    });
    const inside = fourth.nbf * 1000 + 1000;
    expect(judgeScan(scannedAt(inside), check(inside), 'checkpoint', inside, rules)).toMatchObject({ ok: true });
    expect(serverVerify(keys, fourth.token, new Date(NOW))).toEqual({ ok: false, problem: 'not-yet-valid' });
  });
});

describe('the app: which token to show', () => {
  const windows = codeWindows(NOW, 300, 12);
  const iso = (s: number) => new Date(s * 1000).toISOString();
  const answer: CodeResponse = {
    token: 't0',
    colour: 'green',
    maskedName: '王*兰',
    idMasked: '2108****0026',
    issuedAt: new Date(NOW).toISOString(),
    expiresAt: iso(windows[0]!.exp),
    kid: 'k',
    tokens: windows.map((w, i) => ({ token: `t${i}`, notBefore: iso(w.nbf), expiresAt: iso(w.exp) })),
  };
  const code: StoredCode = toStored(answer, { residentId: 'r1', relation: 'self' }, NOW);

  it('shows the token of the window holding the time, and when the bundle ends', () => {
    expect(pickCode(code, NOW)).toEqual({
      kind: 'token',
      token: 't0',
      index: 0,
      expiresAt: windows[0]!.exp * 1000,
      last: windows[11]!.exp * 1000,
    });
    expect(pickCode(code, windows[4]!.nbf * 1000)).toMatchObject({ kind: 'token', token: 't4' });
    expect(pickCode(code, windows[11]!.exp * 1000 - 1)).toMatchObject({ kind: 'token', token: 't11' });
  });
  it('shows no code past the last window, nor before the first (a phone clock set back)', () => {
    expect(pickCode(code, windows[11]!.exp * 1000)).toEqual({ kind: 'used-up' });
    expect(pickCode(code, windows[0]!.nbf * 1000 - 1)).toEqual({ kind: 'early' });
    expect(pickCode({ ...code, tokens: [] }, NOW)).toEqual({ kind: 'used-up' });
  });
  it("chooses on the server's time: a phone 4 minutes slow still shows the right window", () => {
    const slow = toStored(answer, { residentId: 'r1', relation: 'self' }, NOW - 240_000);
    expect(slow.offsetMs).toBe(240_000);
    const phoneAt = windows[2]!.nbf * 1000 - 240_000 + 1000;
    expect(pickCode(slow, serverNow(slow, phoneAt))).toMatchObject({ token: 't2' });
  });
  it('says how old the status is, in whole minutes', () => {
    expect(statusAgeMinutes(code, NOW + 59_000)).toBe(0);
    expect(statusAgeMinutes(code, NOW + 12 * 60_000 + 5_000)).toBe(12);
    expect(statusAgeMinutes(code, NOW - 60_000)).toBe(0);
  });
  it('asks for a new bundle once per window, when the shown token nears its end', () => {
    const shown = pickCode(code, NOW);
    const end = windows[0]!.exp * 1000;
    expect(refreshDue(shown, end - 31_000, 30_000, 0)).toBe(false);
    expect(refreshDue(shown, end - 30_000, 30_000, 0)).toBe(true);
    expect(refreshDue(shown, end - 10_000, 30_000, end)).toBe(false);
    expect(refreshDue({ kind: 'used-up' }, end, 30_000, 0)).toBe(false);
  });
});
