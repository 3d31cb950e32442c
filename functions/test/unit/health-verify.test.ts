import { generateKeyPairSync, sign as rawSign } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { healthCodeKeys } from '../../../scripts/lib/keys';
import { jwks, parseKeySet, signHealthToken, verifyHealthToken as serverVerify } from '../../src/health/tokens';
import { fromBase64Url, parseJwks, utf8Decode, verifyHealthToken } from '../../../miniapp/src/lib/health/verify';

/**
 * The scanner's offline verifier (miniapp/src/lib/health/verify.ts, @noble/curves) against
 * tokens made by the backend's signer (jsonwebtoken), cross-checked with an independent JOSE
 * implementation (jose) against the same JWKS.
 */
const keys = parseKeySet(healthCodeKeys('test-current'));
const other = parseKeySet(healthCodeKeys('test-other'));
const set = jwks(keys);
const ring = parseJwks(set);
const NOW = new Date('2020-02-22T01:00:00Z');
const nowMs = NOW.getTime();

const issue = (at = NOW, k = keys) => signHealthToken(k, 'c_opaque123', 'green', '王*兰', 300, at).token;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the backend signer', () => {
  it('issues an ES256 JWT with kid, opaque subject, colour, masked name and 5 minutes of life', () => {
    const decoded = jwt.decode(issue(), { complete: true });
    expect(decoded?.header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'test-current' });
    const claims = decoded?.payload as Record<string, unknown>;
    expect(claims).toEqual({
      sub: 'c_opaque123',
      st: 'green',
      nm: '王*兰',
      iat: nowMs / 1000,
      exp: nowMs / 1000 + 300,
    });
  });
  it('publishes the current and previous public keys, and no private part', () => {
    const rotated = parseKeySet(
      JSON.stringify({
        current: {
          kid: 'k2',
          privateKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
            format: 'pem',
            type: 'pkcs8',
          }),
        },
        previous: [
          { kid: 'test-current', publicKeyPem: keys.current.publicKey.export({ format: 'pem', type: 'spki' }) },
        ],
      }),
    );
    const published = jwks(rotated);
    expect(published.keys.map((k) => k.kid)).toEqual(['k2', 'test-current']);
    expect(JSON.stringify(published)).not.toMatch(/"d"/);
    // A token of the retired key still verifies offline after rotation.
    expect(verifyHealthToken(issue(), parseJwks(published), nowMs).ok).toBe(true);
  });
});

