import { AppError } from '../../lib/errors';
import type { PaymentProvider } from '../provider';
import { wechatPayClient } from './client';
import { wechatPayConfig } from './config';
import { requestRefund, withWechatPayErrors } from './flows';
import { cancelItem, createItem, paidItem, refundingItem } from './items';

/** How long an unpaid order can be paid when the caller gives no expiry. */
const DEFAULT_PAY_MINUTES = 15;

/**
 * WeChat Pay (APIv3, JSAPI for the mini-program). A payment is created pending with its order;
 * the payer pays in WeChat's cashier with the parameters `clientParams` returns; it is settled
 * only by a verified notification or WeChat Pay's own order query (flows.ts), never by a call
 * from the app.
 */
export const wechatPayProvider: PaymentProvider = {
  name: 'wechat-pay',
  createItems: (p, now) => [createItem(p, now)],

  async clientParams(p) {
    if (!p.payerOpenid) throw new AppError('UNPROCESSABLE', '请在微信中打开小程序完成支付');
    const client = wechatPayClient(await wechatPayConfig());
    const timeExpire = p.expiresAt ? new Date(p.expiresAt) : new Date(Date.now() + DEFAULT_PAY_MINUTES * 60_000);
    const prepayId = await withWechatPayErrors(() =>
      client.jsapi({
        outTradeNo: p.paymentId,
        description: p.description,
        amountFen: p.amountFen,
        openid: p.payerOpenid ?? '',
        timeExpire,
      }),
    );
    return { provider: 'wechat-pay', paymentId: p.paymentId, ...client.requestPayment(prepayId) };
  },

  settleItems(paymentId, amountFen, now, proof) {
    if (!proof || proof.paymentId !== paymentId || proof.amountFen !== amountFen) {
      throw new AppError('UNPROCESSABLE', '支付结果以微信支付的通知为准，请稍候刷新');
    }
    return [paidItem(proof, now)];
  },

  cancelItems: (paymentId, now) => [cancelItem(paymentId, now)],
  refundItems: (paymentId, amountFen, now) => [refundingItem(paymentId, amountFen, now)],
  requestRefund: (paymentId) => requestRefund(paymentId),
};
