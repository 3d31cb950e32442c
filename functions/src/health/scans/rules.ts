import {
  maskName,
  maskPhone,
  passRule,
  scanDecision,
  superseded,
  tokenTimeProblem,
  type HealthColour,
  type OutsiderRequest,
  type ScanReason,
  type ScanRefusal,
  type ScanUpload,
  type VerifyProblem,
} from '@citycare/contract';
import type { RecordItem } from '../items';
import type { HealthClaims } from '../tokens';

/**
 * How the server judges an uploaded scan (POST /health/scans). Pure: the token's signature
 * check, the clocks and the rule book are passed in. A scan is accepted only when its token
 * verifies and its time is believable: inside the token's validity, from its window's start
 * (`nbf`) to its expiry (with a small clock skew, the scanner's own rule `tokenTimeProblem`),
 * not in the future, and uploaded within the offline window. The verdict (result and reason) is
 * the server's own, computed from the token's colour, the temperature and the place, and a
 * token issued before its resident's latest status change (the status list's `changes`) stops
 * (`superseded`); what the scanner showed is never trusted.
 */

export interface ScanJudgeRules {
  feverCelsius: number;
  scanClockSkewSeconds: number;
  offlineWindowHours: number;
}

export type SignatureCheck = { ok: true; claims: HealthClaims } | { ok: false; problem: VerifyProblem };

export type ScanJudgement =
  | { ok: true; claims: HealthClaims; result: 'pass' | 'stop'; reason: ScanReason }
  | { ok: false; refused: ScanRefusal; message: string };

export const REFUSAL_TEXT: Record<ScanRefusal, string> = {
  expired: '健康码已过期',
  'bad-signature': '签名不对，可能是伪造的健康码，未记录',
  'unknown-key': '签发密钥无法识别，未记录',
  malformed: '不是有效的健康码，未记录',
  'outside-validity': '扫码时间不在该健康码的有效期内，未记录',
  future: '扫码时间晚于当前时间，请检查设备时钟，未记录',
  'too-late': '离线记录超过上传期限，未记录',
};

const refuse = (refused: ScanRefusal): ScanJudgement => ({ ok: false, refused, message: REFUSAL_TEXT[refused] });

export function judgeScan(
  scan: { scannedAt: string; temperature?: number },
  signature: SignatureCheck,
  placeKind: string,
  nowMs: number,
  rules: ScanJudgeRules,
  changes: Record<string, number> = {},
): ScanJudgement {
  const at = Date.parse(scan.scannedAt);
  const skewMs = rules.scanClockSkewSeconds * 1000;
  if (!Number.isFinite(at)) return refuse('malformed');
  if (at > nowMs + skewMs) return refuse('future');
  if (nowMs - at > rules.offlineWindowHours * 3600_000) return refuse('too-late');
  if (!signature.ok) {
    const { problem } = signature;
    return refuse(problem === 'expired' || problem === 'not-yet-valid' ? 'outside-validity' : problem);
  }
  if (tokenTimeProblem(signature.claims, at, rules.scanClockSkewSeconds)) return refuse('outside-validity');
  const decision = scanDecision(
    { ok: true, colour: signature.claims.st, superseded: superseded(signature.claims, changes, at + skewMs) },
    scan.temperature,
    rules.feverCelsius,
    placeKind,
  );
  return { ok: true, claims: signature.claims, result: decision.result, reason: decision.reason };
}

/** Where a record is made, and by whom. */
export interface RecordPlace {
  place: { id: string; name: string; kind: string };
  recordedBy: string;
}

/** What is kept of an accepted scan: the server's verdict, and what the scanner showed beside it. */
export function scanRecord(
  s: ScanUpload,
  judged: Extract<ScanJudgement, { ok: true }>,
  { place, recordedBy }: RecordPlace,
): RecordItem {
  return {
    kind: 'scan',
    id: s.scanId,
    at: new Date(s.scannedAt).toISOString(),
    placeId: place.id,
    placeName: place.name,
    codeId: judged.claims.sub,
    colour: judged.claims.st,
    maskedName: judged.claims.nm,
    result: judged.result,
    reason: judged.reason,
    clientResult: s.result,
    clientReason: s.reason,
    temperature: s.temperature,
    recordedBy,
  };
}

/** A resident's visit to a place (a place code scanned by the resident), judged by the pass rules. */
export function visitRecord(
  visitId: string,
  resident: { codeId: string; colour: HealthColour; maskedName: string },
  { place, recordedBy }: RecordPlace,
  at: string,
) {
  const rule = passRule(resident.colour, place.kind);
  const record: RecordItem = {
    kind: 'visit',
    id: visitId,
    at,
    placeId: place.id,
    placeName: place.name,
    codeId: resident.codeId,
    colour: resident.colour,
    maskedName: resident.maskedName,
    result: rule.pass ? 'pass' : 'stop',
    reason: rule.pass ? 'ok' : 'colour',
    recordedBy,
  };
  return { record, rule };
}

/** 对外来人员登记: the full name and phone are kept for tracing; everyone else sees them masked. */
export function outsiderRecord(o: OutsiderRequest, { place, recordedBy }: RecordPlace, at: string): RecordItem {
  return {
    kind: 'outsider',
    id: o.outsiderId,
    at,
    placeId: place.id,
    placeName: place.name,
    maskedName: maskName(o.name),
    result: o.decision === 'through' ? 'pass' : 'stop',
    temperature: o.temperature,
    recordedBy,
    outsider: {
      fullName: o.name,
      phone: o.phone,
      phoneMasked: maskPhone(o.phone),
      origin: o.origin,
      reason: o.reason,
      decision: o.decision,
    },
  };
}
