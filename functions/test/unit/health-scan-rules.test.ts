import { judgeScan, type SignatureCheck } from '../../src/health/scans/rules';

const NOW = Date.parse('2020-02-20T08:00:00Z');
const rules = { feverCelsius: 37.3, scanClockSkewSeconds: 120, offlineWindowHours: 72 };
const sec = (ms: number) => Math.floor(ms / 1000);
const signed = (issuedMs: number, colour: 'green' | 'yellow' | 'red' = 'green'): SignatureCheck => ({
  ok: true,
  claims: { sub: 'c1', st: colour, nm: '王*兰', iat: sec(issuedMs), exp: sec(issuedMs) + 300 },
});
const at = (ms: number) => new Date(ms).toISOString();

describe('judgeScan', () => {
  it('accepts a scan inside the token validity and computes the verdict itself', () => {
    expect(judgeScan({ scannedAt: at(NOW - 60_000) }, signed(NOW - 120_000), 'checkpoint', NOW, rules)).toMatchObject({
      ok: true,
      result: 'pass',
      reason: 'ok',
    });
    expect(
      judgeScan({ scannedAt: at(NOW), temperature: 37.3 }, signed(NOW - 10_000), 'checkpoint', NOW, rules),
    ).toMatchObject({ ok: true, result: 'stop', reason: 'fever' });
    expect(judgeScan({ scannedAt: at(NOW) }, signed(NOW, 'yellow'), 'station', NOW, rules)).toMatchObject({
      result: 'stop',
      reason: 'colour',
    });
    expect(judgeScan({ scannedAt: at(NOW) }, signed(NOW, 'yellow'), 'clinic', NOW, rules)).toMatchObject({
      result: 'pass',
    });
  });

  it('allows the clock skew at both ends of the validity, and not a second more', () => {
    const issued = NOW - 3600_000;
    const ok = (ms: number) => judgeScan({ scannedAt: at(ms) }, signed(issued), 'checkpoint', NOW, rules).ok;
    expect(ok(issued - 120_000)).toBe(true);
    expect(ok(issued - 121_000)).toBe(false);
    expect(ok(issued + 300_000 + 120_000)).toBe(true);
    expect(ok(issued + 300_000 + 121_000)).toBe(false);
  });

  it('refuses the future, the stale and the unverifiable, each with its reason', () => {
    const judge = (ms: number, s: SignatureCheck) => judgeScan({ scannedAt: at(ms) }, s, 'checkpoint', NOW, rules);
    expect(judge(NOW + 121_000, signed(NOW + 60_000))).toMatchObject({ ok: false, refused: 'future' });
    expect(judge(NOW - 73 * 3600_000, signed(NOW - 73 * 3600_000))).toMatchObject({ refused: 'too-late' });
    expect(judge(NOW - 71 * 3600_000, signed(NOW - 71 * 3600_000))).toMatchObject({ ok: true });
    expect(judge(NOW - 20 * 86400_000, signed(NOW))).toMatchObject({ refused: 'too-late' });
    expect(judge(NOW - 86400_000, signed(NOW))).toMatchObject({ refused: 'outside-validity' });
    expect(judge(NOW, { ok: false, problem: 'bad-signature' })).toMatchObject({ refused: 'bad-signature' });
    expect(judge(NOW, { ok: false, problem: 'expired' })).toMatchObject({ refused: 'outside-validity' });
    expect(judge(NOW, { ok: false, problem: 'unknown-key' }).ok).toBe(false);
  });
});
