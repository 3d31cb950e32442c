/**
 * The service centre's (不见面服务) enumerations, bounds and Chinese labels. Plain data, no zod:
 * the mini-program imports this file at run time (`@citycare/contract/src/service-labels`).
 */

/** What a consultation (咨询) is about; also the scopes a service-centre grant may carry. */
export const SERVICE_CATEGORIES = ['health-code', 'grocery', 'utility', 'work', 'other'] as const;
export type ServiceCategoryId = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategoryId, string> = {
  'health-code': '健康码',
  grocery: '买菜',
  utility: '水电气暖与救济',
  work: '复工复产',
  other: '其他',
};

/** waiting: for the centre's answer; answered: for the resident; closed. */
export const CONSULTATION_STATUSES = ['waiting', 'answered', 'closed'] as const;
export type ConsultationStatusId = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatusId, string> = {
  waiting: '等待答复',
  answered: '已答复',
  closed: '已关闭',
};

/** How long a waiting consultation has waited, against the centre's targets (config/service.yml). */
export const SLA_LEVELS = ['green', 'amber', 'red'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

/** Bounds of what a resident or the centre writes. */
export const SERVICE_TEXT = {
  questionMin: 5,
  questionMax: 500,
  replyMax: 500,
  noteMax: 200,
} as const;

/**
 * The categories a member of the service centre works: every one with an unscoped grant
 * (`service`), else those granted (`service:health-code`). Shared by the backend's checks and
 * the app's queue page.
 */
export function serviceCategoriesOf(roles: readonly { role: string; scope?: string }[]): ServiceCategoryId[] {
  const grants = roles.filter((g) => g.role === 'service');
  if (grants.some((g) => !g.scope)) return [...SERVICE_CATEGORIES];
  return SERVICE_CATEGORIES.filter((c) => grants.some((g) => g.scope === c));
}
