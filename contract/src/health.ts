import * as z from 'zod';
import type { RouteDef } from './route-def';
import { SensitiveConsent } from './privacy';
import { JwksResponse, RiskAreaChangeRequest, RuleBookResponse } from './health-rulebook';
import {
  AppealCloseRequest,
  AppealRequest,
  AppealResponse,
  AppealsResponse,
  MyAppealsResponse,
} from './health-appeals';
import { DisputeResolveRequest, DisputeResponse, DisputesResponse, VerificationView } from './health-disputes';
import { AuditLogQuery, AuditLogResponse } from './health-audit';
import { PaperCodeRequest, PaperCodeResponse, StatusListQuery, StatusListResponse } from './health-status-list';
import { EXPOSURES, RELATIONS, SYMPTOMS } from './health-labels';
import { HealthColour, Id, IdNumber, PersonName, Phone, PlaceId, Reason, Temperature } from './health-base';
import {
  OutsiderRequest,
  OutsiderResponse,
  OutsidersResponse,
  ScansResponse,
  ScansUploadRequest,
  ScansUploadResponse,
  TracePlaceRequest,
  TraceResidentRequest,
  TraceResponse,
  VisitRequest,
  VisitResponse,
} from './health-scans';

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

export const healthRoutes = {
  healthKeys: { method: 'GET', path: '/health/keys', auth: false, response: JwksResponse },
  healthRules: { method: 'GET', path: '/health/rules', auth: false, response: RuleBookResponse },
  healthChangeRiskArea: {
    method: 'POST',
    path: '/health/rules/risk-areas',
    auth: true,
    body: RiskAreaChangeRequest,
    response: RuleBookResponse,
  },
  healthHousehold: { method: 'GET', path: '/health/me', auth: true, response: HouseholdResponse },
  healthRegister: {
    method: 'POST',
    path: '/health/register',
    auth: true,
    body: RegisterRequest,
    response: RegisterResponse,
  },
  healthAddFamily: {
    method: 'POST',
    path: '/health/family',
    auth: true,
    body: FamilyAddRequest,
    response: RegisterResponse,
  },
  healthRemoveFamily: {
    method: 'DELETE',
    path: '/health/family/{residentId}',
    auth: true,
    response: z.object({ removed: z.string() }),
  },
  healthCode: { method: 'GET', path: '/health/residents/{residentId}/code', auth: true, response: CodeResponse },
  healthResident: {
    method: 'GET',
    path: '/health/residents/{residentId}',
    auth: true,
    response: ResidentDetailResponse,
  },
  healthDeclare: {
    method: 'POST',
    path: '/health/declarations',
    auth: true,
    body: DeclareRequest,
    response: DeclareResponse,
  },
  healthMyScans: { method: 'GET', path: '/health/residents/{residentId}/scans', auth: true, response: ScansResponse },
  healthAppeal: { method: 'POST', path: '/health/appeals', auth: true, body: AppealRequest, response: AppealResponse },
  healthAppeals: { method: 'GET', path: '/health/appeals', auth: true, response: AppealsResponse },
  healthMyAppeals: {
    method: 'GET',
    path: '/health/residents/{residentId}/appeals',
    auth: true,
    response: MyAppealsResponse,
  },
  healthDisputes: { method: 'GET', path: '/health/disputes', auth: true, response: DisputesResponse },
  healthResolveDispute: {
    method: 'POST',
    path: '/health/disputes/{disputeId}',
    auth: true,
    body: DisputeResolveRequest,
    response: DisputeResponse,
  },
  healthCloseAppeal: {
    method: 'POST',
    path: '/health/appeals/{appealId}/close',
    auth: true,
    body: AppealCloseRequest,
    response: AppealResponse,
  },
  healthSetStatus: {
    method: 'POST',
    path: '/health/residents/{residentId}/status',
    auth: true,
    body: StatusChangeRequest,
    response: ResidentDetailResponse,
  },
  healthLookup: { method: 'POST', path: '/health/lookup', auth: true, body: LookupRequest, response: LookupResponse },
  healthUploadScans: {
    method: 'POST',
    path: '/health/scans',
    auth: true,
    body: ScansUploadRequest,
    response: ScansUploadResponse,
  },
  healthVisit: { method: 'POST', path: '/health/visits', auth: true, body: VisitRequest, response: VisitResponse },
  healthAddOutsider: {
    method: 'POST',
    path: '/health/outsiders',
    auth: true,
    body: OutsiderRequest,
    response: OutsiderResponse,
  },
  healthOutsiders: {
    method: 'GET',
    path: '/health/places/{placeId}/outsiders',
    auth: true,
    response: OutsidersResponse,
  },
  healthTracePlace: {
    method: 'POST',
    path: '/health/trace/place',
    auth: true,
    body: TracePlaceRequest,
    response: TraceResponse,
  },
  healthTraceResident: {
    method: 'POST',
    path: '/health/trace/resident',
    auth: true,
    body: TraceResidentRequest,
    response: TraceResponse,
  },
  /** Officials' audit log, newest first, filtered by official and/or resident; reading it is audited. */
  healthAuditLog: {
    method: 'GET',
    path: '/health/audit',
    auth: true,
    query: AuditLogQuery,
    response: AuditLogResponse,
  },
  /** The signed status list beside the JWKS: codes whose status changed since a time. Public, cacheable. */
  healthStatusList: {
    method: 'GET',
    path: '/health/status-list',
    auth: false,
    query: StatusListQuery,
    response: StatusListResponse,
  },
  /** A paper code (纸质码) for a resident without a phone: community workers (their community) and officials; audited. */
  healthPaperCode: {
    method: 'POST',
    path: '/health/paper-codes',
    auth: true,
    body: PaperCodeRequest,
    response: PaperCodeResponse,
  },
} as const satisfies Record<string, RouteDef>;
