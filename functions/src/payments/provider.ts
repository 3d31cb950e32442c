import type { PaymentStatus } from '@citycare/contract';
import { statusChange, type TransactItem } from '../lib/dynamo';
import { paymentKey, paymentsTable } from './table';
import { wechatPayProvider } from './wechatpay/provider';

/**
 * Payments behind one interface. The domain (a grocery order, a utility bill) commits the
 * provider's items in its own TransactWriteItems, so a payment and what it pays for are
 * recorded together or not at all.
 */
export type { TransactItem };
export type { PaymentStatus };

/**
 * What a payment pays for; each purpose's domain says what its transactions write when the
 * payment is paid, closed or refunded (payments/wiring.ts). A group share and a worker's bulk
 * payment of several bills are purposes of their own.
 */
export type PaymentPurpose = 'grocery-order' | 'grocery-share' | 'utility-bill' | 'utility-bulk';

export interface NewPayment {
  paymentId: string;
  payerId: string;
  amountFen: number;
  purpose: PaymentPurpose;
  /** The order id or bill id it pays for. */
  reference: string;
  description: string;
  /** The payer's openid in the super-app: WeChat Pay's JSAPI order needs it. Not stored. */
  payerOpenid?: string;
  /** When an unpaid payment lapses (ISO); WeChat Pay's time_expire. */
  expiresAt?: string;
}

/**
 * Proof that the provider says a payment was paid, checked field by field against ours
 * (payments/wechatpay/notification.ts `checkPaid`): the only thing a WeChat Pay payment is
 * settled with.
 */
export interface SettlementProof {
  ok: true;
  paymentId: string;
  transactionId: string;
  amountFen: number;
  paidAt: string;
}

export interface PaymentProvider {
  readonly name: 'local' | 'wechat-pay';
  /** Items recording a new pending payment. */
  createItems(payment: NewPayment, now: Date): TransactItem[];
  /** What the mini-program needs to ask the payer to pay (for WeChat Pay: `requestPayment` parameters). */
  clientParams(payment: NewPayment): Promise<Record<string, string>>;
  /**
   * Items marking the payment paid; they fail unless it is still pending with that amount. The
   * WeChat Pay provider settles only with a proof from a verified notification or order query,
   * and refuses without one (nothing the payer says moves money).
   */
  settleItems(paymentId: string, amountFen: number, now: Date, proof?: SettlementProof): TransactItem[];
  /** Items cancelling a pending payment (an order cancelled before it was paid). */
  cancelItems(paymentId: string, now: Date): TransactItem[];
  /**
   * Items refunding a paid payment in full (a paid order cancelled or rejected); they fail unless
   * it is paid with that amount, so a payment is never refunded twice or for another sum. With
   * WeChat Pay they mark it `refunding`; the caller then calls `requestRefund` once they have
   * committed, and the verified REFUND.SUCCESS notification marks it `refunded`. `refundFen`
   * (default: all of it) refunds part of the payment, once: a grocery order whose lines the store
   * replaced or dropped gets the difference back; `amountFen` is still the payment's own amount.
   */
  refundItems(paymentId: string, amountFen: number, now: Date, refundFen?: number): TransactItem[];
  /**
   * Asks the provider to send the money back for a payment marked refunding (WeChat Pay only).
   * Never fails for the provider's failures: the payments schedule asks again.
   */
  requestRefund?(paymentId: string, reason?: string): Promise<void>;
}

const table = paymentsTable;
export { paymentKey };

/**
 * The local provider: records and settles payments in DynamoDB. Settlement is what the payer's
 * confirmation on the phone triggers; in production the WeChat Pay notification does.
 */
export const localPaymentProvider: PaymentProvider = {
  name: 'local',
  createItems(p, now) {
    return [
      {
        Put: {
          TableName: table(),
          Item: {
            ...paymentKey(p.paymentId),
            ...p,
            provider: 'local',
            status: 'pending',
            createdAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  },
  async clientParams(p) {
    return { provider: 'local', paymentId: p.paymentId, amountFen: String(p.amountFen) };
  },
  settleItems(paymentId, amountFen, now) {
    const exact = { condition: 'amountFen = :amount', values: { ':amount': amountFen } };
    return [statusChange(table(), paymentKey(paymentId), { from: 'pending', to: 'paid', now, ...exact })];
  },
  cancelItems(paymentId, now) {
    return [statusChange(table(), paymentKey(paymentId), { from: 'pending', to: 'cancelled', now })];
  },
  refundItems(paymentId, amountFen, now, refundFen = amountFen) {
    const values = { ':amount': amountFen, ':refund': refundFen };
    const exact = { set: 'refundedFen = :refund', condition: 'amountFen = :amount', values };
    return [statusChange(table(), paymentKey(paymentId), { from: 'paid', to: 'refunded', now, ...exact })];
  },
};

/** The stage's provider, chosen once from config (PAYMENT_PROVIDER). */
export function paymentProvider(): PaymentProvider {
  return process.env.PAYMENT_PROVIDER === 'wechat-pay' ? wechatPayProvider : localPaymentProvider;
}
