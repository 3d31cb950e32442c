import { setClock } from '../../src/utility/clock';

/** The utility tests' clock: the domain's clock port, set to a moment around the relief window. */

export const IN_WINDOW = new Date('2020-02-10T02:00:00.000Z');
export const BEFORE_WINDOW = new Date('2020-01-20T02:00:00.000Z');
export const AFTER_WINDOW = new Date('2020-07-05T02:00:00.000Z');

export function setNow(at: Date): void {
  setClock(() => at);
}
