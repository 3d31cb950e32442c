import Taro from '@tarojs/taro';
import { api, ApiError } from '@/api';
import { openCashier } from '@/components/cashier/store';
import { simulatorAvailable } from '@/components/cashier/sim';
import { payFlow, type CashierOutcome, type PayParams, type PayResult } from './pay-flow';

export type { PayParams, PayResult } from './pay-flow';

const strings = {
  pending: '支付结果确认中…',
  noCashier: '请在微信中打开小程序完成支付',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** WeChat's cashier; the payer closing it is `cancel` in errMsg (`requestPayment:fail cancel`). */
async function requestPayment(params: Parameters<typeof Taro.requestPayment>[0]): Promise<CashierOutcome> {
  try {
    await Taro.requestPayment(params);
    return 'confirmed';
  } catch (err) {
    return /cancel/i.test((err as { errMsg?: string })?.errMsg ?? '') ? 'cancelled' : 'failed';
  }
}

/**
 * Pays a payment the backend has placed with WeChat Pay (its start-payment answer's
 * `clientParams`). On weapp: `Taro.requestPayment` with the backend's RSA signature; on H5: the
 * simulated cashier (a page that pays renders `<CashierHost />`). Then the backend's check route
 * says what happened — it asks WeChat Pay; nothing here marks anything paid. Resolves `paid`,
 * `pending` (told 「支付结果确认中…」: the page shows the payment as not yet confirmed and may
 * check again later) or `cancelled`.
 */
export function payWithWechat(params: PayParams): Promise<PayResult> {
  return payFlow(params, {
    env: process.env.TARO_ENV,
    requestPayment: (p) => requestPayment(p),
    simulatedCashier: async (request) => {
      if (!simulatorAvailable()) {
        void Taro.showToast({ title: strings.noCashier, icon: 'none', duration: 2500 });
        return 'failed';
      }
      return openCashier(request);
    },
    check: async (paymentId) => (await api('myPayment', { params: { paymentId } })).payment.status,
    wait: sleep,
    showPending: () => {
      void Taro.showToast({ title: strings.pending, icon: 'none', duration: 3000 });
    },
  });
}

/** The backend's word on a payment now (it asks WeChat Pay while the payment is pending). */
export async function paymentStatus(paymentId: string): Promise<string> {
  return (await api('myPayment', { params: { paymentId } })).payment.status;
}

/**
 * The cashier's outcome; `pending` when the backend could not be asked afterwards (no network:
 * the adapter has said so). Money may have moved: the page offers to check again.
 */
export async function payChecked(paying: Promise<PayResult>): Promise<PayResult> {
  try {
    return await paying;
  } catch (err) {
    if (err instanceof ApiError) return 'pending';
    throw err;
  }
}

/**
 * After the backend placed a utility payment (its answer: the payment, and the cashier's
 * parameters unless nothing is left to pay): the cashier, then the backend's check. Without
 * `clientParams` the payment's own status says what happened.
 */
export async function payPlaced(
  placed: {
    payment: { paymentId: string; amountFen: number; status: string };
    clientParams: PayParams['clientParams'] | null;
  },
  shop: { merchant: string; description: string },
): Promise<{ paymentId: string; result: PayResult }> {
  const { payment, clientParams } = placed;
  if (!clientParams) return { paymentId: payment.paymentId, result: payment.status === 'paid' ? 'paid' : 'pending' };
  const result = await payChecked(
    payWithWechat({ paymentId: payment.paymentId, amountFen: payment.amountFen, clientParams, ...shop }),
  );
  return { paymentId: payment.paymentId, result };
}
