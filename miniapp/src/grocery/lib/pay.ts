import Taro from '@tarojs/taro';
import type { Group, HouseholdShare, Order } from '@citycare/contract';
import { api, ApiError } from '@/api';
import { payWithWechat, type PayResult } from '@/lib/pay';

/**
 * Paying a prepaid grocery order through WeChat Pay: the cashier (WeChat's own on weapp, the
 * simulated one on H5: the paying page renders `<CashierHost />`), then the backend's check.
 * Nothing here marks an order paid: only WeChat Pay's verified word does, on the backend.
 */
export type { PayResult } from '@/lib/pay';

/** How an order page is told what happened at the cashier (`&pay=`), from the checkout page. */
export const PAY_RESULTS: readonly PayResult[] = ['paid', 'pending', 'cancelled'];

/**
 * Opens the cashier with the backend's `clientParams` for this order. `pending` when the backend
 * could not be asked afterwards (no network: the adapter has said so): money may have moved, the
 * page offers to check again. Never throws.
 */
export async function payOrder(order: Order, clientParams: Record<string, string>): Promise<PayResult> {
  try {
    return await payWithWechat({
      paymentId: order.payment.paymentId,
      amountFen: order.totalFen,
      merchant: order.storeName,
      description: `${order.storeName} 订单（${order.lines.length} 种商品）`,
      clientParams,
    });
  } catch (err) {
    if (err instanceof ApiError) return 'pending';
    // Parameters the cashier cannot take: nothing was paid, the order page offers 去支付.
    void Taro.showToast({ title: (err as Error).message, icon: 'none' });
    return 'cancelled';
  }
}

/** 去支付 on the order page: the cashier's parameters again (409 once nothing is left to pay). */
export async function payPendingOrder(orderId: string): Promise<{ order: Order; result: PayResult | undefined }> {
  const { order, clientParams } = await api('groceryPay', { params: { orderId } });
  if (!clientParams) return { order, result: undefined };
  return { order, result: await payOrder(order, clientParams) };
}

/** 刷新支付结果: the payment's status from the backend, which asks WeChat Pay while it is pending. */
export async function checkPayment(paymentId: string): Promise<string> {
  return (await api('myPayment', { params: { paymentId } })).payment.status;
}

/**
 * Opens the cashier for a household's own share of a group order (卡点团购): with the join's
 * `clientParams`, or — 去支付 on the group page — the ones `groceryPayShare` hands out again
 * (409 once nothing is left to pay). Never throws for the cashier; an API error is shown by the
 * adapter and thrown.
 */
export async function payShare(
  group: Pick<Group, 'groupId' | 'storeName' | 'label'>,
  share: HouseholdShare,
  given?: Record<string, string>,
): Promise<PayResult | undefined> {
  const clientParams =
    given ??
    (await api('groceryPayShare', { params: { groupId: group.groupId, memberId: share.memberId } })).clientParams;
  if (!clientParams || !share.payment) return undefined;
  try {
    return await payWithWechat({
      paymentId: share.payment.paymentId,
      amountFen: share.totalFen,
      merchant: group.storeName,
      description: `${group.storeName} 团购（${group.label}）`,
      clientParams,
    });
  } catch (err) {
    if (err instanceof ApiError) return 'pending';
    void Taro.showToast({ title: (err as Error).message, icon: 'none' });
    return 'cancelled';
  }
}
