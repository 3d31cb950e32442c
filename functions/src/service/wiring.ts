/**
 * What the service domain takes from outside: the clock. Rules never read a clock; handlers
 * call `clock.now()`. Tests move it with `setClock` (a week later: reopening is refused).
 */
export interface Clock {
  now(): Date;
}

let override: (() => Date) | undefined;

export const clock: Clock = { now: () => (override ? override() : new Date()) };

/** Replaces the clock (tests); `undefined` goes back to real time. */
export function setClock(next: (() => Date) | undefined): void {
  override = next;
}
