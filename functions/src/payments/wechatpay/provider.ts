import { AppError, conflict, notFound } from '../../lib/errors';
import type { PaymentProvider } from '../provider';
import { wechatPayClient } from './client';
import { wechatPayConfig } from './config';
import { getPayment, requestRefund, withWechatPayErrors } from './flows';
import { cancelItem, createItem, paidItem, refundingItem } from './items';

/**
 * WeChat Pay (APIv3, JSAPI for the mini-program). A payment is created pending with its order;
 * the payer pays in WeChat's cashier with the parameters `clientParams` returns; it is settled
 * only by a verified notification or WeChat Pay's own order query (flows.ts), never by a call
 * from the app.
 */
export const wechatPayProvider: PaymentProvider = {
  name: 'wechat-pay',
  createItems: (p, now) => [createItem(p, now)],

  /** Places (or finds again) the JSAPI order for the stored payment: amount and expiry are ours, not the caller's. */
  async clientParams(p) {
    if (!p.payerOpenid) throw new AppError('UNPROCESSABLE', '请在微信中打开小程序完成支付');
    const record = await getPayment(p.paymentId);
    if (!record || record.provider !== 'wechat-pay') throw notFound('没有找到这笔支付');
    if (record.status !== 'pending') throw conflict('这笔支付已经完成或已取消');
    const client = wechatPayClient(await wechatPayConfig());
    const prepayId = await withWechatPayErrors(() =>
      client.jsapi({
        outTradeNo: record.paymentId,
        description: record.description,
        amountFen: record.amountFen,
        openid: p.payerOpenid ?? '',
        timeExpire: new Date(record.expiresAt),
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
  refundItems: (paymentId, amountFen, now, refundFen) => [refundingItem(paymentId, amountFen, now, refundFen)],
  async requestRefund(paymentId, reason) {
    await requestRefund(paymentId, undefined, reason);
  },
};
