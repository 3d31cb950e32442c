import * as z from 'zod';
import { SensitiveConsent } from './privacy';
import { VerificationView } from './health-disputes';
import { EXPOSURES, RELATIONS, SYMPTOMS } from './health-labels';
import { HealthColour, Id, IdNumber, PersonName, Phone, PlaceId, Reason, Temperature } from './health-base';

export * from './health-base';
export * from './health-labels';
export * from './health-scans';
export * from './health-disputes';
export * from './health-appeals';
export * from './health-rulebook';
export * from './health-audit';
export * from './health-status-list';

/** Health code: registration, daily declaration, status, the signed QR, scans, officials' review. */

export const Symptom = z.enum(SYMPTOMS);
export type Symptom = z.infer<typeof Symptom>;

/** Contact in the last 14 days with a confirmed or suspected case. */
export const Exposure = z.enum(EXPOSURES);
export type Exposure = z.infer<typeof Exposure>;

export const Relation = z.enum(RELATIONS);
export type Relation = z.infer<typeof Relation>;

export const RegisterRequest = z.object({
  name: PersonName,
  idNumber: IdNumber,
  phone: Phone,
  community: PlaceId,
  ...SensitiveConsent.shape,
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const FamilyAddRequest = z.object({
  name: PersonName,
  idNumber: IdNumber,
  relation: Relation.exclude(['self']),
  ...SensitiveConsent.shape,
});
export type FamilyAddRequest = z.infer<typeof FamilyAddRequest>;

export const StatusView = z.object({
  colour: HealthColour,
  /** Why it has this colour, for the resident. */
  reason: z.string(),
  since: z.string(),
  /** Consecutive normal daily declarations while yellow. */
  normalStreak: z.number(),
  /** When (and how) it can turn green, in plain words. */
  outlook: z.string(),
  lastDeclarationDate: z.string().optional(),
  redSince: z.string().optional(),
});
export type StatusView = z.infer<typeof StatusView>;

export const ResidentView = z.object({
  residentId: z.string(),
  relation: Relation,
  maskedName: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().optional(),
  community: z.string(),
  status: StatusView,
  declaredToday: z.boolean(),
});
export type ResidentView = z.infer<typeof ResidentView>;

export const HouseholdResponse = z.object({ residents: z.array(ResidentView) });
export type HouseholdResponse = z.infer<typeof HouseholdResponse>;

export const ResidentResponse = z.object({ resident: ResidentView });
/**
 * A registration's answer: the resident (201 created, 200 a retry), or, when the ID number needs
 * an official's check, `verification` (202) — the same answer whoever holds the number.
 */
export const RegisterResponse = z.object({
  resident: ResidentView.optional(),
  verification: VerificationView.optional(),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** One pre-signed token of the offline bundle: valid from `notBefore` until `expiresAt` (one window). */
export const CodeWindowToken = z.object({ token: z.string(), notBefore: z.string(), expiresAt: z.string() });
export type CodeWindowToken = z.infer<typeof CodeWindowToken>;

export const CodeResponse = z.object({
  /** The token of the current window (also `tokens[0]`). */
  token: z.string(),
  colour: HealthColour,
  maskedName: z.string(),
  /** The masked ID number (`2108**********0026`), also in the token for staff to compare. */
  idMasked: z.string(),
  /** A family member's code (家人代办码): the proxy account holder's masked name. */
  proxyName: z.string().optional(),
  /** When the server signed the bundle: the status it carries is as of then. */
  issuedAt: z.string(),
  /** The end of the current window (`tokens[0].expiresAt`). */
  expiresAt: z.string(),
  kid: z.string(),
  /**
   * The offline bundle: the current window's token, then the next windows' in order, each with
   * its own not-before and expiry; the app keeps them and shows the current one without network.
   */
  tokens: z.array(CodeWindowToken).min(1),
});
export type CodeResponse = z.infer<typeof CodeResponse>;

export const DeclareRequest = z.object({
  residentId: Id,
  temperature: Temperature,
  symptoms: z
    .array(Symptom)
    .max(7)
    .refine((s) => new Set(s).size === s.length, '症状不能重复'),
  /** Provinces or cities travelled in the last 14 days, e.g. `湖北省武汉市`. */
  travel: z.array(z.string().trim().min(2, '地名至少 2 个字').max(30, '地名过长')).max(20, '最多填写 20 个地方'),
  contact: Exposure,
});
export type DeclareRequest = z.infer<typeof DeclareRequest>;

export const Finding = z.enum(['normal', 'yellow', 'red']);
export const DeclarationView = z.object({
  date: z.string(),
  at: z.string(),
  temperature: z.number(),
  symptoms: z.array(Symptom),
  travel: z.array(z.string()),
  contact: Exposure,
  finding: Finding,
  findingText: z.string(),
});
export type DeclarationView = z.infer<typeof DeclarationView>;

export const DeclareResponse = z.object({ declaration: DeclarationView, resident: ResidentView });

export const AuditRow = z.object({
  at: z.string(),
  from: HealthColour,
  to: HealthColour,
  by: z.enum(['rule', 'official']),
  reason: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const ResidentDetailResponse = z.object({
  resident: ResidentView,
  audit: z.array(AuditRow),
  declarations: z.array(DeclarationView),
  /** Where the next page of each starts (healthResidentHistory); absent when this is all. */
  auditCursor: z.string().optional(),
  declarationsCursor: z.string().optional(),
});
export type ResidentDetailResponse = z.infer<typeof ResidentDetailResponse>;

export const StatusChangeRequest = z.object({ colour: HealthColour, reason: Reason, appealId: Id.optional() });
export type StatusChangeRequest = z.infer<typeof StatusChangeRequest>;

export const LookupRequest = z.object({ idNumber: IdNumber });
export const LookupResponse = z.object({ residentId: z.string(), resident: ResidentView });
