import type { HealthColour, ScanReason, VerifyProblem } from './health';

/**
 * Who may pass where, by colour, and the scanner's decision. Pure; shared by the backend (the
 * rule book, visits) and the mini-program (the offline scanner).
 */

/** Venues where a yellow code may enter: clinics see residents with symptoms. */
const YELLOW_ALLOWED = new Set(['clinic']);

export function passRule(colour: HealthColour, placeKind: string): { pass: boolean; text: string } {
  if (colour === 'green') return { pass: true, text: '绿码：测温正常即可通行' };
  if (colour === 'yellow') {
    return YELLOW_ALLOWED.has(placeKind)
      ? { pass: true, text: '黄码：可进入发热门诊就诊，全程佩戴口罩' }
      : { pass: false, text: '黄码：请居家观察，暂不能通行；如有不适请到发热门诊' };
  }
  return { pass: false, text: '红码：不能通行，请立即联系社区并配合隔离' };
}

export const PROBLEM_TEXT: Record<VerifyProblem, string> = {
  expired: '健康码已过期（截图无效），请让对方刷新后出示',
  'not-yet-valid': '健康码尚未生效（不是当前时段的码），请让对方刷新后出示',
  'bad-signature': '签名不对，可能是伪造的健康码',
  'unknown-key': '无法识别的签发密钥，请联网更新后重试',
  malformed: '不是有效的健康码',
};

/** The times of a code token (epoch seconds): issued, valid from (`nbf`, its window's start), expiry. */
export interface TokenTimes {
  iat: number;
  nbf?: number;
  exp: number;
}

/**
 * Whether a token may be shown at `atMs`, allowing `skewSeconds` of difference between clocks:
 * not before it was issued or before its window starts, not after it expires. Pure; the scanner
 * (offline, its own clock) and the server (an uploaded scan's time) judge by this one rule.
 */
export function tokenTimeProblem(
  times: TokenTimes,
  atMs: number,
  skewSeconds: number,
): 'not-yet-valid' | 'expired' | null {
  const from = Math.max(times.iat, times.nbf ?? times.iat);
  if (atMs < (from - skewSeconds) * 1000) return 'not-yet-valid';
  if (atMs > (times.exp + skewSeconds) * 1000) return 'expired';
  return null;
}

/** `superseded`: the status list says the resident's status changed after the code was issued. */
export type Verified = { ok: true; colour: HealthColour; superseded?: boolean } | { ok: false; problem: VerifyProblem };

export const SUPERSEDED_TEXT = '该码签发后状态已变更，此码作废：请让对方刷新健康码（纸质码请重新打印）';

/** The scanner's verdict: a bad code stops, then a fever, then a colour that may not pass here. */
export function scanDecision(
  verified: Verified,
  temperature: number | undefined,
  feverCelsius: number,
  placeKind: string,
): { result: 'pass' | 'stop'; reason: ScanReason; text: string } {
  if (!verified.ok) return { result: 'stop', reason: verified.problem, text: PROBLEM_TEXT[verified.problem] };
  if (verified.superseded) return { result: 'stop', reason: 'superseded', text: SUPERSEDED_TEXT };
  if (temperature !== undefined && temperature >= feverCelsius) {
    return { result: 'stop', reason: 'fever', text: `体温 ${temperature.toFixed(1)} °C，达到发热标准，请到发热门诊` };
  }
  const rule = passRule(verified.colour, placeKind);
  return { result: rule.pass ? 'pass' : 'stop', reason: rule.pass ? 'ok' : 'colour', text: rule.text };
}
