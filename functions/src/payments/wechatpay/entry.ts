import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { notFound } from '../../lib/errors';
import type { PaymentStatus } from '../provider';
import { getPayment, handleNotification, reconcile } from './flows';
import { notifyAnswer } from './notification';

/**
 * The two doors into WeChat Pay settlement from outside, for the functions to route to:
 * WeChat Pay's notification (public, raw body, its own answer format — not the JSON API
 * wrapper), and the payer's "I am back from the cashier" check, which asks WeChat Pay and
 * never takes the payer's word.
 */

/** Notifications are a few hundred bytes; anything far larger is refused before any work. */
const MAX_BODY_BYTES = 64 * 1024;

export async function notifyHandler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    return { ...notifyAnswer({ ok: false, reason: 'MALFORMED', message: 'body too large' }), statusCode: 413 };
  }
  const { answer } = await handleNotification(event.headers ?? {}, body);
  return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
}

/**
 * The payer's own payment, brought up to date from WeChat Pay when it is still pending (the
 * notification may be late). Someone else's payment is not found.
 */
export async function checkMyPayment(paymentId: string, payerId: string): Promise<{ status: PaymentStatus }> {
  const payment = await getPayment(paymentId);
  if (!payment || payment.payerId !== payerId || payment.provider !== 'wechat-pay') throw notFound('没有找到这笔支付');
  if (payment.status !== 'pending') return { status: payment.status };
  await reconcile(paymentId);
  return { status: (await getPayment(paymentId))?.status ?? payment.status };
}
