import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { HealthColour, JwksResponse, VerifyProblem } from '@citycare/contract';
import { getSecret } from '../lib/secrets';

/**
 * The health-code QR token: a short-lived JWT signed ES256 with the current key of the key set.
 * Claims: `sub` (the resident's opaque code id), `st` (colour), `nm` (masked name), `id` (masked
 * ID number, `2108**********0026`, for staff to compare with the ID card), for a family member's
 * code `px` (the proxy account holder's masked name: 家人代办码), `iat`, `exp`, and for a token
 * of the offline bundle `nbf` (its window's start); header `kid`.
 * No full ID number, phone or full name.
 */

export const ALG = 'ES256' as const;

export interface KeySet {
  /**
   * The newest key. After a rotation it is published in the JWKS at once but signs only from
   * `activeFrom`, so scanners that cache the JWKS (offline ones for up to a day) already hold it.
   */
  current: { kid: string; privateKey: KeyObject; publicKey: KeyObject; activeFrom?: Date };
  /** Earlier keys, still accepted; the newest keeps its private key to sign until `current` is active. */
  previous: { kid: string; publicKey: KeyObject; privateKey?: KeyObject }[];
}

interface KeySetJson {
  current: { kid: string; privateKeyPem: string; activeFrom?: string };
  previous?: { kid: string; publicKeyPem: string; privateKeyPem?: string }[];
}

/** Parses the `health-code-keys` secret. */
export function parseKeySet(json: string): KeySet {
  const raw = JSON.parse(json) as KeySetJson;
  if (!raw.current?.kid || !raw.current.privateKeyPem) throw new Error('health-code-keys: no current key');
  const privateKey = createPrivateKey(raw.current.privateKeyPem);
  return {
    current: {
      kid: raw.current.kid,
      privateKey,
      publicKey: createPublicKey(privateKey),
      activeFrom: raw.current.activeFrom ? new Date(raw.current.activeFrom) : undefined,
    },
    previous: (raw.previous ?? []).map((p) => ({
      kid: p.kid,
      publicKey: createPublicKey(p.publicKeyPem),
      privateKey: p.privateKeyPem ? createPrivateKey(p.privateKeyPem) : undefined,
    })),
  };
}

/** The key that signs at `now`: the current one once active, until then the one it replaces. */
export function signingKey(keys: KeySet, now: Date): { kid: string; privateKey: KeyObject } {
  const waiting = keys.current.activeFrom && keys.current.activeFrom > now;
  const before = keys.previous[0];
  if (waiting && before?.privateKey) return { kid: before.kid, privateKey: before.privateKey };
  return keys.current;
}

/** The parsed key set, parsed again only when the secret's text changes (after a rotation). */
let parsed: { raw: string; keys: KeySet } | undefined;
export async function healthKeys(): Promise<KeySet> {
  const raw = await getSecret('health-code-keys');
  if (parsed?.raw !== raw) parsed = { raw, keys: parseKeySet(raw) };
  return parsed.keys;
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
  /** The masked ID number. */
  id?: string;
  /** A family member's code: the proxy's masked name. */
  px?: string;
  iat: number;
  /** Not before: the start of the token's window (tokens of the offline bundle). */
  nbf?: number;
  exp: number;
  /** A paper code (纸质码): printed by staff, valid for days. */
  pc?: 1;
}

/** What a code says besides colour and name, all masked. */
export interface CodeIdentity {
  /** The masked ID number, `2108**********0026`. */
  idMasked?: string;
  /** Set for a family member's code (家人代办码): the proxy account holder's masked name. */
  proxyName?: string;
  /** A paper code (纸质码): claim `pc: 1`. */
  paper?: boolean;
}

export function signHealthToken(
  keys: KeySet,
  codeId: string,
  colour: HealthColour,
  maskedName: string,
  ttlSeconds: number,
  now: Date = new Date(),
  identity: CodeIdentity = {},
): { token: string; claims: HealthClaims; kid: string } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: HealthClaims = {
    sub: codeId,
    st: colour,
    nm: maskedName,
    ...(identity.idMasked ? { id: identity.idMasked } : {}),
    ...(identity.proxyName ? { px: identity.proxyName } : {}),
    ...(identity.paper ? { pc: 1 as const } : {}),
    iat,
    exp: iat + ttlSeconds,
  };
  const key = signingKey(keys, now);
  const token = jwt.sign(claims, key.privateKey, { algorithm: ALG, keyid: key.kid });
  return { token, claims, kid: key.kid };
}

/** One signed token of the offline bundle, for one window. */
export interface WindowToken {
  token: string;
  nbf: number;
  exp: number;
}

/**
 * The offline bundle: one token per window (`nbf`/`exp` from the window rule), all issued `now`
 * with the same colour and identity, signed by the key that signs at `now`.
 */
export function signCodeBundle(
  keys: KeySet,
  codeId: string,
  colour: HealthColour,
  maskedName: string,
  windows: readonly { nbf: number; exp: number }[],
  now: Date,
  identity: CodeIdentity = {},
): { tokens: WindowToken[]; kid: string; iat: number } {
  const iat = Math.floor(now.getTime() / 1000);
  const key = signingKey(keys, now);
  const base = {
    sub: codeId,
    st: colour,
    nm: maskedName,
    ...(identity.idMasked ? { id: identity.idMasked } : {}),
    ...(identity.proxyName ? { px: identity.proxyName } : {}),
    iat,
  };
  const tokens = windows.map(({ nbf, exp }) => {
    const claims: HealthClaims = { ...base, nbf, exp };
    return { token: jwt.sign(claims, key.privateKey, { algorithm: ALG, keyid: key.kid }), nbf, exp };
  });
  return { tokens, kid: key.kid, iat };
}

/** The status list's JWS header type: never mistaken for a code (whose claims it lacks anyway). */
export const STATUS_LIST_TYP = 'citycare-status+jwt';

/** Signs the status list's claims with the key that signs codes at `now` (scanners verify both with the JWKS). */
export function signStatusList(keys: KeySet, claims: object, now: Date): string {
  const key = signingKey(keys, now);
  return jwt.sign(claims, key.privateKey, {
    algorithm: ALG,
    keyid: key.kid,
    header: { alg: ALG, typ: STATUS_LIST_TYP },
  });
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
 * The backend's check of a token. Offline scans arrive late, so expiry is judged against the
 * scan time, not now; with `ignoreExpiration` only the signature and the claims' shape are checked
 * (neither expiry nor not-before: the scan rules then judge the times). Never throws.
 */
export function verifyHealthToken(
  keys: KeySet,
  token: string,
  at: Date,
  ignoreExpiration = false,
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
      ignoreExpiration,
      ignoreNotBefore: ignoreExpiration,
    }) as HealthClaims;
    const valid =
      typeof claims.sub === 'string' &&
      typeof claims.iat === 'number' &&
      typeof claims.exp === 'number' &&
      (claims.nbf === undefined || typeof claims.nbf === 'number') &&
      ['green', 'yellow', 'red'].includes(claims.st);
    if (!valid) {
      return { ok: false, problem: 'malformed' };
    }
    return { ok: true, claims };
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TokenExpiredError') return { ok: false, problem: 'expired' };
    if (name === 'NotBeforeError') return { ok: false, problem: 'not-yet-valid' };
    return { ok: false, problem: (err as Error).message.includes('signature') ? 'bad-signature' : 'malformed' };
  }
}
