/**
 * 复工复产: the company domain's enumerations and their Chinese labels. Plain data, no zod: the
 * mini-program imports this file at run time (`@citycare/contract/src/company-labels`).
 */

export const COMPANY_STATES = ['pending', 'approved', 'returned'] as const;
export type CompanyState = (typeof COMPANY_STATES)[number];
export const COMPANY_STATE_LABELS: Record<CompanyState, string> = {
  pending: '待审核',
  approved: '已批准复工',
  returned: '已退回，请修改后重新提交',
};

/** The prevention plan's three parts. */
export const PLAN_PARTS = ['testing', 'disinfection', 'meals'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];
export const PLAN_PART_LABELS: Record<PlanPart, string> = {
  testing: '体温检测与健康码查验',
  disinfection: '消毒通风',
  meals: '错峰分散就餐',
};
