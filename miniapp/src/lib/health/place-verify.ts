import { p256 } from '@noble/curves/nist.js';
import { asPlaceClaims, type PlaceClaims, type PlaceCodeProblem } from '@citycare/contract/src/health-place-code';
import { asciiBytes, fromBase64Url, parseJson, type KeyRing } from './verify';

/**
 * Offline check of a scanned place code (场所码) against the cached JWKS, before the app records
 * a visit: ES256 only, a known `kid`, the raw r||s signature (`lowS: false`, as for health codes),
 * and the place claims (`t: 'place'`). A bare place id or an old `citycare:place:<id>` text is
 * `unsigned`: those codes no longer work. Pure, never throws; the server checks again.
 */

export type PlaceVerifyResult =
  { ok: true; claims: PlaceClaims; kid: string } | { ok: false; problem: PlaceCodeProblem };

export function verifyPlaceToken(text: string, ring: KeyRing): PlaceVerifyResult {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return { ok: false, problem: parts.length === 1 ? 'unsigned' : 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  const payload = parseJson(p);
  const claims = payload && asPlaceClaims(payload);
  if (!header || !claims) return { ok: false, problem: 'malformed' };
  if (header.alg !== 'ES256') return { ok: false, problem: 'bad-signature' };
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const key = ring.get(kid);
  if (!key) return { ok: false, problem: 'unknown-key' };
  let good: boolean;
  try {
    const signature = fromBase64Url(s);
    good = signature.length === 64 && p256.verify(signature, asciiBytes(`${h}.${p}`), key, { lowS: false });
  } catch {
    good = false;
  }
  return good ? { ok: true, claims, kid } : { ok: false, problem: 'bad-signature' };
}
