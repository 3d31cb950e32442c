import jwt from 'jsonwebtoken';
import { bearerToken, signSession, verifySession, type SessionConfig } from '../../src/auth/tokens';

const config: SessionConfig = { issuer: 'iss-test', audience: 'aud-test', ttlSeconds: 7200, keyId: 'k1' };
const secret = 'unit-test-secret-unit-test-secret';
const now = new Date('2026-02-22T08:00:00Z');

describe('session tokens', () => {
  it('round-trips user and roles, with kid, issuer, audience and a 2 h expiry', () => {
    const { token, expiresAt } = signSession(
      'u1',
      [{ role: 'resident' }, { role: 'worker', scope: 'zq-jianshe' }],
      secret,
      config,
      now,
    );
    expect(expiresAt.toISOString()).toBe('2026-02-22T10:00:00.000Z');
    expect(jwt.decode(token, { complete: true })?.header).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    const result = verifySession(token, secret, config, now);
    expect(result).toEqual({
      ok: true,
      session: { userId: 'u1', roles: [{ role: 'resident' }, { role: 'worker', scope: 'zq-jianshe' }], expiresAt },
    });
  });

  it('is valid one second before expiry and expired at it', () => {
    const { token } = signSession('u1', [], secret, config, now);
    expect(verifySession(token, secret, config, new Date(now.getTime() + 7199_000)).ok).toBe(true);
    expect(verifySession(token, secret, config, new Date(now.getTime() + 7200_000))).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it.each([
    ['another secret', (t: string) => verifySession(t, 'another-secret-another-secret-xx', config, now)],
    ['another issuer', (t: string) => verifySession(t, secret, { ...config, issuer: 'x' }, now)],
    ['another audience', (t: string) => verifySession(t, secret, { ...config, audience: 'x' }, now)],
    ['a truncated signature', (t: string) => verifySession(t.slice(0, -3), secret, config, now)],
  ])('refuses a token checked with %s', (_name, check) => {
    const { token } = signSession('u1', [], secret, config, now);
    expect(check(token)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses alg none and other algorithms even with the right secret', () => {
    const payload = { sub: 'u1', roles: [], iss: config.issuer, aud: config.audience, exp: 1900000000 };
    const none = jwt.sign(payload, '', { algorithm: 'none' });
    const hs512 = jwt.sign(payload, secret, { algorithm: 'HS512' });
    expect(verifySession(none, secret, config, now).ok).toBe(false);
    expect(verifySession(hs512, secret, config, now).ok).toBe(false);
  });

  it('refuses a missing token and a token without roles', () => {
    expect(verifySession(undefined, secret, config, now)).toEqual({ ok: false, problem: 'missing' });
    const noRoles = jwt.sign({ sub: 'u1' }, secret, {
      algorithm: 'HS256',
      issuer: config.issuer,
      audience: config.audience,
      expiresIn: 60,
    });
    expect(verifySession(noRoles, secret, config).ok).toBe(false);
  });

  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('reads the bearer token from %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
