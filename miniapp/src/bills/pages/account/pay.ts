import type { AccountView, BillView } from '@citycare/contract';
import { api } from '@/api';
import { paymentStatus, payPlaced, type PayResult } from '@/lib/pay';
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
  const placed = await api('startUtilityPayment', {
    body: { accountNo: account.accountNo, billIds: bills.map((b) => b.billId) },
    idempotencyKey: newKey('pay'),
  });
  return payPlaced(placed, {
    merchant: account.companyName,
    description: `户号 ${account.accountNo} 缴费（${bills.length} 笔账单）`,
  });
}

export { paymentStatus };
