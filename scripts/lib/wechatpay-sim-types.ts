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
