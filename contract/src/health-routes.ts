import * as z from 'zod';
import type { RouteDef } from './route-def';
import { JwksResponse, RiskAreaChangeRequest, RuleBookResponse } from './health-rulebook';
import {
  AppealCloseRequest,
  AppealRequest,
  AppealResponse,
  AppealsResponse,
  MyAppealsResponse,
} from './health-appeals';
import { DisputeResolveRequest, DisputeResponse, DisputesResponse } from './health-disputes';
import { AuditLogQuery, AuditLogResponse } from './health-audit';
import { PaperCodeRequest, PaperCodeResponse, StatusListQuery, StatusListResponse } from './health-status-list';
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
import {
  RegisterRequest,
  FamilyAddRequest,
  HouseholdResponse,
  RegisterResponse,
  CodeResponse,
  DeclareRequest,
  DeclareResponse,
  ResidentDetailResponse,
  StatusChangeRequest,
  LookupRequest,
  LookupResponse,
} from './health';

/** The health code's routes (the schemas are in health.ts and its health-*.ts parts). */
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
