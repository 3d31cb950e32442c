import { getPlace, placeCode, placeColours } from '../health/places-public';

/**
 * What the company domain takes from outside: the clock, and the health-code service's places
 * (a gate's signed code and the colours recorded there). Tests move the clock with `setClock`.
 */
let override: (() => Date) | undefined;

export const clock = { now: (): Date => (override ? override() : new Date()) };

export function setClock(next: (() => Date) | undefined): void {
  override = next;
}

export const health = { placeCode, placeColours, getPlace };
