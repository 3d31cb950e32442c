import type { PaymentStatus } from '@citycare/contract';

/**
 * Paying with WeChat Pay, without the platform: which cashier to open, and what to believe
 * afterwards. Whatever the cashier says, the answer is the backend's (which asks WeChat Pay);
 * a payment not yet confirmed there is `pending` and is never shown as paid. pay.ts supplies
 * the platform (Taro.requestPayment, the H5 simulated cashier, the API).
 */
export type PayResult = 'paid' | 'pending' | 'cancelled';

/** What the payer did in the cashier. `failed`: it could not be opened or said no (not the payer's choice). */
export type CashierOutcome = 'confirmed' | 'cancelled' | 'failed';

/** `Taro.requestPayment`'s parameters, signed by the backend (signType RSA for APIv3). */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PayParams {
  paymentId: string;
  amountFen: number;
  /** Who is paid, on the cashier: 幸福便民超市, 营口市自来水公司. */
  merchant: string;
  description?: string;
  /** The backend's `clientParams` for this payment (timeStamp, nonceStr, package, signType, paySign). */
  clientParams: Record<string, string>;
}

export interface PayPlatform {
  /** `weapp` pays in WeChat's own cashier; every other build shows the simulated one. */
  env: string;
  requestPayment(params: RequestPaymentParams): Promise<CashierOutcome>;
  simulatedCashier(request: {
    prepayId: string;
    amountFen: number;
    merchant: string;
    description?: string;
  }): Promise<CashierOutcome>;
  /** The backend's check route: the payment's status, brought up to date from WeChat Pay. */
  check(paymentId: string): Promise<PaymentStatus>;
  wait(ms: number): Promise<void>;
  /** Tells the payer the result is not known yet (「支付结果确认中…」). */
  showPending(): void;
}

/** After a confirmed payment, the backend is asked at once, then after these pauses, before saying `pending`. */
export const CHECK_PAUSES_MS = [1500, 3000] as const;

/** The prepay id inside `package` (`prepay_id=wx…`), or undefined when there is none. */
export function prepayIdOf(pkg: string | undefined): string | undefined {
  const match = /^prepay_id=([A-Za-z0-9_-]{1,128})$/.exec(pkg ?? '');
  return match?.[1];
}

export function requestPaymentParams(clientParams: Record<string, string>): RequestPaymentParams | undefined {
  const { timeStamp, nonceStr, paySign, signType } = clientParams;
  const pkg = clientParams.package;
  if (!timeStamp || !nonceStr || !paySign || signType !== 'RSA' || !prepayIdOf(pkg)) return undefined;
  return { timeStamp, nonceStr, package: pkg as string, signType: 'RSA', paySign };
}

/** What the payer is told, from the backend's status and what they did in the cashier. */
export function resultOf(status: PaymentStatus, outcome: CashierOutcome): PayResult {
  if (status === 'paid') return 'paid';
  if (status === 'pending') return outcome === 'confirmed' ? 'pending' : 'cancelled';
  // Lapsed, or paid and already on its way back: not a payment the payer has now.
  return 'cancelled';
}

export async function payFlow(params: PayParams, platform: PayPlatform): Promise<PayResult> {
  const request = requestPaymentParams(params.clientParams);
  if (!request) throw new Error('支付参数有误，请返回重新下单');
  const outcome =
    platform.env === 'weapp'
      ? await platform.requestPayment(request)
      : await platform.simulatedCashier({
          prepayId: prepayIdOf(request.package) as string,
          amountFen: params.amountFen,
          merchant: params.merchant,
          description: params.description,
        });
  let status = await platform.check(params.paymentId);
  for (const pause of outcome === 'confirmed' ? CHECK_PAUSES_MS : []) {
    if (status !== 'pending') break;
    await platform.wait(pause);
    status = await platform.check(params.paymentId);
  }
  const result = resultOf(status, outcome);
  if (result === 'pending') platform.showPending();
  return result;
}
