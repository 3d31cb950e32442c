import type { AccountView, BillView } from '@citycare/contract';
import { api, ApiError } from '@/api';
import { payWithWechat, type PayResult } from '@/lib/pay';
import { newKey } from '@/lib/route';

/**
 * Pays bills of the account through WeChat Pay: the backend places the order and answers the
 * cashier's parameters; the payer pays in WeChat's cashier (the simulated one on H5); the
 * backend's check route says what happened. Nothing here marks a bill paid.
 */
export async function payBills(
  account: AccountView,
  bills: BillView[],
): Promise<{ paymentId: string; result: PayResult }> {
  // One key per tap: the request adapter sends a retried request with the same key.
  const { payment, clientParams } = await api('startUtilityPayment', {
    body: { accountNo: account.accountNo, billIds: bills.map((b) => b.billId) },
    idempotencyKey: newKey('pay'),
  });
  if (!clientParams) return { paymentId: payment.paymentId, result: payment.status === 'paid' ? 'paid' : 'pending' };
  return {
    paymentId: payment.paymentId,
    result: await checked(
      payWithWechat({
        paymentId: payment.paymentId,
        amountFen: payment.amountFen,
        merchant: account.companyName,
        description: `户号 ${account.accountNo} 缴费（${bills.length} 笔账单）`,
        clientParams,
      }),
    ),
  };
}

/** The backend's word on a payment now (it asks WeChat Pay while the payment is pending). */
export async function paymentStatus(paymentId: string): Promise<string> {
  return (await api('myPayment', { params: { paymentId } })).payment.status;
}

/**
 * The cashier's outcome; `pending` when the backend could not be asked afterwards (no network:
 * the adapter has said so). Money may have moved: the page offers to check again.
 */
async function checked(paying: Promise<PayResult>): Promise<PayResult> {
  try {
    return await paying;
  } catch (err) {
    if (err instanceof ApiError) return 'pending';
    throw err;
  }
}
