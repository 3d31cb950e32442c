import type { CodeResponse, HealthColour, Relation } from '@citycare/contract';

/**
 * The offline code, as the app keeps it: the bundle of pre-signed tokens of one resident's code
 * (GET /health/residents/{residentId}/code) and what to show from it at a given time. Pure (no
 * Taro, no clock: time is an argument), so it is unit-tested in Node.
 */

export interface StoredCode {
  residentId: string;
  relation: Relation;
  maskedName: string;
  idMasked: string;
  proxyName?: string;
  colour: HealthColour;
  /** When the server signed the bundle (its status is as of then). */
  issuedAt: string;
  /**
   * The server's clock minus this phone's when the bundle arrived, in ms: windows are chosen on
   * the server's time, so a phone whose clock is a few minutes off still shows the code a
   * scanner with the right time accepts.
   */
  offsetMs: number;
  /** The windows' tokens, in order. */
  tokens: { token: string; notBefore: string; expiresAt: string }[];
}

/** What the code card shows at a time. */
export type CodeShown =
  /** The token of the window holding `at`; `last` is when the whole bundle ends. */
  | { kind: 'token'; token: string; expiresAt: number; last: number; index: number }
  /** Every window has passed (or the phone's clock is before the first one): no QR, go online. */
  | { kind: 'used-up' }
  | { kind: 'early' };

/** The stored form of a code answer received at `receivedAtMs` (this phone's clock). */
export function toStored(
  answer: CodeResponse,
  resident: { residentId: string; relation: Relation },
  receivedAtMs: number,
): StoredCode {
  return {
    residentId: resident.residentId,
    relation: resident.relation,
    maskedName: answer.maskedName,
    idMasked: answer.idMasked,
    ...(answer.proxyName ? { proxyName: answer.proxyName } : {}),
    colour: answer.colour,
    issuedAt: answer.issuedAt,
    offsetMs: Date.parse(answer.issuedAt) - receivedAtMs,
    tokens: answer.tokens.map(({ token, notBefore, expiresAt }) => ({ token, notBefore, expiresAt })),
  };
}

/** The server's time now, as far as this bundle knows it. */
export function serverNow(code: StoredCode, phoneNowMs: number): number {
  return phoneNowMs + code.offsetMs;
}

/** The token to show at `atMs` (server time): the one whose window holds it, else why there is none. */
export function pickCode(code: StoredCode, atMs: number): CodeShown {
  const last = code.tokens.at(-1);
  const first = code.tokens[0];
  if (!first || !last || atMs >= Date.parse(last.expiresAt)) return { kind: 'used-up' };
  if (atMs < Date.parse(first.notBefore)) return { kind: 'early' };
  const index = code.tokens.findIndex((t) => atMs >= Date.parse(t.notBefore) && atMs < Date.parse(t.expiresAt));
  const t = code.tokens[index];
  // A gap between windows cannot come from the server; treat it as no valid code.
  if (!t) return { kind: 'used-up' };
  return { kind: 'token', token: t.token, expiresAt: Date.parse(t.expiresAt), last: Date.parse(last.expiresAt), index };
}

/** Whole minutes since the bundle's status was read (0 for under a minute; never negative). */
export function statusAgeMinutes(code: StoredCode, atMs: number): number {
  return Math.max(0, Math.floor((atMs - Date.parse(code.issuedAt)) / 60_000));
}

/**
 * Whether to ask for a new bundle: none shown, or the shown token ends within `beforeMs`, and
 * no attempt was made yet for this window (`triedFor` is the expiry of the window last tried
 * for). So an idle page asks at most once per window, online or not.
 */
export function refreshDue(shown: CodeShown | undefined, atMs: number, beforeMs: number, triedFor: number): boolean {
  if (!shown || shown.kind !== 'token') return false;
  return shown.expiresAt - atMs <= beforeMs && triedFor !== shown.expiresAt;
}
