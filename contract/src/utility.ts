import * as z from 'zod';

/**
 * Utility relief (欠费不关阀): linked water, power, gas and heating accounts, bills, relief
 * (缓缴) applications, installment plans, payments, disconnection refused while protected,
 * CSV export/import for utility staff, and repair requests (报修).
 *
 * Money is integer fen. Instants are ISO-8601 UTC; calendar dates (bill due dates, the relief
 * window's first and last day) are `YYYY-MM-DD` in Asia/Shanghai.
 */

export const UtilityKind = z.enum(['water', 'power', 'gas', 'heating']);
export type UtilityKind = z.infer<typeof UtilityKind>;

export const UTILITY_KIND_LABELS: Record<UtilityKind, string> = {
  water: '水费',
  power: '电费',
  gas: '燃气费',
  heating: '供暖费',
};

const CompanyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '公司编号格式不正确');
export const AccountNo = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{6,20}$/, '户号应为 6 到 20 位数字或字母');
const HolderName = z.string().trim().min(1, '请填写户主姓名').max(32, '户主姓名过长');
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The city's relief window, as configured in config/utility.yml. */
export const ReliefWindow = z.object({
  /** First and last day (Asia/Shanghai), inclusive. */
  startDate: DateOnly,
  endDate: DateOnly,
  /** Instants: start of the first day, end of the last day (exclusive). */
  startsAt: z.string(),
  endsAt: z.string(),
  graceDays: z.number().int(),
  /** Company ids whose accounts are approved at once inside the window. */
  coveredCompanies: z.array(z.string()),
  /** Whether `now` lies inside the window. */
  open: z.boolean(),
  /** The installment plan lengths offered, in months. */
  installmentMonths: z.array(z.number().int()),
});
export type ReliefWindow = z.infer<typeof ReliefWindow>;

export const Supply = z.enum(['on', 'off']);

/** An account as its linked household sees it. The holder's name is always masked (王*兰). */
export const AccountView = z.object({
  accountNo: z.string(),
  company: z.string(),
  companyName: z.string(),
  kind: UtilityKind,
  holderMasked: z.string(),
  address: z.string(),
  balanceFen: z.number().int(),
  arrearsFen: z.number().int(),
  supply: Supply,
  /** Protected from disconnection until this instant (relief approved), if any. */
  protectedUntil: z.string().optional(),
  protectedNow: z.boolean(),
  reliefApproved: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

export const BillView = z.object({
  billId: z.string(),
  month: Month,
  amountFen: z.number().int(),
  dueDate: DateOnly,
  paid: z.boolean(),
  paidAt: z.string().optional(),
  /** Late fee owed now (unpaid) or paid with the bill; 0 when waived. */
  lateFeeFen: z.number().int(),
  lateFeeWaived: z.boolean(),
  /** A WeChat Pay payment for it is under way (not yet paid, not yet lapsed); absent otherwise. */
  paying: z.literal(true).optional(),
});
export type BillView = z.infer<typeof BillView>;

export const InstallmentLine = z.object({ n: z.number().int(), dueDate: DateOnly, amountFen: z.number().int() });
export type InstallmentLine = z.infer<typeof InstallmentLine>;

export const InstallmentMonths = z.union([z.literal(3), z.literal(6), z.literal(12), z.literal(24)]);
export const InstallmentPlan = z.object({
  accountNo: z.string(),
  months: z.number().int(),
  totalFen: z.number().int(),
  createdAt: z.string(),
  schedule: z.array(InstallmentLine),
});
export type InstallmentPlan = z.infer<typeof InstallmentPlan>;

export const PlanEligibility = z.object({
  eligible: z.boolean(),
  /** Why not, in words for the resident. */
  reason: z.string().optional(),
  /** The first day plans can be made (the day after the window). */
  availableFrom: DateOnly,
});

export const ReliefStatus = z.enum(['pending', 'approved', 'rejected']);
export type ReliefStatus = z.infer<typeof ReliefStatus>;

/** One company's part of a household's application: each company decides about its own accounts. */
export const ReliefPart = z.object({
  company: z.string(),
  companyName: z.string(),
  status: ReliefStatus,
  decidedBy: z.enum(['rule', 'staff']).optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  protectedUntil: z.string().optional(),
  accountNos: z.array(z.string()),
});
export type ReliefPart = z.infer<typeof ReliefPart>;

export const ReliefApplication = z.object({
  appliedAt: z.string(),
  hardship: z.string(),
  parts: z.array(ReliefPart),
});
export type ReliefApplication = z.infer<typeof ReliefApplication>;

export const UtilityOverview = z.object({
  window: ReliefWindow,
  accounts: z.array(AccountView),
  relief: ReliefApplication.nullable(),
});

export const LinkAccountRequest = z.object({ accountNo: AccountNo, holderName: HolderName });
export const AccountResponse = z.object({ account: AccountView });
export const AccountDetail = z.object({
  account: AccountView,
  bills: z.array(BillView),
  plan: InstallmentPlan.nullable(),
  planEligibility: PlanEligibility,
});
export type AccountDetail = z.infer<typeof AccountDetail>;

export const ApplyReliefRequest = z.object({
  hardship: z.string().trim().min(2, '请简要说明困难情况').max(300, '困难说明不超过 300 字'),
});
export const ReliefResponse = z.object({ relief: ReliefApplication });

export const CreatePlanRequest = z.object({ months: InstallmentMonths });
export const PlanResponse = z.object({ plan: InstallmentPlan });

/** Staff views. */
export const ReviewItem = z.object({
  householdId: z.string(),
  appliedAt: z.string(),
  hardship: z.string(),
  status: ReliefStatus,
  accounts: z.array(z.object({ accountNo: z.string(), holderMasked: z.string(), arrearsFen: z.number().int() })),
  reason: z.string().optional(),
});
export const ReviewList = z.object({ reviews: z.array(ReviewItem) });
export const DecideReliefRequest = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(200).optional() })
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 2, {
    message: '驳回时请填写原因',
    path: ['reason'],
  });
