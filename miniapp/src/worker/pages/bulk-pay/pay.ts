import type { ResponseBody } from '@citycare/contract';
import { api, ApiError } from '@/api';
import { payWithWechat, type PayResult } from '@/lib/pay';
import { newKey } from '@/lib/route';
import { scopeName } from '@/lib/roles';

export type Quote = ResponseBody<'bulkQuote'>;

/** What paying the chosen households costs now (late fees included), from the backend. */
export function quoteFor(community: string, accountNos: string[]): Promise<Quote> {
  return api('bulkQuote', { params: { community }, body: { accountNos } });
}

/**
 * One WeChat Pay order for the quoted households, for the quoted total (the backend refuses it
 * if that is no longer what is due); then the cashier, then the backend's check. Each bill is
 * paid only when WeChat Pay's notification says the money arrived.
 */
export async function payQuote(community: string, quote: Quote): Promise<{ paymentId: string; result: PayResult }> {
  const { payment, clientParams } = await api('bulkPay', {
    params: { community },
    body: { accountNos: quote.accounts.map((a) => a.accountNo), amountFen: quote.amountFen },
    // One key per tap: the request adapter sends a retried request with the same key.
    idempotencyKey: newKey('bulk'),
  });
  if (!clientParams) return { paymentId: payment.paymentId, result: payment.status === 'paid' ? 'paid' : 'pending' };
  return {
    paymentId: payment.paymentId,
    result: await checked(
      payWithWechat({
        paymentId: payment.paymentId,
        amountFen: payment.amountFen,
        merchant: '营口市民服务 生活缴费',
        description: `${scopeName(community)} 代缴 ${payment.accounts.length} 户`,
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
