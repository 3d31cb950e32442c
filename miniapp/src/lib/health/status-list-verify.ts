import { verifyJws, type KeyRing } from './verify';

/**
 * The signed status list (GET /health/status-list), checked by the scanner with the JWKS it
 * verifies codes with. Pure (no Taro): the header must say `citycare-status+jwt` (a code is
 * never taken for a list), the signature must verify, and the claims must be a list.
 */
export const STATUS_LIST_TYP = 'citycare-status+jwt';

export interface StatusListClaims {
  iat: number;
  since: number;
  exp: number;
  /** `[codeId, changedAt]` pairs (epoch seconds). */
  ch: [string, number][];
}

const isPair = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

export function verifyStatusList(
  token: string,
  ring: KeyRing,
): { ok: true; claims: StatusListClaims } | { ok: false; problem: string } {
  const checked = verifyJws(token, ring);
  if (!checked.ok) return checked;
  if (checked.header.typ !== STATUS_LIST_TYP) return { ok: false, problem: 'not-a-list' };
  const c = checked.claims;
  if (
    typeof c.iat !== 'number' ||
    typeof c.since !== 'number' ||
    typeof c.exp !== 'number' ||
    !Array.isArray(c.ch) ||
    !c.ch.every(isPair)
  ) {
    return { ok: false, problem: 'malformed' };
  }
  return { ok: true, claims: { iat: c.iat, since: c.since, exp: c.exp, ch: c.ch } };
}
