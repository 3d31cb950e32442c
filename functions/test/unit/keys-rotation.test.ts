import { createPublicKey, createSign, createVerify } from 'node:crypto';
import { healthCodeKeys, rotateHealthCodeKeys } from '../../../scripts/lib/keys';
import { jwks, parseKeySet, signHealthToken, verifyHealthToken } from '../../src/health/tokens';

interface KeySet {
  current: { kid: string; privateKeyPem: string };
  previous: { kid: string; publicKeyPem: string }[];
}
const parse = (s: string) => JSON.parse(s) as KeySet;

function signs(privatePem: string, publicPem: string): boolean {
  const signature = createSign('SHA256').update('probe').sign(privatePem);
  return createVerify('SHA256').update('probe').verify(publicPem, signature);
}

describe('health-code key rotation', () => {
  it('puts a new key in front and keeps the retired public key, so old tokens still verify', () => {
    const first = healthCodeKeys('k1');
    const second = rotateHealthCodeKeys(first, 'k2');
    const set = parse(second);
    expect(set.current.kid).toBe('k2');
    expect(set.previous.map((k) => k.kid)).toEqual(['k1']);
    expect(set.previous[0]?.publicKeyPem).not.toContain('PRIVATE');
    expect(signs(parse(first).current.privateKeyPem, set.previous[0]?.publicKeyPem ?? '')).toBe(true);
    expect(set.current.privateKeyPem).not.toBe(parse(first).current.privateKeyPem);
  });

  it('keeps two previous keys at most, newest first', () => {
    let keys = healthCodeKeys('k1');
    for (const kid of ['k2', 'k3', 'k4']) keys = rotateHealthCodeKeys(keys, kid);
    expect(parse(keys).previous.map((k) => k.kid)).toEqual(['k3', 'k2']);
    const k3 = parse(keys).previous[0]?.publicKeyPem ?? '';
    expect(createPublicKey(k3).asymmetricKeyType).toBe('ec');
  });

  it('refuses a key id that is already in use', () => {
    const keys = rotateHealthCodeKeys(healthCodeKeys('k1'), 'k2');
    expect(() => rotateHealthCodeKeys(keys, 'k1')).toThrow(/already in use/);
    expect(() => rotateHealthCodeKeys(keys, 'k2')).toThrow(/already in use/);
  });

  it('publishes a new key before it signs, so a scanner that cached the JWKS at rotation verifies every code', () => {
    const t0 = new Date('2020-02-10T00:00:00Z');
    const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);
    const rotated = parseKeySet(rotateHealthCodeKeys(healthCodeKeys('k1'), 'k2', 24, t0));
    // The scanner's key list, fetched right after the rotation: both keys.
    const cached = jwks(rotated).keys.map((k) => k.kid);
    expect(cached).toEqual(['k2', 'k1']);
    const before = signHealthToken(rotated, 'c1', 'green', '王*兰', 300, hours(1));
    const after = signHealthToken(rotated, 'c1', 'green', '王*兰', 300, hours(25));
    expect([before.kid, after.kid]).toEqual(['k1', 'k2']);
    for (const [signed, at] of [
      [before, hours(1)],
      [after, hours(25)],
    ] as const) {
      expect(cached).toContain(signed.kid);
      expect(verifyHealthToken(rotated, signed.token, at).ok).toBe(true);
    }
  });

  it('refuses to rotate again while a new key waits, and keeps only one retired private key', () => {
    const t0 = new Date('2020-02-10T00:00:00Z');
    const staged = rotateHealthCodeKeys(healthCodeKeys('k1'), 'k2', 24, t0);
    expect(() => rotateHealthCodeKeys(staged, 'k3', 24, t0)).toThrow(/not yet signing/);
    const next = parse(rotateHealthCodeKeys(staged, 'k3', 24, new Date(t0.getTime() + 25 * 3600_000)));
    expect(next.previous.map((k) => [k.kid, 'privateKeyPem' in k])).toEqual([
      ['k2', true],
      ['k1', false],
    ]);
  });
});
