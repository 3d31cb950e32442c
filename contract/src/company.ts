import * as z from 'zod';
import { COMPANY_STATES, PLAN_PARTS } from './company-labels';
import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem } from './credit-code';
import { PlaceCodeResponse } from './health-place';
import type { RouteDef } from './route-def';

export * from './company-labels';
export * from './credit-code';

/** 复工复产: companies register, district officials approve or return, the gate gets a place code. */

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}请控制在 ${max} 字以内`);

/** The unified social credit code, upper-cased, its GB 32100 check character verified. */
export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_PROBLEM_TEXT[problem] });
  });

export const PreventionPlan = z.object(
  Object.fromEntries(PLAN_PARTS.map((p) => [p, text(4, 300, '防控措施')])) as Record<
    (typeof PLAN_PARTS)[number],
    ReturnType<typeof text>
  >,
);
export type PreventionPlan = z.infer<typeof PreventionPlan>;

export const DistrictId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '请选择所在区县');

export const CompanyRegistration = z.object({
  name: text(2, 60, '企业名称'),
  creditCode: CreditCode,
  address: text(4, 100, '经营地址'),
  district: DistrictId,
  workforce: z
    .number({ message: '请填写复工人数' })
    .int('人数应为整数')
    .min(1, '复工人数至少 1 人')
    .max(100000, '人数过多，请核对'),
  plan: PreventionPlan,
});
export type CompanyRegistration = z.infer<typeof CompanyRegistration>;

/** A resubmission after a return: everything but the credit code may change. */
export const CompanyResubmission = CompanyRegistration.omit({ creditCode: true });

export const CompanyView = z.object({
  companyId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  address: z.string(),
  district: z.string(),
  workforce: z.number(),
  plan: PreventionPlan,
  state: z.enum(COMPANY_STATES),
  /** Why officials returned it (state `returned`). */
  returnReason: z.string().optional(),
  submittedAt: z.string(),
  decidedAt: z.string().optional(),
  /** The gate's place id, once approved. */
  gatePlaceId: z.string().optional(),
});
export type CompanyView = z.infer<typeof CompanyView>;

export const CompanyResponse = z.object({ company: CompanyView });
export const CompaniesResponse = z.object({ companies: z.array(CompanyView) });
export type CompaniesResponse = z.infer<typeof CompaniesResponse>;

export const CompanyDecision = z
  .object({
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(200, '理由请控制在 200 字以内').optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 4, {
    message: '退回时请写明理由（至少 4 个字）',
    path: ['reason'],
  });

/** One day at the gate: counts only, never who. */
export const GateDay = z.object({ date: z.string(), scans: z.number(), yellow: z.number(), red: z.number() });
export const GateCountsResponse = z.object({ placeId: z.string(), days: z.array(GateDay) });
export type GateCountsResponse = z.infer<typeof GateCountsResponse>;

export const companyRoutes = {
  /** A company representative registers a company (Idempotency-Key required). */
  companyRegister: {
    method: 'POST',
    path: '/company/companies',
    auth: true,
    body: CompanyRegistration,
    response: CompanyResponse,
  },
  companyMine: { method: 'GET', path: '/company/companies', auth: true, response: CompaniesResponse },
  /** Its representative, or an official of its district. */
  companyGet: { method: 'GET', path: '/company/companies/{companyId}', auth: true, response: CompanyResponse },
  companyResubmit: {
    method: 'POST',
    path: '/company/companies/{companyId}/resubmit',
    auth: true,
    body: CompanyResubmission,
    response: CompanyResponse,
  },
  /** Officials: the companies waiting in their districts, oldest first. */
  companyQueue: { method: 'GET', path: '/company/review', auth: true, response: CompaniesResponse },
  companyDecide: {
    method: 'POST',
    path: '/company/companies/{companyId}/decision',
    auth: true,
    body: CompanyDecision,
    response: CompanyResponse,
  },
  /** The gate's signed place code (approved companies), for its poster. */
  companyGateCode: {
    method: 'GET',
    path: '/company/companies/{companyId}/gate-code',
    auth: true,
    response: PlaceCodeResponse,
  },
  /** Daily counts at the gate: scans, and how many were yellow or red. */
  companyGateCounts: {
    method: 'GET',
    path: '/company/companies/{companyId}/gate-counts',
    auth: true,
    response: GateCountsResponse,
  },
} as const satisfies Record<string, RouteDef>;
