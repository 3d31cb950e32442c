import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { MyPayment } from '@citycare/contract';
import { withRequest } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { take, type Limit } from '../../lib/limits';
import { log } from '../../lib/log';
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
  const requestId = event.requestContext?.requestId ?? 'local';
  return withRequest({ requestId, route: 'wechatPayNotify' }, async () => {
    try {
      const raw = event.body ?? '';
      const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
        return { ...notifyAnswer({ ok: false, reason: 'MALFORMED', message: 'body too large' }), statusCode: 413 };
      }
      const { answer } = await handleNotification(event.headers ?? {}, body);
      return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
    } catch (err) {
      // Never a throw (serverless-offline would answer 200): WeChat Pay sends it again later.
      log.error('wechat pay notification failed', { error: (err as Error).message });
      return notifyAnswer({ ok: false, reason: 'TRY_AGAIN', message: 'internal' });
    }
  });
}

/** Each check of a pending payment asks WeChat Pay once: a payer cannot make us flood it. */
export const PAYMENT_CHECKS: Limit = {
  name: 'payments.check.user',
  max: 60,
  windowSeconds: 600,
  message: '查询支付结果过于频繁',
};

/**
 * The payer's own payment, brought up to date from WeChat Pay when it is still pending (the
 * notification may be late). Someone else's payment is not found. A payment of the local
 * provider (stage `local` before WeChat Pay is switched on) is reported as stored.
 */
export async function myPayment(paymentId: string, payerId: string): Promise<MyPayment> {
  const payment = await getPayment(paymentId);
  if (!payment || payment.payerId !== payerId) throw notFound('没有找到这笔支付');
  const view = (status = payment.status): MyPayment => ({ paymentId, status, amountFen: payment.amountFen });
  if (payment.status !== 'pending' || payment.provider !== 'wechat-pay') return view();
  await take(PAYMENT_CHECKS, payerId);
  const outcome = await reconcile(paymentId, undefined, payment);
  if (outcome.ok && outcome.result === 'not-paid') return view();
  if (outcome.ok && (outcome.result === 'settled' || outcome.result === 'already-settled')) return view('paid');
  // Anything else (paid after it was closed, a refusal): what is stored now.
  return view((await getPayment(paymentId))?.status);
}

/** The status alone, as the payments tests and the domains ask for it. */
export async function checkMyPayment(paymentId: string, payerId: string): Promise<Pick<MyPayment, 'status'>> {
  return { status: (await myPayment(paymentId, payerId)).status };
}
