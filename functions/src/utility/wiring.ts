import { getEntry } from '../directory/storage';
import { paymentProvider, type PaymentProvider } from '../payments/provider';
import { now } from './clock';

/**
 * What the utility domain takes from outside, behind small ports: the clock (clock.ts: the
 * stage may pin the calendar day), the payment provider, and the directory of companies.
 * Handlers and storage use these, never another domain's storage.
 */
export interface Clock {
  now(): Date;
}

export const clock: Clock = { now };

/** The stage's payment provider: its items go into utility's own transactions. */
export const payments = (): PaymentProvider => paymentProvider();

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
