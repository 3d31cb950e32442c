import { AppError } from '../../lib/errors';
import { authorization, requestPaymentParams, type RequestPaymentParams } from './crypto';
import type { WechatPayConfig } from './config';
import { verifySignature } from './signature';
import type { ErrorBody, Refund, Transaction } from './types';

/**
 * A WeChat Pay APIv3 client for JSAPI (mini-program) payments: every request is signed with
 * the merchant key, every successful answer's signature is verified with the WeChat Pay key it
 * names (an unsigned or wrongly signed 2xx is treated as forged), and every call has a deadline.
 */
export class WechatPayError extends Error {
  constructor(
    /** WeChat Pay's error code (`ORDER_NOT_EXIST`, `SYSTEM_ERROR` …), or ours: TIMEOUT, NETWORK, UNVERIFIED. */
    readonly code: string,
    readonly status: number | undefined,
    message: string,
    /** True when the same call may succeed later (deadline, network, 5xx, 429, a bad signature). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'WechatPayError';
  }

  /** The error the HTTP wrapper answers with: 503 + Retry-After when it can be retried. */
  toAppError(): AppError {
    return this.retryable
      ? new AppError('UPSTREAM_UNAVAILABLE', '微信支付暂时不可用，请稍后再试', undefined, { retryAfterSeconds: 5 })
      : new AppError('UNPROCESSABLE', `微信支付拒绝了请求（${this.code}）`);
  }
}

const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'BANK_ERROR', 'SYSTEMERROR']);

/** RFC 3339 in China Standard Time, as WeChat Pay writes and expects times: 2020-02-10T12:00:00+08:00. */
export function chinaTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

export interface JsapiOrder {
  /** Our payment id. */
  outTradeNo: string;
  description: string;
  amountFen: number;
  openid: string;
  timeExpire: Date;
}

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
}

export type WechatPayClient = ReturnType<typeof wechatPayClient>;

export function wechatPayClient(config: WechatPayConfig, clock: () => Date = () => new Date()) {
  async function call<T>(method: 'GET' | 'POST', pathAndQuery: string, payload?: object): Promise<T | undefined> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    let res: Response;
    let text: string;
    try {
      res = await fetch(new URL(pathAndQuery, config.apiBase), {
        method,
        headers: {
          Authorization: authorization(config.merchant, method, pathAndQuery, body, clock()),
          Accept: 'application/json',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          'User-Agent': 'citycare-wechatpay/1',
        },
        body: payload === undefined ? undefined : body,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const timeout = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new WechatPayError(timeout ? 'TIMEOUT' : 'NETWORK', undefined, (err as Error).message, true);
    }
    if (!res.ok) {
      let error: Partial<ErrorBody> = {};
      try {
        error = JSON.parse(text) as ErrorBody;
      } catch {
        // Not JSON: keep the status only.
      }
      const code = error.code ?? `HTTP_${res.status}`;
      const retryable = res.status >= 500 || res.status === 429 || RETRYABLE_CODES.has(code);
      throw new WechatPayError(code, res.status, error.message ?? `HTTP ${res.status}`, retryable);
    }
    const refusal = verifySignature(res.headers, text, config.publicKeys, clock());
    if (refusal) {
      throw new WechatPayError('UNVERIFIED', res.status, `answer of ${method} ${pathAndQuery}: ${refusal}`, true);
    }
    return text === '' ? undefined : (JSON.parse(text) as T);
  }

  const tradePath = (outTradeNo: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;

  return {
    /** Places a JSAPI order; returns its prepay_id (valid two hours). */
    async jsapi(order: JsapiOrder): Promise<string> {
      if (!Number.isSafeInteger(order.amountFen) || order.amountFen <= 0) {
        throw new WechatPayError('PARAM_ERROR', undefined, 'amount must be whole fen > 0', false);
      }
      if (!/^[A-Za-z0-9_*|-]{6,32}$/.test(order.outTradeNo)) {
        throw new WechatPayError('PARAM_ERROR', undefined, 'out_trade_no must be 6-32 of A-Z a-z 0-9 _ - | *', false);
      }
      const answer = await call<{ prepay_id?: string }>('POST', '/v3/pay/transactions/jsapi', {
        appid: config.appId,
        mchid: config.mchId,
        description: order.description.slice(0, 127),
        out_trade_no: order.outTradeNo,
        time_expire: chinaTime(order.timeExpire),
        notify_url: config.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.openid },
      });
      if (!answer?.prepay_id) throw new WechatPayError('NO_PREPAY_ID', 200, 'answer without prepay_id', true);
      return answer.prepay_id;
    },

    /** The mini-program's `requestPayment` parameters, signed with the merchant key. */
    requestPayment(prepayId: string): RequestPaymentParams {
      return requestPaymentParams(config.appId, prepayId, config.merchant.privateKeyPem, clock());
    },

    async query(outTradeNo: string): Promise<Transaction> {
      const answer = await call<Transaction>('GET', `${tradePath(outTradeNo)}?mchid=${config.mchId}`);
      if (!answer) throw new WechatPayError('EMPTY_ANSWER', 200, 'empty order query answer', true);
      return answer;
    },

    /** Closes an unpaid order (204). */
    async close(outTradeNo: string): Promise<void> {
      await call('POST', `${tradePath(outTradeNo)}/close`, { mchid: config.mchId });
    },

    /** Asks for a refund; the money moves when REFUND.SUCCESS arrives. Same out_refund_no, same refund. */
    async refund(request: RefundRequest): Promise<Refund> {
      const answer = await call<Refund>('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: request.outTradeNo,
        out_refund_no: request.outRefundNo,
        reason: request.reason.slice(0, 80),
        notify_url: config.notifyUrl,
        amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
      });
      if (!answer) throw new WechatPayError('EMPTY_ANSWER', 200, 'empty refund answer', true);
      return answer;
    },

    /** A refund's state (PROCESSING, SUCCESS, CLOSED, ABNORMAL), when its notification is late. */
    async queryRefund(outRefundNo: string): Promise<Refund> {
      const answer = await call<Refund>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      if (!answer) throw new WechatPayError('EMPTY_ANSWER', 200, 'empty refund query answer', true);
      return answer;
    },
  };
}
