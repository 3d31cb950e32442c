import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '../lib/env';
import { AppError } from '../lib/errors';

/**
 * Payments behind one interface. The domain (a grocery order, a utility bill) commits the
 * provider's items in its own TransactWriteItems, so a payment and what it pays for are
 * recorded together or not at all.
 */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export type PaymentPurpose = 'grocery-order' | 'utility-bill';
export type PaymentStatus = 'pending' | 'paid' | 'cancelled' | 'refunded';

export interface NewPayment {
  paymentId: string;
  payerId: string;
  amountFen: number;
  purpose: PaymentPurpose;
  /** The order id or bill id it pays for. */
  reference: string;
  description: string;
}

export interface PaymentProvider {
  readonly name: 'local' | 'wechat-pay';
  /** Items recording a new pending payment. */
  createItems(payment: NewPayment, now: Date): TransactItem[];
  /** What the mini-program needs to ask the payer to pay (for WeChat Pay: `requestPayment` parameters). */
  clientParams(payment: NewPayment): Promise<Record<string, string>>;
  /** Items marking the payment paid; they fail unless it is still pending with that amount. */
  settleItems(paymentId: string, amountFen: number, now: Date): TransactItem[];
  /** Items cancelling a pending payment (an order cancelled before it was paid). */
  cancelItems(paymentId: string, now: Date): TransactItem[];
  /**
   * Items refunding a paid payment in full (a paid order cancelled or rejected); they fail unless
   * it is paid with that amount, so a payment is never refunded twice or for another sum.
   */
  refundItems(paymentId: string, amountFen: number, now: Date): TransactItem[];
}

const table = () => requireEnv('TABLE_PAYMENTS');
export const paymentKey = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}` });

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
    return [
      {
        Update: {
          TableName: table(),
          Key: paymentKey(paymentId),
          UpdateExpression: 'SET #s = :paid, paidAt = :now',
          ConditionExpression: '#s = :pending AND amountFen = :amount',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':paid': 'paid',
            ':pending': 'pending',
            ':amount': amountFen,
            ':now': now.toISOString(),
          },
        },
      },
    ];
  },
  cancelItems(paymentId, now) {
    return [
      {
        Update: {
          TableName: table(),
          Key: paymentKey(paymentId),
          UpdateExpression: 'SET #s = :cancelled, cancelledAt = :now',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':now': now.toISOString() },
        },
      },
    ];
  },
  refundItems(paymentId, amountFen, now) {
    return [
      {
        Update: {
          TableName: table(),
          Key: paymentKey(paymentId),
          UpdateExpression: 'SET #s = :refunded, refundedAt = :now, refundedFen = :amount',
          ConditionExpression: '#s = :paid AND amountFen = :amount',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':refunded': 'refunded',
            ':paid': 'paid',
            ':amount': amountFen,
            ':now': now.toISOString(),
          },
        },
      },
    ];
  },
};

/**
 * Where the super-app's payment (WeChat Pay JSAPI) plugs in: `clientParams` would place a
 * unified order with the merchant key from SSM and return the signed `requestPayment`
 * parameters; settlement would come from its verified payment notification. Not configured in
 * any stage yet, so it refuses clearly instead of pretending.
 */
export const wechatPayProvider: PaymentProvider = {
  name: 'wechat-pay',
  createItems: localPaymentProvider.createItems,
  async clientParams() {
    throw new AppError('UPSTREAM_UNAVAILABLE', '微信支付尚未开通，请选择货到付款或稍后再试');
  },
  settleItems: localPaymentProvider.settleItems,
  cancelItems: localPaymentProvider.cancelItems,
  /**
   * The refund is recorded in the same transaction as the cancelled order. The money goes back
   * through WeChat Pay's refund API (申请退款, `out_refund_no` = the payment id, so a retry
   * is not refunded twice), called with the merchant key from SSM once the transaction has
   * committed, and confirmed by its verified refund notification. Not configured in any stage
   * yet, like `clientParams`.
   */
  refundItems: localPaymentProvider.refundItems,
};

/** The stage's provider, chosen once from config (PAYMENT_PROVIDER). */
export function paymentProvider(): PaymentProvider {
  return process.env.PAYMENT_PROVIDER === 'wechat-pay' ? wechatPayProvider : localPaymentProvider;
}
