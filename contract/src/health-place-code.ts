/**
 * Plain data, no zod: the mini-program imports this file at run time
 * (`@citycare/contract/src/health-place-code`); health-place.ts has the routes' schemas.
 *
 * Signed place codes (场所码). A place's QR carries a JWT signed ES256 with the health-code keys
 * (the same JWKS as the codes): header `kid`, claims `t: 'place'` (so a health code never passes
 * for a place code, nor the other way), `sub` (the place id), `k` (its kind), `n` (its name),
 * `c` (its community) or `d` (its district, for a company gate), `iat`. It does not expire: a
 * poster stays up until the key that signed it is retired from the JWKS (reprint after rotation).
 * The resident's app verifies it offline before recording a visit; the server verifies it again.
 */

export const PLACE_TOKEN_TYPE = 'place';

export interface PlaceClaims {
  t: typeof PLACE_TOKEN_TYPE;
  sub: string;
  k: string;
  n: string;
  c?: string;
  d?: string;
  iat: number;
}

/** The claims of a place token, when they have the place code's shape; undefined otherwise. */
export function asPlaceClaims(value: Record<string, unknown>): PlaceClaims | undefined {
  const { t, sub, k, n, c, d, iat } = value;
  const ok =
    t === PLACE_TOKEN_TYPE &&
    typeof sub === 'string' &&
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(sub) &&
    typeof k === 'string' &&
    typeof n === 'string' &&
    n.length > 0 &&
    (c === undefined || typeof c === 'string') &&
    (d === undefined || typeof d === 'string') &&
    typeof iat === 'number';
  if (!ok) return undefined;
  return { t, sub, k, n, iat, ...(c ? { c } : {}), ...(d ? { d } : {}) };
}

/** Why a scanned text is not a place code the app or the server accepts. */
export type PlaceCodeProblem = 'unsigned' | 'malformed' | 'unknown-key' | 'bad-signature';

export const PLACE_CODE_PROBLEM_TEXT: Record<PlaceCodeProblem, string> = {
  unsigned: '这是旧版（未签名）的场所码，已停用，未登记。请扫描场所张贴的新场所码',
  malformed: '这不是有效的场所码，未登记',
  'unknown-key': '无法核验这个场所码（签发密钥未知），请联网后再扫，未登记',
  'bad-signature': '场所码核验失败，可能是伪造的，未登记。请告知工作人员',
};

/** How a place's kind is shown on its poster and in the app. */
export const PLACE_KIND_LABELS: Record<string, string> = {
  checkpoint: '卡点',
  station: '车站',
  shop: '商超',
  bus: '公交车',
  taxi: '出租车',
  'ride-hailing': '网约车',
  clinic: '医疗机构',
  company: '企业门岗',
};

export const placeKindLabel = (kind: string) => PLACE_KIND_LABELS[kind] ?? '场所';
