import * as z from 'zod';
import { HealthColour, Reason } from './health-base';

/** The keys scanners verify codes with, and the rule book residents read (numbers, risk areas, pass rules). */

export const Jwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
});
export const JwksResponse = z.object({ keys: z.array(Jwk) });
export type JwksResponse = z.infer<typeof JwksResponse>;

export const RiskArea = z.object({ region: z.string(), note: z.string(), since: z.string() });
export type RiskArea = z.infer<typeof RiskArea>;
export const PassRule = z.object({ colour: HealthColour, pass: z.boolean(), text: z.string() });
export const RuleBookResponse = z.object({
  feverCelsius: z.number(),
  yellowNormalDays: z.number(),
  redMinDays: z.number(),
  tokenTtlSeconds: z.number(),
  /** The offline code: tokens for this many windows of `tokenTtlSeconds` come with each code. */
  codeWindows: z.number(),
  /** A scanner accepts a code this many seconds before its window starts and after it ends (clocks differ). */
  scanClockSkewSeconds: z.number(),
  /** Scans made offline are accepted this many hours after they were made, not later. */
  offlineWindowHours: z.number(),
  /** Family members (家人代办) one account may look after. */
  maxFamilyMembers: z.number(),
  /** Scanners fetch the signed status list again after this many seconds (online). */
  statusListRefreshSeconds: z.number(),
  /** Scanners use their cached keys and status list offline this many days; later, results are 未能核验. */
  scannerOfflineDays: z.number(),
  /** A paper code (纸质码) is valid this many days. */
  paperCodeDays: z.number(),
  /** The most a code on show can lag its resident's status (the whole chain), in minutes. */
  statusMaxStalenessMinutes: z.number(),
  riskAreas: z.array(RiskArea),
  passRules: z.array(PassRule),
});
export type RuleBookResponse = z.infer<typeof RuleBookResponse>;

export const RiskAreaChangeRequest = z.object({
  action: z.enum(['add', 'remove']),
  region: z.string().trim().min(2, '地区名至少 2 个字').max(30, '地区名过长'),
  note: z.string().trim().max(100, '说明请控制在 100 字以内').default(''),
  reason: Reason,
});
