import { decryptResource } from './crypto';
import { verifySignature, type HeaderSource, type PublicKeys, type SignatureRefusal } from './signature';
import type { NotificationBody, Refund, Transaction } from './types';

/**
 * Opening and checking WeChat Pay notifications, with no I/O: the signature over the raw body
 * (before anything is parsed), the clock, the AEAD_AES_256_GCM resource, and then every field
 * of what it says against what we asked for. The same checks apply to an order query's answer.
 */
export type Refusal =
  | SignatureRefusal
  | 'MALFORMED'
  | 'UNDECRYPTABLE'
  | 'UNKNOWN_EVENT'
  | 'WRONG_MERCHANT'
  | 'WRONG_APP'
  | 'WRONG_ORDER'
  | 'WRONG_AMOUNT'
  | 'NOT_PAID'
  | 'UNKNOWN_PAYMENT'
  | 'UNKNOWN_REFUND';

export interface Refused {
  ok: false;
  reason: Refusal;
  message: string;
}
const refuse = (reason: Refusal, message: string): Refused => ({ ok: false, reason, message });

export type Opened =
  | { ok: true; kind: 'transaction'; eventId: string; eventType: string; transaction: Transaction }
  | { ok: true; kind: 'refund'; eventId: string; eventType: string; refund: Refund };

export interface NotificationKeys {
  publicKeys: PublicKeys;
  apiV3Key: string;
}

export function openNotification(
  headers: HeaderSource,
  rawBody: string,
  keys: NotificationKeys,
  now: Date,
): Opened | Refused {
  const signature = verifySignature(headers, rawBody, keys.publicKeys, now);
  if (signature) return refuse(signature, `notification signature: ${signature}`);
  let body: NotificationBody;
  try {
    body = JSON.parse(rawBody) as NotificationBody;
  } catch {
    return refuse('MALFORMED', 'notification body is not JSON');
  }
  if (body.resource_type !== 'encrypt-resource' || typeof body.resource?.ciphertext !== 'string') {
    return refuse('MALFORMED', 'notification without an encrypted resource');
  }
  let resource: unknown;
  try {
    resource = JSON.parse(decryptResource(keys.apiV3Key, body.resource));
  } catch {
    return refuse('UNDECRYPTABLE', 'notification resource does not decrypt with the APIv3 key');
  }
  if (body.event_type.startsWith('TRANSACTION.') && body.resource.original_type === 'transaction') {
    return {
      ok: true,
      kind: 'transaction',
      eventId: body.id,
      eventType: body.event_type,
      transaction: resource as Transaction,
    };
  }
  if (body.event_type.startsWith('REFUND.') && body.resource.original_type === 'refund') {
    return { ok: true, kind: 'refund', eventId: body.id, eventType: body.event_type, refund: resource as Refund };
  }
  return refuse('UNKNOWN_EVENT', `event ${body.event_type} of ${body.resource.original_type}`);
}

/** A payment WeChat Pay says was paid, checked against ours: the only thing that settles one. */
export interface PaidProof {
  ok: true;
  paymentId: string;
  transactionId: string;
  amountFen: number;
  paidAt: string;
}

export interface ExpectedPayment {
  mchId: string;
  appId: string;
  paymentId: string;
  amountFen: number;
}

/**
 * Checks a transaction (from a notification or an order query) against the payment we asked
 * for: our merchant and app, our out_trade_no, paid (SUCCESS), in CNY, for exactly our amount.
 */
export function checkPaid(tx: Transaction, expected: ExpectedPayment): PaidProof | Refused {
  if (tx.mchid !== expected.mchId) return refuse('WRONG_MERCHANT', `mchid ${tx.mchid}`);
  if (tx.appid !== expected.appId) return refuse('WRONG_APP', `appid ${tx.appid}`);
  if (tx.out_trade_no !== expected.paymentId) return refuse('WRONG_ORDER', `out_trade_no ${tx.out_trade_no}`);
  if (tx.trade_state !== 'SUCCESS') return refuse('NOT_PAID', `trade_state ${tx.trade_state}`);
  if (!tx.transaction_id) return refuse('MALFORMED', 'paid transaction without transaction_id');
  const amount = tx.amount ?? {};
  if (
    amount.total !== expected.amountFen ||
    (amount.currency ?? 'CNY') !== 'CNY' ||
    (amount.payer_total !== undefined && amount.payer_total > amount.total)
  ) {
    return refuse('WRONG_AMOUNT', `paid ${amount.total} ${amount.currency}, asked ${expected.amountFen}`);
  }
  return {
    ok: true,
    paymentId: expected.paymentId,
    transactionId: tx.transaction_id,
    amountFen: expected.amountFen,
    paidAt: tx.success_time ?? '',
  };
}

export interface RefundProof {
  ok: true;
  paymentId: string;
  refundId: string;
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  refundFen: number;
}

export interface ExpectedRefund {
  mchId: string;
  paymentId: string;
  outRefundNo: string;
  refundFen: number;
}

/** Checks a refund notification against the refund we asked for. */
export function checkRefund(refund: Refund, expected: ExpectedRefund): RefundProof | Refused {
  if (refund.mchid !== undefined && refund.mchid !== expected.mchId) {
    return refuse('WRONG_MERCHANT', `mchid ${refund.mchid}`);
  }
  if (refund.out_refund_no !== expected.outRefundNo || refund.out_trade_no !== expected.paymentId) {
    return refuse('WRONG_ORDER', `refund ${refund.out_refund_no} of ${refund.out_trade_no}`);
  }
  if (refund.amount?.refund !== expected.refundFen) {
    return refuse('WRONG_AMOUNT', `refunded ${refund.amount?.refund}, asked ${expected.refundFen}`);
  }
  const status = refund.refund_status ?? refund.status;
  if (status !== 'SUCCESS' && status !== 'CLOSED' && status !== 'ABNORMAL') {
    return refuse('NOT_PAID', `refund_status ${status}`);
  }
  return { ok: true, paymentId: expected.paymentId, refundId: refund.refund_id, status, refundFen: expected.refundFen };
}

/**
 * The answer WeChat Pay expects: 204 with no body when handled (it stops sending), otherwise
 * 4xx/5xx with `{"code":"FAIL","message":…}`, and it sends the notification again later.
 */
export interface NotifyAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function notifyAnswer(
  outcome: { ok: true } | Refused | { ok: false; reason: 'TRY_AGAIN'; message: string },
): NotifyAnswer {
  if (outcome.ok) return { statusCode: 204, headers: {}, body: '' };
  const status =
    outcome.reason === 'TRY_AGAIN'
      ? 500
      : ['MISSING_HEADERS', 'UNKNOWN_SERIAL', 'STALE_TIMESTAMP', 'BAD_SIGNATURE', 'UNDECRYPTABLE'].includes(
            outcome.reason,
          )
        ? 401
        : outcome.reason === 'UNKNOWN_PAYMENT' || outcome.reason === 'UNKNOWN_REFUND'
          ? 404
          : 400;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'FAIL', message: outcome.reason }),
  };
}
