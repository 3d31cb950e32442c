import { createHash, randomInt } from 'node:crypto';

/**
 * The one way a payment id is made, for every purpose (a grocery order, a group share, a
 * utility bill, a worker's bulk payment). The id is WeChat Pay's `out_trade_no` and
 * `out_refund_no`, so it must be at most 32 characters of `[0-9A-Za-z_-|*]`; it also travels in
 * API paths (the contract's `SafeId`).
 *
 * `newPaymentId`: `P` + the UTC time to the second (yyMMddHHmmss) + 19 random base62 characters
 * (113 bits, `crypto.randomInt`, unbiased) = 32. Ids sort by creation time, and the time is
 * readable in the merchant console when ops look a payment up; the random part makes them
 * unguessable.
 *
 * `paymentIdFor`: the same id for the same parts (a retried request keyed by its
 * Idempotency-Key): `K` + 31 hex characters of SHA-256 over the parts (124 bits) = 32.
 */
export const PAYMENT_ID_LENGTH = 32;
/** What WeChat Pay takes as out_trade_no, and what our ids are a subset of. */
export const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARS = 19;

/** yyMMddHHmmss in UTC. */
function stamp(now: Date): string {
  return now.toISOString().slice(2, 19).replace(/\D/g, '');
}

export function newPaymentId(now: Date = new Date()): string {
  let random = '';
  for (let i = 0; i < RANDOM_CHARS; i++) random += BASE62[randomInt(62)];
  return `P${stamp(now)}${random}`;
}

/** A payment id derived from `parts` (never empty, joined unambiguously): the same parts, the same id. */
export function paymentIdFor(...parts: string[]): string {
  if (parts.length === 0 || parts.some((p) => p === '')) throw new Error('paymentIdFor needs non-empty parts');
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `K${digest.slice(0, PAYMENT_ID_LENGTH - 1)}`;
}

/** When a `newPaymentId` id was made (to the second), or undefined for any other id. */
export function paymentIdTime(id: string): Date | undefined {
  const m = /^P(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})[0-9A-Za-z]{19}$/.exec(id);
  if (!m) return undefined;
  const at = new Date(`20${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
