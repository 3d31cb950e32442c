import jwt from 'jsonwebtoken';
import { asPlaceClaims, PLACE_TOKEN_TYPE, type PlaceClaims, type PlaceCodeProblem } from '@citycare/contract';
import { ALG, signingKey, type KeySet } from './tokens';

/**
 * Signed place codes (contract/src/health-place.ts): signed with the health-code key that signs
 * now, verified against every key of the set (the JWKS). Pure but for the signature itself.
 */

export interface PlaceToSign {
  id: string;
  name: string;
  kind: string;
  community?: string;
  district?: string;
}

export function signPlaceToken(keys: KeySet, place: PlaceToSign, now: Date): { token: string; kid: string } {
  const claims: PlaceClaims = {
    t: PLACE_TOKEN_TYPE,
    sub: place.id,
    k: place.kind,
    n: place.name,
    ...(place.community ? { c: place.community } : {}),
    ...(place.district ? { d: place.district } : {}),
    iat: Math.floor(now.getTime() / 1000),
  };
  const key = signingKey(keys, now);
  return { token: jwt.sign(claims, key.privateKey, { algorithm: ALG, keyid: key.kid }), kid: key.kid };
}

export type PlaceCheck = { ok: true; claims: PlaceClaims } | { ok: false; problem: PlaceCodeProblem };

/**
 * The server's check of a scanned place code. A bare id or an old `citycare:place:<id>` text is
 * `unsigned`; a health-code token or anything without the place claims is `malformed`. Never throws.
 */
export function verifyPlaceToken(keys: KeySet, text: string): PlaceCheck {
  const token = text.trim();
  if (token.split('.').length !== 3) return { ok: false, problem: token.includes('.') ? 'malformed' : 'unsigned' };
  const decoded = jwt.decode(token, { complete: true });
  const shape = decoded && typeof decoded.payload === 'object' && !Array.isArray(decoded.payload);
  if (!shape || !asPlaceClaims(decoded.payload as Record<string, unknown>)) return { ok: false, problem: 'malformed' };
  const key = [keys.current, ...keys.previous].find((k) => k.kid === decoded.header.kid)?.publicKey;
  if (!key) return { ok: false, problem: 'unknown-key' };
  try {
    const payload = jwt.verify(token, key, { algorithms: [ALG], ignoreExpiration: true, ignoreNotBefore: true });
    const claims = typeof payload === 'object' ? asPlaceClaims(payload as Record<string, unknown>) : undefined;
    return claims ? { ok: true, claims } : { ok: false, problem: 'malformed' };
  } catch (err) {
    return { ok: false, problem: (err as Error).message.includes('signature') ? 'bad-signature' : 'malformed' };
  }
}
