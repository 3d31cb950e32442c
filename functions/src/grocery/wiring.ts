import type { RoleGrant } from '@citycare/contract';
import { getOpenid, getUser } from '../auth/storage';
import { householdColour } from '../health/public';
import { paymentProvider, type PaymentProvider } from '../payments';
import type { HouseholdColour } from './rules';

/**
 * The grocery domain's ports: what it takes from outside — the clock, the health service, the
 * users' directory and the payment provider — each behind a small type and given here once.
 * Handlers and storage use these, never another domain's storage; tests replace a port with a
 * spy (`jest.spyOn(health, 'colourOf')`).
 */

export interface Clock {
  now(): Date;
}

export const clock: Clock = { now: () => new Date() };

export interface HealthPort {
  /** The worst health-code colour of the caller's household; 'unregistered' when they have no code. */
  colourOf(userId: string): Promise<HouseholdColour>;
}

export const health: HealthPort = {
  colourOf: (userId) => householdColour(userId),
};

export interface UsersPort {
  /** The user's roles as they are now (a staff role revoked a minute ago no longer counts). */
  rolesOf(userId: string): Promise<RoleGrant[]>;
  /** The name staff are shown by, when they have one. */
  displayName(userId: string): Promise<string | undefined>;
  /** The user's openid in the super-app: a WeChat Pay JSAPI order's payer. */
  openid(userId: string): Promise<string | undefined>;
}

export const users: UsersPort = {
  rolesOf: async (userId) => (await getUser(userId))?.roles ?? [],
  displayName: async (userId) => (await getUser(userId))?.displayName,
  openid: (userId) => getOpenid(userId),
};

/** The stage's payment provider: its items go into grocery's own transactions. */
export const payments = (): PaymentProvider => paymentProvider();
