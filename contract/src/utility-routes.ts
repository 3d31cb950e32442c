import * as z from 'zod';
import type { RouteDef } from './route-def';
import {
  AccountDetail,
  AccountResponse,
  ApplyReliefRequest,
  CreatePlanRequest,
  CreateRepairRequest,
  DecideReliefRequest,
  DecideReliefResponse,
  DisconnectRequest,
  DisconnectResponse,
  ImportBillsRequest,
  ImportBillsResponse,
  LinkAccountRequest,
  PlanResponse,
  ProtectedList,
  ReliefResponse,
  RepairList,
  RepairResponse,
  ReviewList,
  StaffAccount,
  UpdateRepairRequest,
  UtilityOverview,
} from './utility';
import {
  BulkPayRequest,
  BulkPayResponse,
  BulkQuote,
  BulkQuoteRequest,
  CommunityArrears,
  PaymentResponse,
  StartPaymentRequest,
  StartPaymentResponse,
} from './utility-payments';

const staff = '/utility/staff/{company}';

export const utilityRoutes = {
  utilityOverview: { method: 'GET', path: '/utility', auth: true, response: UtilityOverview },
  linkAccount: {
    method: 'POST',
    path: '/utility/accounts',
    auth: true,
    body: LinkAccountRequest,
    response: AccountResponse,
  },
  utilityAccount: { method: 'GET', path: '/utility/accounts/{accountNo}', auth: true, response: AccountDetail },
  unlinkAccount: {
    method: 'DELETE',
    path: '/utility/accounts/{accountNo}',
    auth: true,
    response: z.object({ ok: z.literal(true) }),
  },
  applyRelief: {
    method: 'POST',
    path: '/utility/relief',
    auth: true,
    body: ApplyReliefRequest,
    response: ReliefResponse,
  },
  createInstallmentPlan: {
    method: 'POST',
    path: '/utility/accounts/{accountNo}/plan',
    auth: true,
    body: CreatePlanRequest,
    response: PlanResponse,
  },
  /**
   * Places a WeChat Pay payment for chosen bills (Idempotency-Key honoured) and answers the
   * cashier's parameters; the bills are paid when WeChat Pay's verified notification says so.
   */
  startUtilityPayment: {
    method: 'POST',
    path: '/utility/payments',
    auth: true,
    body: StartPaymentRequest,
    response: StartPaymentResponse,
  },
  /** The payer back from the cashier: the payment as stored. Settles nothing (WeChat Pay's notification does). */
  confirmUtilityPayment: {
    method: 'POST',
    path: '/utility/payments/{paymentId}/confirm',
    auth: true,
    response: PaymentResponse,
  },
  createRepair: {
    method: 'POST',
    path: '/utility/repairs',
    auth: true,
    body: CreateRepairRequest,
    response: RepairResponse,
  },
  myRepairs: { method: 'GET', path: '/utility/repairs', auth: true, response: RepairList },
  communityArrears: {
    method: 'GET',
    path: '/utility/community/{community}/arrears',
    auth: true,
    response: CommunityArrears,
  },
  /** What paying chosen households of the community costs now (late fees included); changes nothing. */
  bulkQuote: {
    method: 'POST',
    path: '/utility/community/{community}/quote',
    auth: true,
    body: BulkQuoteRequest,
    response: BulkQuote,
  },
  /**
   * One WeChat Pay order for the chosen households' unpaid bills, for the amount the worker
   * confirmed (Idempotency-Key required: a retry places nothing twice).
   */
  bulkPay: {
    method: 'POST',
    path: '/utility/community/{community}/pay',
    auth: true,
    body: BulkPayRequest,
    response: BulkPayResponse,
  },
  reliefReviews: { method: 'GET', path: `${staff}/reviews`, auth: true, response: ReviewList },
  decideRelief: {
    method: 'POST',
    path: `${staff}/reviews/{householdId}`,
    auth: true,
    body: DecideReliefRequest,
    response: DecideReliefResponse,
  },
  staffAccount: { method: 'GET', path: `${staff}/accounts/{accountNo}`, auth: true, response: StaffAccount },
  disconnectAccount: {
    method: 'POST',
    path: `${staff}/accounts/{accountNo}/disconnect`,
    auth: true,
    body: DisconnectRequest,
    response: DisconnectResponse,
  },
  protectedAccounts: { method: 'GET', path: `${staff}/protected`, auth: true, response: ProtectedList },
  /** text/csv; charset=utf-8, starting with a BOM (\uFEFF). */
  exportProtected: { method: 'GET', path: `${staff}/protected.csv`, auth: true, response: z.string() },
  importBills: {
    method: 'POST',
    path: `${staff}/bills/import`,
    auth: true,
    body: ImportBillsRequest,
    response: ImportBillsResponse,
  },
  repairQueue: { method: 'GET', path: `${staff}/repairs`, auth: true, response: RepairList },
  updateRepair: {
    method: 'POST',
    path: `${staff}/repairs/{repairId}`,
    auth: true,
    body: UpdateRepairRequest,
    response: RepairResponse,
  },
} as const satisfies Record<string, RouteDef>;
