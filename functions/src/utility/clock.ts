import { CITY_OFFSET_MS, cityMidnight, DAY_MS, isCityDate } from '@citycare/contract';
import { optionalEnv } from '../lib/env';

/**
 * The one place the utility domain takes the time from. Rules never read a clock; handlers and
 * storage call `now()`. The stage may pin the calendar day (config `utility.clockDate`, e.g. the
 * local demo stack plays 2020-02-10 at the real time of day); tests inject a clock with `setClock`.
 */
export type Clock = () => Date;

/** A clock on the Shanghai day `date`, at the real Shanghai time of day. */
export function pinnedDayClock(date: string, real: Clock = () => new Date()): Clock {
  if (!isCityDate(date)) throw new Error(`UTILITY_CLOCK_DATE is not a date: ${date}`);
  const dayStart = cityMidnight(date).getTime();
  return () => new Date(dayStart + ((real().getTime() + CITY_OFFSET_MS) % DAY_MS));
}

function stageClock(): Clock {
  const date = optionalEnv('UTILITY_CLOCK_DATE');
  return date ? pinnedDayClock(date) : () => new Date();
}

let clock: Clock | undefined;

export function now(): Date {
  clock ??= stageClock();
  return clock();
}

/** Replaces the clock (tests, the bench); `undefined` goes back to the stage's clock. */
export function setClock(next: Clock | undefined): void {
  clock = next;
}

let paymentClock: Clock | undefined;

/**
 * WeChat Pay's time: a payment's creation and expiry (its time_expire) are real instants,
 * whatever calendar day the stage plays; late fees use `now()`.
 */
export function paymentNow(): Date {
  return paymentClock ? paymentClock() : new Date();
}

/** Replaces the payments' clock (tests); `undefined` goes back to the real time. */
export function setPaymentClock(next: Clock | undefined): void {
  paymentClock = next;
}