export const DecideReliefResponse = z.object({ review: ReviewItem });

/** Why the account may not be disconnected for arrears now (欠费不关阀): the window, or approved relief. */
export const DisconnectHold = z.object({
  why: z.enum(['window', 'relief']),
  /** The hold ends at this instant (exclusive). */
  until: z.string(),
  /** What staff read: 关阀已暂停：… */
  message: z.string(),
});
export const StaffAccount = z.object({
  account: AccountView,
  /** Present while no disconnection for arrears is allowed. */
  hold: DisconnectHold.optional(),
  bills: z.array(BillView),
  attempts: z.array(z.object({ at: z.string(), outcome: z.enum(['disconnected', 'refused']), reason: z.string() })),
});
export const DisconnectRequest = z.object({ reason: z.string().trim().min(2, '请填写停供原因').max(200) });
export const DisconnectResponse = z.object({ account: AccountView });

export const ProtectedList = z.object({
  accounts: z.array(
    z.object({
      accountNo: z.string(),
      holderMasked: z.string(),
      address: z.string(),
      arrearsFen: z.number().int(),
      protectedUntil: z.string(),
    }),
  ),
});

/**
 * Bills CSV (import), UTF-8, first line a header with these columns in any order:
 * 户号 (account number), 账期 (YYYY-MM), 金额（元） (yuan, up to 2 decimals, e.g. 58.30),
 * 缴费截止日 (YYYY-MM-DD). English headers accountNo, month, amountYuan, dueDate are accepted too.
 * One bill per account and month: its id is `<户号>-<账期>`, so a re-import adds nothing twice.
 */
export const BILL_CSV_COLUMNS = ['户号', '账期', '金额（元）', '缴费截止日'] as const;
/** Protected-accounts CSV (export), UTF-8 with BOM: these columns, in this order. */
export const PROTECTED_CSV_COLUMNS = ['户号', '户主', '地址', '欠费（元）', '保护截止日'] as const;
export const BILL_CSV_MAX_BYTES = 256 * 1024;
export const BILL_CSV_MAX_ROWS = 2000;

export const ImportBillsRequest = z.object({
  csv: z.string().min(1, 'CSV 内容为空').max(BILL_CSV_MAX_BYTES, 'CSV 文件不能超过 256 KB'),
});
export const ImportBillsResponse = z.object({
  imported: z.number().int(),
  /** Rows whose bill already existed (a re-import): nothing written. */
  skipped: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

/** Repairs (报修). */
export const RepairUrgency = z.enum(['normal', 'urgent']);
export const RepairStatus = z.enum(['submitted', 'received', 'dispatched', 'fixed']);
export type RepairStatus = z.infer<typeof RepairStatus>;
export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '已提交',
  received: '已受理',
  dispatched: '已派单',
  fixed: '已修复',
};
export const RepairProblem = z.enum(['no-supply', 'leak', 'meter', 'pressure', 'other']);
export const CreateRepairRequest = z.object({
  company: CompanyId,
  address: z.string().trim().min(4, '请填写详细地址').max(120),
  problem: RepairProblem,
  description: z.string().trim().min(2, '请描述故障情况').max(500),
  urgency: RepairUrgency,
});
export const RepairView = z.object({
  repairId: z.string(),
  company: z.string(),
  companyName: z.string(),
  address: z.string(),
  problem: RepairProblem,
  description: z.string(),
  urgency: RepairUrgency,
  status: RepairStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  note: z.string().optional(),
});
export type RepairView = z.infer<typeof RepairView>;
export const RepairResponse = z.object({ repair: RepairView });
export const RepairList = z.object({ repairs: z.array(RepairView) });
export const UpdateRepairRequest = z.object({
  status: z.enum(['received', 'dispatched', 'fixed']),
  note: z.string().trim().max(200).optional(),
});
