import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { HealthColour, JwksResponse, VerifyProblem } from '@citycare/contract';
import { getSecret } from '../lib/secrets';

/**
 * The health-code QR token: a short-lived JWT signed ES256 with the current key of the key set.
 * Claims: `sub` (the resident's opaque code id), `st` (colour), `nm` (masked name), `iat`, `exp`;
 * header `kid`. No ID number, phone or full name.
 */

export const ALG = 'ES256' as const;

export interface KeySet {
  current: { kid: string; privateKey: KeyObject; publicKey: KeyObject };
  /** Public keys of earlier signing keys, still accepted so rotation never strands a scanner. */
  previous: { kid: string; publicKey: KeyObject }[];
}

interface KeySetJson {
  current: { kid: string; privateKeyPem: string };
  previous?: { kid: string; publicKeyPem: string }[];
}

/** Parses the `health-code-keys` secret. */
export function parseKeySet(json: string): KeySet {
  const raw = JSON.parse(json) as KeySetJson;
  if (!raw.current?.kid || !raw.current.privateKeyPem) throw new Error('health-code-keys: no current key');
  const privateKey = createPrivateKey(raw.current.privateKeyPem);
  return {
    current: { kid: raw.current.kid, privateKey, publicKey: createPublicKey(privateKey) },
    previous: (raw.previous ?? []).map((p) => ({ kid: p.kid, publicKey: createPublicKey(p.publicKeyPem) })),
  };
}

let keySet: Promise<KeySet> | undefined;
export function healthKeys(): Promise<KeySet> {
  keySet ??= getSecret('health-code-keys').then(parseKeySet);
  keySet.catch(() => (keySet = undefined));
  return keySet;
}

/** HMAC of an ID number under the pepper: the lookup key of the uniqueness record. */
export async function idNumberHash(idNumber: string): Promise<string> {
  const pepper = await getSecret('health-id-pepper');
  return createHmac('sha256', pepper).update(`resident-id:${idNumber}`).digest('base64url');
}

export interface HealthClaims {
  sub: string;
  st: HealthColour;
  nm: string;
  iat: number;
  exp: number;
}

export function signHealthToken(
  keys: KeySet,
  codeId: string,
  colour: HealthColour,
  maskedName: string,
  ttlSeconds: number,
  now: Date = new Date(),
): { token: string; claims: HealthClaims; kid: string } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: HealthClaims = { sub: codeId, st: colour, nm: maskedName, iat, exp: iat + ttlSeconds };
  const token = jwt.sign(claims, keys.current.privateKey, { algorithm: ALG, keyid: keys.current.kid });
  return { token, claims, kid: keys.current.kid };
}

/** The public keys as a JWKS: the current key first, then the previous ones. */
export function jwks(keys: KeySet): JwksResponse {
  const all = [keys.current, ...keys.previous];
  return {
    keys: all.map(({ kid, publicKey }) => {
      const jwk = publicKey.export({ format: 'jwk' });
      return { kty: 'EC', crv: 'P-256', x: String(jwk.x), y: String(jwk.y), kid, alg: ALG, use: 'sig' };
    }),
  };
}

/**
 * The backend's check of a token a scanner uploads. Offline scans arrive late, so expiry is
 * judged against the scan time, not now. Never throws.
 */
export function verifyHealthToken(
  keys: KeySet,
  token: string,
  at: Date,
): { ok: true; claims: HealthClaims } | { ok: false; problem: VerifyProblem } {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') return { ok: false, problem: 'malformed' };
  const kid = decoded.header.kid;
  const key = [keys.current, ...keys.previous].find((k) => k.kid === kid)?.publicKey;
  if (!key) return { ok: false, problem: 'unknown-key' };
  try {
    const claims = jwt.verify(token, key, {
      algorithms: [ALG],
      clockTimestamp: Math.floor(at.getTime() / 1000),
      clockTolerance: 30,
    }) as HealthClaims;
    if (typeof claims.sub !== 'string' || !['green', 'yellow', 'red'].includes(claims.st)) {
      return { ok: false, problem: 'malformed' };
    }
    return { ok: true, claims };
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TokenExpiredError') return { ok: false, problem: 'expired' };
    return { ok: false, problem: (err as Error).message.includes('signature') ? 'bad-signature' : 'malformed' };
  }
}
