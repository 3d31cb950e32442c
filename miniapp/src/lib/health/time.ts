import { cityDateTime } from '@citycare/contract/src/common';

export { cityDateTime as shanghaiDateTime };
const two = (n: number) => String(n).padStart(2, '0');

/** `02-22 09:05` in the city. */
export function shanghaiShort(at: Date | string | number): string {
  return cityDateTime(at).slice(5, 16);
}

/** `4:05` from seconds. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}
