import * as z from 'zod';
import type { RouteDef } from './route-def';

/**
 * Privacy: the 隐私保护指引's version, the separate consent to sensitive personal data, the
 * resident's own data (我的数据), deregistration (注销) and the log of officials' reads.
 */

export { PRIVACY_VERSION, RETENTION_DAYS, PRIVACY_GUIDE, type GuideSection } from './privacy-guide';

/** The field a sensitive-data form sends: the guide version its unticked-by-default box agreed to. */
export const SensitiveConsent = z.object({ consentVersion: z.string().max(40).optional() });

/** One readable fact: a label and its value, as 我的数据 shows it. */
export const DataField = z.object({ label: z.string(), value: z.string() });
export const DataRecord = z.object({ title: z.string(), fields: z.array(DataField) });
export const DataSection = z.object({
  service: z.enum(['account', 'health', 'grocery', 'utility', 'service']),
  title: z.string(),
  records: z.array(DataRecord),
});
export type DataSection = z.infer<typeof DataSection>;

/** What is kept after 注销, for how long, and why. */
export const KeptItem = z.object({ what: z.string(), days: z.number().int(), why: z.string() });
export type KeptItem = z.infer<typeof KeptItem>;

export const MyDataResponse = z.object({
  generatedAt: z.string(),
  guideVersion: z.string(),
  sections: z.array(DataSection),
  kept: z.array(KeptItem),
});
export type MyDataResponse = z.infer<typeof MyDataResponse>;

export const DEREGISTER_SCOPES = ['health', 'all'] as const;
export const DeregisterRequest = z.object({
  scope: z.enum(DEREGISTER_SCOPES),
  /** The resident types 注销 to confirm. */
  confirm: z.literal('注销', { error: '请输入“注销”二字确认' }),
});
export type DeregisterRequest = z.infer<typeof DeregisterRequest>;
export const DeregisterResponse = z.object({
  scope: z.enum(DEREGISTER_SCOPES),
  deleted: z.number(),
  kept: z.array(KeptItem),
});
export type DeregisterResponse = z.infer<typeof DeregisterResponse>;

/** One official's read of the resident's (or a family member's) data, as the resident sees it. */
export const MyReadView = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  /** The office that looked (卫生健康委员会 …); the official by masked name only. */
  office: z.string(),
  officialMasked: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  reason: z.string().optional(),
});
export type MyReadView = z.infer<typeof MyReadView>;
export const MyReadsResponse = z.object({ reads: z.array(MyReadView) });
export type MyReadsResponse = z.infer<typeof MyReadsResponse>;

export const privacyRoutes = {
  /** Everything CityCare holds about the caller and their family members, readable and as JSON. */
  privacyMyData: { method: 'GET', path: '/me/data', auth: true, response: MyDataResponse },
  /** Officials' reads of the caller's and their family members' data, newest first. */
  privacyMyReads: { method: 'GET', path: '/me/reads', auth: true, response: MyReadsResponse },
  /** 注销: from the health code, or from CityCare as a whole. */
  privacyDeregister: {
    method: 'POST',
    path: '/me/deregister',
    auth: true,
    body: DeregisterRequest,
    response: DeregisterResponse,
  },
} as const satisfies Record<string, RouteDef>;
