import jwt from 'jsonwebtoken';
import { healthCodeKeys } from '../../../scripts/lib/keys';
import { verifyPlaceToken as serverVerify, signPlaceToken } from '../../src/health/place-token';
import { jwks, parseKeySet, signHealthToken } from '../../src/health/tokens';
import { parseJwks } from '../../../miniapp/src/lib/health/verify';
import { verifyPlaceToken as appVerify } from '../../../miniapp/src/lib/health/place-verify';

/**
 * Signed place codes: made by the backend (jsonwebtoken), verified by the server and by the
 * resident's app offline (@noble/curves against the JWKS). Both must agree on every case.
 */
const keys = parseKeySet(healthCodeKeys('test-current'));
const other = parseKeySet(healthCodeKeys('test-other'));
const ring = parseJwks(jwks(keys));
const NOW = new Date('2020-02-22T01:00:00Z');
const STATION = { id: 'vn-yingkou-station', name: '营口站', kind: 'station', community: 'zq-jianshe' };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const both = (token: string) => [serverVerify(keys, token), appVerify(token, ring)];

describe('a signed place code', () => {
  it('names the place, its kind, name and community, signed ES256 with the current kid, and verifies on both sides', () => {
    const { token, kid } = signPlaceToken(keys, STATION, NOW);
    expect(kid).toBe('test-current');
    expect(jwt.decode(token)).toEqual({
      t: 'place',
      sub: 'vn-yingkou-station',
      k: 'station',
      n: '营口站',
      c: 'zq-jianshe',
      iat: NOW.getTime() / 1000,
    });
    for (const result of both(token)) {
      expect(result).toMatchObject({ ok: true, claims: { sub: 'vn-yingkou-station', n: '营口站', c: 'zq-jianshe' } });
    }
  });

  it('does not expire: a poster printed months ago still verifies', () => {
    const { token } = signPlaceToken(keys, STATION, new Date('2019-06-01T00:00:00Z'));
    expect(both(token).map((r) => r.ok)).toEqual([true, true]);
  });

  it('refuses the old unsigned codes', () => {
    for (const text of ['citycare:place:vn-yingkou-station', 'vn-yingkou-station', '  vh-bus-3 ']) {
      expect(both(text)).toEqual([
        { ok: false, problem: 'unsigned' },
        { ok: false, problem: 'unsigned' },
      ]);
    }
  });

  it('refuses a code signed by a key not in the JWKS, under our kid or its own', () => {
    const stranger = other.current.privateKey;
    const claims = { t: 'place', sub: 'vh-bus-3', k: 'bus', n: '3路公交车', iat: 1 };
    const underOurKid = jwt.sign(claims, stranger, { algorithm: 'ES256', keyid: 'test-current' });
    expect(both(underOurKid).map((r) => !r.ok && r.problem)).toEqual(['bad-signature', 'bad-signature']);
    const ownKid = signPlaceToken(other, STATION, NOW).token;
    expect(both(ownKid).map((r) => !r.ok && r.problem)).toEqual(['unknown-key', 'unknown-key']);
  });

  it('refuses a real code whose place was changed, and one with alg none', () => {
    const [head, , sig] = signPlaceToken(keys, STATION, NOW).token.split('.') as [string, string, string];
    const moved = `${head}.${b64({ t: 'place', sub: 'vh-bus-3', k: 'bus', n: '3路公交车', iat: 1 })}.${sig}`;
    expect(both(moved).map((r) => !r.ok && r.problem)).toEqual(['bad-signature', 'bad-signature']);
    const none = `${b64({ alg: 'none', kid: 'test-current' })}.${b64({ t: 'place', sub: 'vh-bus-3', k: 'bus', n: 'x', iat: 1 })}.`;
    expect(both(none).every((r) => !r.ok)).toBe(true);
  });

  it('refuses a health-code token (same keys, not a place) and junk', () => {
    const health = signHealthToken(keys, 'c_opaque', 'green', '王*兰', 300, NOW).token;
    expect(both(health).map((r) => !r.ok && r.problem)).toEqual(['malformed', 'malformed']);
    for (const junk of ['a.b.c', `${b64({ alg: 'ES256' })}.${b64([1])}.xx`, 'x.y']) {
      expect([junk, ...both(junk)]).toEqual([
        junk,
        { ok: false, problem: 'malformed' },
        { ok: false, problem: 'malformed' },
      ]);
    }
  });
});
