import * as z from 'zod';
import { SensitiveConsent } from './privacy';
import { HealthColour, Id, Iso, PersonName, Phone, PlaceId, Reason, Temperature } from './health-base';

/** Scans at checkpoints, venues and vehicles; visits; outsiders; officials' tracing. */

/** Why a scanner stopped someone (besides their colour). */
export const VerifyProblem = z.enum(['expired', 'not-yet-valid', 'bad-signature', 'unknown-key', 'malformed']);
export type VerifyProblem = z.infer<typeof VerifyProblem>;
export const ScanReason = z.enum([
  'ok',
  'colour',
  'fever',
  'expired',
  'not-yet-valid',
  'bad-signature',
  'unknown-key',
  'malformed',
  'superseded',
]);
export type ScanReason = z.infer<typeof ScanReason>;

/**
 * A scan as the scanner made it. `result` and `reason` are what its screen showed: kept for audit
 * only; the server judges the scan again from the token, the temperature and the rule book.
 */
export const ScanUpload = z.object({
  scanId: Id,
  scannedAt: Iso,
  token: z.string().min(1).max(2000),
  temperature: Temperature.optional(),
  result: z.enum(['pass', 'stop']).optional(),
  reason: ScanReason.optional(),
});
export type ScanUpload = z.infer<typeof ScanUpload>;
export const ScansUploadRequest = z.object({
  placeId: PlaceId,
  scans: z.array(ScanUpload).min(1, '没有要上传的记录').max(50, '一次最多上传 50 条'),
});
export type ScansUploadRequest = z.infer<typeof ScansUploadRequest>;
/** Why the server refused to store an uploaded scan. */
export const ScanRefusal = z.enum([
  'expired',
  'bad-signature',
  'unknown-key',
  'malformed',
  'outside-validity',
  'future',
  'too-late',
]);
export type ScanRefusal = z.infer<typeof ScanRefusal>;
export const ScanUploadResult = z.object({
  scanId: z.string(),
  /** False for a duplicate (already stored) and for a refused scan. */
  stored: z.boolean(),
  /** The server's verdict of an accepted scan. */
  result: z.enum(['pass', 'stop']).optional(),
  reason: ScanReason.optional(),
  /** Why the scan was refused (nothing was stored for it), with a message for staff. */
  refused: ScanRefusal.optional(),
  message: z.string().optional(),
});
export type ScanUploadResult = z.infer<typeof ScanUploadResult>;
export const ScansUploadResponse = z.object({
  stored: z.number(),
  duplicates: z.number(),
  refused: z.number(),
  results: z.array(ScanUploadResult),
});
export type ScansUploadResponse = z.infer<typeof ScansUploadResponse>;

export const ScanRow = z.object({
  at: z.string(),
  placeId: z.string(),
  placeName: z.string(),
  kind: z.enum(['scan', 'visit', 'outsider']),
  colour: HealthColour.optional(),
  maskedName: z.string(),
  result: z.enum(['pass', 'stop']),
  reason: ScanReason.optional(),
  temperature: z.number().optional(),
  residentId: z.string().optional(),
});
export type ScanRow = z.infer<typeof ScanRow>;
export const ScansResponse = z.object({ scans: z.array(ScanRow) });

/**
 * A visit: the place's signed code as scanned (`placeToken`, see health-place.ts), never a bare
 * place id; the server verifies it and takes the place from it.
 */
export const VisitRequest = z.object({
  visitId: Id,
  placeToken: z.string().trim().min(1, '请扫描场所码').max(2000, '场所码过长'),
  residentId: Id,
});
export const VisitResponse = z.object({
  place: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  colour: HealthColour,
  pass: z.boolean(),
  rule: z.string(),
  at: z.string(),
});
export type VisitResponse = z.infer<typeof VisitResponse>;

export const OutsiderRequest = z.object({
  outsiderId: Id,
  placeId: PlaceId,
  name: PersonName,
  phone: Phone,
  origin: z.string().trim().min(2, '请填写从哪里来').max(40, '来源地过长'),
  reason: z.string().trim().min(2, '请填写来访事由').max(100, '事由请控制在 100 字以内'),
  temperature: Temperature,
  decision: z.enum(['through', 'turned-back']),
  ...SensitiveConsent.shape,
});
export type OutsiderRequest = z.infer<typeof OutsiderRequest>;
export const OutsiderView = z.object({
  outsiderId: z.string(),
  at: z.string(),
  maskedName: z.string(),
  phoneMasked: z.string(),
  origin: z.string(),
  reason: z.string(),
  temperature: z.number(),
  decision: z.enum(['through', 'turned-back']),
});
export type OutsiderView = z.infer<typeof OutsiderView>;
export const OutsiderResponse = z.object({ outsider: OutsiderView });
export const OutsidersResponse = z.object({ outsiders: z.array(OutsiderView) });

/** The longest span one place trace may ask for, in hours. */
export const TRACE_MAX_HOURS = 72;
/**
 * Who was at a place from `from` to `to`. The server also refuses a range that starts in the
 * future or before the oldest record it still keeps (records expire after 28 days).
 */
export const TracePlaceRequest = z
  .object({ placeId: PlaceId, from: Iso, to: Iso, reason: Reason })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: '开始时间应早于结束时间', path: ['to'] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= TRACE_MAX_HOURS * 3600 * 1000, {
    message: `一次最多查询 ${TRACE_MAX_HOURS} 小时`,
    path: ['to'],
  });
export const TraceResidentRequest = z.object({ residentId: Id, reason: Reason });
export const TraceResponse = z.object({ scans: z.array(ScanRow), auditId: z.string() });
export type TraceResponse = z.infer<typeof TraceResponse>;
