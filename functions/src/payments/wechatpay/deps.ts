import type { PaymentPurpose, TransactItem } from '../provider';
import { wechatPayClient, type WechatPayClient } from './client';
import { wechatPayConfig, type WechatPayConfig } from './config';
import type { Refused } from './notification';
import type { PaymentRecord } from './store';

/**
 * What a payment's purpose (its domain) writes when the payment changes, and what the flows
 * run with. Each hook returns transaction items that commit together with the payment's own
 * change, or not at all; a hook's condition that fails (the order moved on) fails the change.
 */
export interface PaymentHooks {
  /** The payment was paid (verified notification or WeChat Pay's order query): mark what it pays for paid. */
  paid?: (payment: PaymentRecord, now: Date) => TransactItem[];
  /**
   * The payment lapsed unpaid and its WeChat Pay order is closed (the schedule, at time_expire):
   * give back what it held — stock, a slot place — and mark the order or share cancelled.
   */
  closed?: (payment: PaymentRecord, now: Date) => TransactItem[];
  /** WeChat Pay says the refund is done (REFUND.SUCCESS or its refund query): record it. */
  refunded?: (payment: PaymentRecord, now: Date) => TransactItem[];
  /**
   * The refund needs a person (refused, ABNORMAL, CLOSED, or failing for too long): let the store
   * see it on the order. The payment stays `refunding`; `problem` is WeChat Pay's code.
   */
  refundFailed?: (payment: PaymentRecord, problem: string, now: Date) => TransactItem[];
}

const registry: Partial<Record<PaymentPurpose, PaymentHooks>> = {};

/** Called once per purpose by the payments wiring (payments/wiring.ts). */
export function onPayment(purpose: PaymentPurpose, hooks: PaymentHooks): void {
  registry[purpose] = hooks;
}

export interface FlowDeps {
  config: WechatPayConfig;
  client: WechatPayClient;
  now: () => Date;
  hooks: Partial<Record<PaymentPurpose, PaymentHooks>>;
}

export async function defaultDeps(): Promise<FlowDeps> {
  const config = await wechatPayConfig();
  return { config, client: wechatPayClient(config), now: () => new Date(), hooks: registry };
}

export type Outcome =
  | {
      ok: true;
      result: 'settled' | 'already-settled' | 'paid-after-close' | 'refunded' | 'already-refunded' | 'refund-problem';
    }
  | Refused
  | { ok: false; reason: 'TRY_AGAIN'; message: string };
