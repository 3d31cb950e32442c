import type { ResponseBody } from '@citycare/contract';
import { api } from '@/api';
import { paymentStatus, payPlaced, type PayResult } from '@/lib/pay';
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
  const placed = await api('bulkPay', {
    params: { community },
    body: { accountNos: quote.accounts.map((a) => a.accountNo), amountFen: quote.amountFen },
    // One key per tap: the request adapter sends a retried request with the same key.
    idempotencyKey: newKey('bulk'),
  });
  return payPlaced(placed, {
    merchant: '营口市民服务 生活缴费',
    description: `${scopeName(community)} 代缴 ${placed.payment.accounts.length} 户`,
  });
}

export { paymentStatus };
