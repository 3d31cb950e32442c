import { getOpenid } from '../auth/storage';
import { getEntry } from '../directory/storage';
import type { PaymentProvider } from '../payments';
import { wechatPayProvider } from '../payments/wechatpay/provider';
import { now, paymentNow } from './clock';

/**
 * What the utility domain takes from outside, behind small ports: the clocks (clock.ts: the
 * stage may pin the calendar day; payments run on real time), the payment provider, payers'
 * openids, and the directory of companies. Handlers and storage use these, never another
 * domain's storage.
 */
export interface Clock {
  now(): Date;
}

export const clock: Clock = { now };

/** WeChat Pay's time (a payment's creation and time_expire): real time. */
export const paymentsClock: Clock = { now: paymentNow };

/**
 * Bills are paid through WeChat Pay on every stage (locally its simulator), whatever the stage's
 * `payments.provider` says: that switch still serves grocery's local provider until grocery is
 * wired to WeChat Pay too; nothing of utility settles on the payer's word any more.
 */
export const payments = (): PaymentProvider => wechatPayProvider;

export interface PayersPort {
  /** The payer's openid in the super-app (WeChat Pay's JSAPI order needs it), if known. */
  openid(userId: string): Promise<string | undefined>;
}

export const payers: PayersPort = { openid: getOpenid };

export interface CompaniesPort {
  /** A utility company's name, or undefined when the directory has no such company. */
  nameOf(company: string): Promise<string | undefined>;
}

export const companies: CompaniesPort = {
  nameOf: async (company) => {
    const entry = await getEntry('utility', company);
    return entry ? String(entry.name) : undefined;
  },
};