describe('the offline verifier', () => {
  it('passes a fresh token and reads its claims', () => {
    const result = verifyHealthToken(issue(), ring, nowMs + 1000);
    expect(result).toMatchObject({ ok: true, kid: 'test-current', claims: { st: 'green', nm: '王*兰' } });
  });
  it('passes many tokens: signatures that are not low-S verify too', () => {
    for (let i = 0; i < 60; i++) {
      const token = signHealthToken(keys, `c_${i}`, 'yellow', '李*', 300, NOW).token;
      expect(verifyHealthToken(token, ring, nowMs).ok).toBe(true);
    }
  });
  it('rejects an expired token (a screenshot)', () => {
    expect(verifyHealthToken(issue(), ring, nowMs + 331_000)).toMatchObject({ ok: false, problem: 'expired' });
  });
  it('rejects a token re-signed with another key under the same kid', () => {
    const forged = signHealthToken(
      { ...other, current: { ...other.current, kid: 'test-current' } },
      'c_x',
      'green',
      '王*兰',
      300,
      NOW,
    ).token;
    expect(verifyHealthToken(forged, ring, nowMs)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
  it('rejects a token of an unknown key', () => {
    expect(verifyHealthToken(issue(NOW, other), ring, nowMs)).toMatchObject({ ok: false, problem: 'unknown-key' });
  });
  it('rejects alg none', () => {
    const [, payload] = issue().split('.');
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: 'test-current' })}.${payload}.`;
    expect(verifyHealthToken(none, ring, nowMs)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
  it('rejects an HS256 token keyed with the public key (algorithm confusion)', () => {
    const [, payload] = issue().split('.');
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'test-current' });
    expect(verifyHealthToken(`${header}.${payload}.c2lnbmF0dXJl`, ring, nowMs).ok).toBe(false);
  });
  it('rejects a tampered colour or name', () => {
    const [h, p, s] = issue().split('.') as [string, string, string];
    const claims = JSON.parse(utf8Decode(fromBase64Url(p))) as Record<string, unknown>;
    const red = `${h}.${b64({ ...claims, st: 'red' })}.${s}`;
    expect(verifyHealthToken(red, ring, nowMs)).toMatchObject({ ok: false, problem: 'bad-signature' });
    const renamed = `${h}.${b64({ ...claims, nm: '张*' })}.${s}`;
    expect(verifyHealthToken(renamed, ring, nowMs)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
  it('rejects a DER-encoded or truncated signature', () => {
    const [h, p] = issue().split('.') as [string, string];
    const der = rawSign('sha256', Buffer.from(`${h}.${p}`), keys.current.privateKey).toString('base64url');
    expect(verifyHealthToken(`${h}.${p}.${der}`, ring, nowMs)).toMatchObject({ ok: false, problem: 'bad-signature' });
    const p1363 = rawSign('sha256', Buffer.from(`${h}.${p}`), {
      key: keys.current.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    expect(verifyHealthToken(`${h}.${p}.${p1363.toString('base64url')}`, ring, nowMs).ok).toBe(true);
    expect(verifyHealthToken(`${h}.${p}.${p1363.subarray(0, 63).toString('base64url')}`, ring, nowMs).ok).toBe(false);
  });
  it('rejects malformed input without throwing', () => {
    for (const junk of ['', 'abc', 'a.b.c', 'citycare:place:cp-lutun', `${b64({ alg: 'ES256' })}.${b64([1])}.xx`]) {
      expect(verifyHealthToken(junk, ring, nowMs)).toMatchObject({ ok: false, problem: 'malformed' });
    }
  });
  it('skips broken keys in a JWKS', () => {
    const mixed = parseJwks({
      keys: [{ kty: 'RSA', kid: 'r' }, { kty: 'EC', crv: 'P-256', kid: 'bad', x: '!!', y: 'AA' }, ...set.keys],
    });
    expect([...mixed.keys()]).toEqual(['test-current']);
  });
});

describe('the backend verifier (uploaded scans)', () => {
  it('judges expiry at the scan time, so an offline scan uploaded later still verifies', () => {
    const token = issue();
    expect(serverVerify(keys, token, new Date(nowMs + 60_000)).ok).toBe(true);
    expect(serverVerify(keys, token, new Date(nowMs + 3600_000))).toEqual({ ok: false, problem: 'expired' });
  });
  it('refuses other keys, alg none and tampering', () => {
    expect(serverVerify(keys, issue(NOW, other), NOW)).toEqual({ ok: false, problem: 'unknown-key' });
    const [h, p] = issue().split('.') as [string, string];
    expect(serverVerify(keys, `${h}.${p}.AAAA`, NOW).ok).toBe(false);
    const none = `${b64({ alg: 'none', kid: 'test-current' })}.${p}.`;
    expect(serverVerify(keys, none, NOW).ok).toBe(false);
  });
});

describe('an independent JOSE implementation (jose)', () => {
  it('verifies a backend token against the published JWKS', async () => {
    const jose = await import('jose');
    const keySet = jose.createLocalJWKSet(set as unknown as Parameters<typeof jose.createLocalJWKSet>[0]);
    const { payload, protectedHeader } = await jose.jwtVerify(issue(new Date()), keySet, { algorithms: ['ES256'] });
    expect(protectedHeader.kid).toBe('test-current');
    expect(payload).toMatchObject({ st: 'green', nm: '王*兰', sub: 'c_opaque123' });
  });
  it('agrees with the offline verifier on what to reject', async () => {
    const jose = await import('jose');
    const keySet = jose.createLocalJWKSet(set as unknown as Parameters<typeof jose.createLocalJWKSet>[0]);
    const [h, p] = issue(new Date()).split('.') as [string, string];
    const bad = [
      issue(new Date(Date.now() - 3600_000)),
      issue(new Date(), other),
      `${b64({ alg: 'none', kid: 'test-current' })}.${p}.`,
      `${h}.${p}.AAAA`,
    ];
    for (const token of bad) {
      await expect(jose.jwtVerify(token, keySet, { algorithms: ['ES256'] })).rejects.toThrow();
      expect(verifyHealthToken(token, ring, Date.now()).ok).toBe(false);
    }
  });
  it('signs a token the offline verifier accepts (the other direction)', async () => {
    const jose = await import('jose');
    const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
    const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'jose-1', alg: 'ES256', use: 'sig' };
    const token = await new jose.SignJWT({ st: 'red', nm: '刘*福' })
      .setProtectedHeader({ alg: 'ES256', kid: 'jose-1' })
      .setSubject('c_jose')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(verifyHealthToken(token, parseJwks({ keys: [jwk] }), Date.now())).toMatchObject({
      ok: true,
      claims: { st: 'red', nm: '刘*福' },
    });
  });
});
