import { randomBytes } from 'node:crypto';
import type { Refund, Transaction } from '../../functions/src/payments/wechatpay/types';
import type { PlatformKey } from './wechatpay-sim-notify';

/** The WeChat Pay simulator's options, state and request shapes (wechatpay-sim.ts). */
export interface SimOptions {
  mchId: string;
  appId: string;
  merchantSerialNo: string;
  merchantPublicKeyPem: string;
  platform: PlatformKey;
  apiV3Key: string;
  port?: number;
  clock?: () => Date;
  /** Pauses between notification attempts. */
  retryDelaysMs?: number[];
  /** Whether a refund succeeds (and REFUND.SUCCESS is sent) on its own; else call completeRefund. */
  autoCompleteRefunds?: boolean;
}

export interface SimOrder {
  prepayId: string;
  notifyUrl: string;
  timeExpire: Date;
  description: string;
  transaction: Transaction;
  refunded: number;
}

export interface SimRefund {
  notifyUrl: string;
  refund: Refund;
}

export const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

/** What the merchant may send (checked field by field: nothing it says is trusted). */
export interface RequestBody {
  appid?: string;
  mchid?: string;
  description?: string;
  out_trade_no?: string;
  out_refund_no?: string;
  time_expire?: string;
  notify_url?: string;
  amount?: { total?: number; refund?: number; currency?: string };
  payer?: { openid?: string };
}

export const isFen = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSAPI order request checked field by field as WeChat Pay does (400 with its code otherwise). */
export function checkJsapi(p: RequestBody, options: Pick<SimOptions, 'mchId' | 'appId'>, now: Date) {
  if (p.mchid !== options.mchId || p.appid !== options.appId)
    throw new SimError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  const total = p.amount?.total;
  if (!isFen(total) || (p.amount?.currency ?? 'CNY') !== 'CNY') throw new SimError(400, 'PARAM_ERROR', '金额有误');
  if (typeof p.out_trade_no !== 'string' || !/^[A-Za-z0-9_*|-]{6,32}$/.test(p.out_trade_no))
    throw new SimError(400, 'PARAM_ERROR', 'out_trade_no有误');
  if (typeof p.payer?.openid !== 'string' || !p.payer.openid) throw new SimError(400, 'PARAM_ERROR', '缺少openid');
  if (typeof p.description !== 'string' || !p.description) throw new SimError(400, 'PARAM_ERROR', '缺少description');
  if (typeof p.notify_url !== 'string' || !/^https?:\/\//.test(p.notify_url))
    throw new SimError(400, 'PARAM_ERROR', 'notify_url有误');
  const timeExpire = p.time_expire ? new Date(p.time_expire) : new Date(now.getTime() + 2 * 3600_000);
  if (Number.isNaN(timeExpire.getTime())) throw new SimError(400, 'PARAM_ERROR', 'time_expire有误');
  return { total, timeExpire, openid: p.payer.openid, outTradeNo: p.out_trade_no };
}
