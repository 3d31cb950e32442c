import { rsaVerify, signedMessage } from './crypto';

/**
 * Verification of what WeChat Pay signs — its answers and its notifications alike: the
 * `Wechatpay-Signature` header is SHA256withRSA over `timestamp\nnonce\nbody\n`, made with the
 * WeChat Pay key whose id is in `Wechatpay-Serial`. An unknown id is refused (never "try every
 * key"), and so is a timestamp more than five minutes from our clock.
 */

/** WeChat Pay public keys by id (`PUB_KEY_ID_…`); more than one while a new key is rolled in. */
export type PublicKeys = ReadonlyMap<string, string>;

export type SignatureRefusal = 'MISSING_HEADERS' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

/** Headers as Node, fetch or API Gateway hand them over; names are matched case-insensitively. */
export type HeaderSource = Headers | Record<string, string | undefined>;

export function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export const MAX_SKEW_SECONDS = 300;

export function verifySignature(
  headers: HeaderSource,
  body: string,
  keys: PublicKeys,
  now: Date,
): SignatureRefusal | undefined {
  const timestamp = header(headers, 'Wechatpay-Timestamp');
  const nonce = header(headers, 'Wechatpay-Nonce');
  const signature = header(headers, 'Wechatpay-Signature');
  const serial = header(headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) return 'MISSING_HEADERS';
  const key = keys.get(serial);
  if (!key) return 'UNKNOWN_SERIAL';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
    return 'STALE_TIMESTAMP';
  }
  return rsaVerify(key, signedMessage(timestamp, nonce, body), signature) ? undefined : 'BAD_SIGNATURE';
}
