import { randomBytes, randomUUID } from 'node:crypto';
import { chinaTime } from '../../functions/src/payments/wechatpay/client';
import {
  encryptResource,
  nonceStr,
  rsaSign,
  signedMessage,
  unixSeconds,
} from '../../functions/src/payments/wechatpay/crypto';

/**
 * How the WeChat Pay simulator signs what it sends — its answers and its notifications — and
 * delivers notifications: `Wechatpay-Signature` is SHA256withRSA with the platform key over
 * `timestamp\nnonce\nbody\n`; a notification's resource is AEAD_AES_256_GCM with the APIv3 key.
 */
export interface PlatformKey {
  id: string;
  privateKeyPem: string;
}

export interface SignedMessage {
  headers: Record<string, string>;
  body: string;
}

export interface SignOptions {
  /** Seconds since the epoch to write in Wechatpay-Timestamp (a stale one for tests). */
  timestamp?: string;
  /** The key id to name in Wechatpay-Serial (a wrong one for tests). */
  serial?: string;
}

export function signBody(key: PlatformKey, body: string, now: Date, options: SignOptions = {}): SignedMessage {
  const timestamp = options.timestamp ?? unixSeconds(now);
  const nonce = nonceStr();
  return {
    body,
    headers: {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(key.privateKeyPem, signedMessage(timestamp, nonce, body)),
      'Wechatpay-Serial': options.serial ?? key.id,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
      'Request-ID': randomUUID(),
    },
  };
}

const SUMMARY: Record<string, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

/** A notification's body as WeChat Pay posts it: an envelope around the encrypted resource. */
export function notificationBody(
  apiV3Key: string,
  eventType: string,
  originalType: 'transaction' | 'refund',
  resource: object,
  now: Date,
): string {
  return JSON.stringify({
    id: randomUUID(),
    create_time: chinaTime(now),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: SUMMARY[eventType] ?? eventType,
    resource: encryptResource(
      apiV3Key,
      JSON.stringify(resource),
      originalType,
      originalType,
      randomBytes(6).toString('hex'),
    ),
  });
}

export interface Delivery {
  url: string;
  eventType: string;
  attempt: number;
  status: number | 'network-error';
  answer: string;
}

/** Posts a notification once; true when the merchant answered 200 or 204. */
export async function deliverOnce(url: string, message: SignedMessage, log: Delivery[], attempt = 1): Promise<boolean> {
  const eventType = (JSON.parse(message.body) as { event_type: string }).event_type;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...message.headers },
      body: message.body,
      signal: AbortSignal.timeout(5000),
    });
    const answer = await res.text();
    log.push({ url, eventType, attempt, status: res.status, answer });
    return res.status === 200 || res.status === 204;
  } catch (err) {
    log.push({ url, eventType, attempt, status: 'network-error', answer: (err as Error).message });
    return false;
  }
}

/**
 * Delivers with retries, as WeChat Pay does (its schedule runs over 24 hours; the simulator's
 * is short). Each retry is the same notification body, signed again when it is sent.
 */
export async function deliver(
  url: string,
  body: string,
  sign: (body: string) => SignedMessage,
  log: Delivery[],
  retryDelaysMs: readonly number[],
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    if (await deliverOnce(url, sign(body), log, attempt)) return true;
    const delay = retryDelaysMs[attempt - 1];
    if (delay === undefined) return false;
    await new Promise((r) => setTimeout(r, delay));
  }
}

/**
 * Notifications that must be refused or must change nothing, for tests: `genuine` (a fresh,
 * valid one), `tampered` (one field changed after signing), `stale` (signed ten minutes ago),
 * `wrong-serial` (names a key id the merchant does not hold). Replays resend an exact earlier message.
 */
export type Variant = 'genuine' | 'tampered' | 'stale' | 'wrong-serial';

export function variantMessage(key: PlatformKey, body: string, now: Date, variant: Variant): SignedMessage {
  if (variant === 'stale')
    return signBody(key, body, now, { timestamp: unixSeconds(new Date(now.getTime() - 600_000)) });
  if (variant === 'wrong-serial')
    return signBody(key, body, now, { serial: 'PUB_KEY_ID_0000000000000000000000000000' });
  const signed = signBody(key, body, now);
  return variant === 'tampered'
    ? { ...signed, body: body.replace(/"summary":"[^"]*"/, '"summary":"支付成功 "') }
    : signed;
}
