import { createPublicKey, createSign, createVerify } from 'node:crypto';
import { healthCodeKeys, rotateHealthCodeKeys } from '../../../scripts/lib/keys';

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
});
