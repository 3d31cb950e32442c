import * as z from 'zod';
import { AccountNo, UtilityKind } from './utility';

/**
 * Paying utility bills through WeChat Pay (issue 11): a resident pays bills of a linked account;
 * a community worker pays the arrears of chosen households of their community in one order.
 * The answer carries the cashier's parameters (`clientParams`); the bills are paid only when
 * WeChat Pay's verified notification (or its own order query) says the money arrived.
 */

/** `cancelled`: lapsed unpaid (its WeChat Pay order closed) or replaced by a newer payment. */
export const PaymentStatusView = z.enum(['pending', 'paid', 'cancelled', 'refunding', 'refunded']);
export const UtilityPayment = z.object({
  paymentId: z.string(),
  accountNo: z.string(),
  billIds: z.array(z.string()),
  amountFen: z.number().int(),
  status: PaymentStatusView,
});
export const StartPaymentRequest = z.object({
  accountNo: AccountNo,
  billIds: z.array(z.string().max(64)).min(1, '请选择要缴的账单').max(24),
});
/** WeChat Pay's `requestPayment` parameters for the app; null when nothing is left to pay (a retry after it was paid). */
const CashierParams = z.record(z.string(), z.string()).nullable();
export const StartPaymentResponse = z.object({ payment: UtilityPayment, clientParams: CashierParams });
export const PaymentResponse = z.object({ payment: UtilityPayment });

/** A community's accounts in arrears (principal only; what paying them costs now is a quote). */
export const CommunityArrears = z.object({
  accounts: z.array(
    z.object({
      accountNo: z.string(),
      companyName: z.string(),
      kind: UtilityKind,
      holderMasked: z.string(),
      address: z.string(),
      arrearsFen: z.number().int(),
    }),
  ),
});

/** Bulk payment by a community worker for households that cannot pay online. */
export const BULK_PAY_MAX = 20;
const BulkAccountNos = z
  .array(AccountNo)
  .min(1, '请选择住户')
  .max(BULK_PAY_MAX, `一次最多代缴 ${BULK_PAY_MAX} 户`)
  .refine((a) => new Set(a).size === a.length, '户号有重复');

/** One household of a bulk payment: its unpaid bills, with their late fees at the time of the quote. */
export const BulkLine = z.object({
  accountNo: z.string(),
  companyName: z.string(),
  holderMasked: z.string(),
  address: z.string(),
  bills: z.number().int(),
  principalFen: z.number().int(),
  lateFeeFen: z.number().int(),
  /** principalFen + lateFeeFen. */
  amountFen: z.number().int(),
});
export type BulkLine = z.infer<typeof BulkLine>;

export const BulkQuoteRequest = z.object({ accountNos: BulkAccountNos });
/** What paying the chosen households costs now; the worker confirms `amountFen` when paying. */
export const BulkQuote = z.object({ accounts: z.array(BulkLine), amountFen: z.number().int() });

/** `amountFen`: the total the worker saw and confirmed; refused (409) if it is no longer what is due. */
export const BulkPayRequest = z.object({
  accountNos: BulkAccountNos,
  amountFen: z.number().int().min(1, '金额有误'),
});
export const BulkPayment = z.object({
  paymentId: z.string(),
  community: z.string(),
  accounts: z.array(z.object({ accountNo: z.string(), bills: z.number().int(), amountFen: z.number().int() })),
  amountFen: z.number().int(),
  status: PaymentStatusView,
});
export const BulkPayResponse = z.object({ payment: BulkPayment, clientParams: CashierParams });
