import * as z from 'zod';
import type { RouteDef } from './route-def';

/**
 * Payments, whatever they pay for. `refunding`: WeChat Pay was asked to send the money back;
 * `refunded` once its verified REFUND.SUCCESS (or its own refund query) said it did.
 */
export const PaymentStatus = z.enum(['pending', 'paid', 'cancelled', 'refunding', 'refunded']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: '待支付',
  paid: '已支付',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
};

/** The payer's own payment, as the app sees it after the cashier. */
export const MyPayment = z.object({
  paymentId: z.string(),
  status: PaymentStatus,
  amountFen: z.number().int().min(0),
});
export type MyPayment = z.infer<typeof MyPayment>;
export const MyPaymentResponse = z.object({ payment: MyPayment });

/** What WeChat Pay reads in a notify answer other than 200/204 (then it sends the notification again). */
export const WechatPayNotifyRefusal = z.strictObject({ code: z.literal('FAIL'), message: z.string().min(1) });

export const paymentRoutes = {
  /**
   * WeChat Pay's payment and refund notifications (notify_url). Public: its signature, not a
   * session, is the proof. The body is read raw (the signature covers its exact bytes). 204 when
   * handled; otherwise 4xx/5xx with WeChat Pay's `{"code":"FAIL","message":…}`, and it retries.
   */
  wechatPayNotify: {
    method: 'POST',
    path: '/payments/wechat/notify',
    auth: false,
    response: z.undefined(),
    errorResponse: WechatPayNotifyRefusal,
  },
  /**
   * The payer back from the cashier: their payment's status, brought up to date by asking WeChat
   * Pay when it is still pending (never by the payer's word). Someone else's payment is not found.
   */
  myPayment: { method: 'GET', path: '/payments/{paymentId}', auth: true, response: MyPaymentResponse },
} as const satisfies Record<string, RouteDef>;
