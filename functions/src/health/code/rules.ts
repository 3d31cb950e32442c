import { cityWindowStart } from '@citycare/contract';

/**
 * The offline code's windows. Pure: the time is an argument. Windows are `windowSeconds` long and
 * aligned to city midnight (00:00–00:05, 00:05–00:10 …), so every code shown in one window of
 * the city's day has the same validity, whoever asked and when.
 */

/** One window, in epoch seconds: valid from `nbf` (inclusive) until `exp`. */
export interface CodeWindow {
  nbf: number;
  exp: number;
}

/**
 * The window holding `now`, then the next ones: `count` consecutive windows in all. The window
 * length must divide the day (300 s does), so that every city day starts a window at midnight.
 */
export function codeWindows(now: Date | number, windowSeconds: number, count: number): CodeWindow[] {
  const day = 86400;
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0 || day % windowSeconds !== 0)
    throw new Error(`bad window: ${windowSeconds}`);
  if (!(count >= 1) || !Number.isInteger(count)) throw new Error(`bad window count: ${count}`);
  const start = cityWindowStart(now, windowSeconds);
  return Array.from({ length: count }, (_, i) => ({
    nbf: start + i * windowSeconds,
    exp: start + (i + 1) * windowSeconds,
  }));
}
