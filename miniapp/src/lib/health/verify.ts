import { p256 } from '@noble/curves/nist.js';
import type { HealthColour, JwksResponse, VerifyProblem } from '@citycare/contract';
import { tokenTimeProblem } from '@citycare/contract/src/health-pass';

/**
 * Offline verification of a health-code token, for the scanner. Pure TypeScript (no Taro, no
 * WebCrypto, no TextDecoder: the WeChat runtime has none of them), so it also runs in Node tests.
 *
 * ES256 only: the header's `alg` must be ES256 (so `alg: none` and HMAC swaps fail), its `kid`
 * must be one of the cached JWKS keys, the signature is the raw 64-byte r||s of JWS, checked
 * with `lowS: false` (OpenSSL does not normalise S), and the scanner's clock must be inside the
 * token's window: not before its `nbf` (a code of a later window of the offline bundle), not
 * after its `exp` (a screenshot), with the rule book's clock skew.
 */

export interface HealthTokenClaims {
  sub: string;
  st: HealthColour;
  nm: string;
  /** The masked ID number, to compare with the ID card. */
  id?: string;
  /** Set on a family member's code (家人代办码): the proxy's masked name. */
  px?: string;
  iat: number;
  /** The start of the token's window (tokens of the offline bundle). */
  nbf?: number;
  exp: number;
  /** A paper code (纸质码). */
  pc?: 1;
}

export type VerifyResult =
  | { ok: true; claims: HealthTokenClaims; kid: string }
  | { ok: false; problem: VerifyProblem; claims?: Partial<HealthTokenClaims> };

/** A parsed JWKS: kid -> uncompressed P-256 point (0x04 || x || y). */
export type KeyRing = Map<string, Uint8Array>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX: Record<string, number> = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** base64url (no padding) -> bytes; throws on a character outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const c of clean) {
    const v = B64_INDEX[c];
    if (v === undefined) throw new Error('bad base64url');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** UTF-8 bytes -> string (JWT claims carry Chinese masked names). */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i++]!;
    let cp: number;
    if (b < 0x80) cp = b;
    else if (b >= 0xf0)
      cp = ((b & 0x07) << 18) | ((bytes[i++]! & 0x3f) << 12) | ((bytes[i++]! & 0x3f) << 6) | (bytes[i++]! & 0x3f);
    else if (b >= 0xe0) cp = ((b & 0x0f) << 12) | ((bytes[i++]! & 0x3f) << 6) | (bytes[i++]! & 0x3f);
    else cp = ((b & 0x1f) << 6) | (bytes[i++]! & 0x3f);
    out += String.fromCodePoint(cp);
  }
  return out;
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Parses a JWKS, keeping only P-256 signing keys with a kid. */
export function parseJwks(jwks: JwksResponse | { keys?: unknown[] }): KeyRing {
  const ring: KeyRing = new Map();
  for (const k of (jwks.keys ?? []) as Record<string, unknown>[]) {
    if (k.kty !== 'EC' || k.crv !== 'P-256' || typeof k.kid !== 'string') continue;
    if (k.alg !== undefined && k.alg !== 'ES256') continue;
    try {
      const x = fromBase64Url(String(k.x));
      const y = fromBase64Url(String(k.y));
      if (x.length !== 32 || y.length !== 32) continue;
      const point = new Uint8Array(65);
      point[0] = 4;
      point.set(x, 1);
      point.set(y, 33);
      ring.set(k.kid, point);
    } catch {
      // a broken key is skipped, not fatal: the others still verify
    }
  }
  return ring;
}

export function parseJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(utf8Decode(fromBase64Url(part)));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isClaims(c: Record<string, unknown>): c is Record<string, unknown> & HealthTokenClaims {
  return (
    typeof c.sub === 'string' &&
    typeof c.nm === 'string' &&
    (c.st === 'green' || c.st === 'yellow' || c.st === 'red') &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number' &&
    (c.nbf === undefined || typeof c.nbf === 'number')
  );
}

/**
 * Verifies a token against the cached keys at `nowMs` (the scanner's clock), allowing
 * `leewaySeconds` of clock difference (the rule book's `scanClockSkewSeconds`). Never throws.
 */
export function verifyHealthToken(token: string, ring: KeyRing, nowMs: number, leewaySeconds = 30): VerifyResult {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, problem: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  const claims = parseJson(p);
  if (!header || !claims || !isClaims(claims)) return { ok: false, problem: 'malformed' };
  const seen: HealthTokenClaims = { sub: claims.sub, st: claims.st, nm: claims.nm, iat: claims.iat, exp: claims.exp };
  if (typeof claims.id === 'string') seen.id = claims.id;
  if (typeof claims.px === 'string') seen.px = claims.px;
  if (typeof claims.nbf === 'number') seen.nbf = claims.nbf;
  if (claims.pc === 1) seen.pc = 1;
  if (header.alg !== 'ES256') return { ok: false, problem: 'bad-signature', claims: seen };
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const key = ring.get(kid);
  if (!key) return { ok: false, problem: 'unknown-key', claims: seen };
  let good: boolean;
  try {
    const signature = fromBase64Url(s);
    good = signature.length === 64 && p256.verify(signature, asciiBytes(`${h}.${p}`), key, { lowS: false });
  } catch {
    good = false;
  }
  if (!good) return { ok: false, problem: 'bad-signature', claims: seen };
  const timing = tokenTimeProblem(seen, nowMs, leewaySeconds);
  if (timing) return { ok: false, problem: timing, claims: seen };
  return { ok: true, claims: seen, kid };
}

/**
 * Verifies any compact ES256 JWS signed with a key of the ring (the status list): its header and
 * claims, or why not. Never throws.
 */
export function verifyJws(
  token: string,
  ring: KeyRing,
):
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; problem: 'malformed' | 'bad-signature' | 'unknown-key' } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, problem: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  const claims = parseJson(p);
  if (!header || !claims) return { ok: false, problem: 'malformed' };
  if (header.alg !== 'ES256') return { ok: false, problem: 'bad-signature' };
  const key = ring.get(typeof header.kid === 'string' ? header.kid : '');
  if (!key) return { ok: false, problem: 'unknown-key' };
  try {
    const signature = fromBase64Url(s);
    if (signature.length === 64 && p256.verify(signature, asciiBytes(`${h}.${p}`), key, { lowS: false })) {
      return { ok: true, header, claims };
    }
  } catch {
    // a broken signature is a bad one
  }
  return { ok: false, problem: 'bad-signature' };
}
