/**
 * What the domains use of payments (issue 11): ids, the stage's provider (items for their own
 * transactions, the cashier's parameters, refunds), closing an unpaid WeChat Pay order before a
 * cancellation, and the hook types they register in payments/wiring.ts.
 */
export { newPaymentId, paymentIdFor } from './ids';
export {
  paymentProvider,
  type NewPayment,
  type PaymentProvider,
  type PaymentPurpose,
  type PaymentStatus,
} from './provider';
export { closeUnpaid, requestRefund, type PaymentHooks, type PaymentRecord } from './wechatpay/flows';
