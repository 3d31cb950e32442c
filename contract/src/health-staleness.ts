import { DAY_MS } from './common/time';

/**
 * How fresh a scanner's keys and status list are (issue 12). Pure: the clock is an argument;
 * the app and the tests judge by these rules only.
 *
 * - `fresh`: fetched within the list's refresh interval; nothing to say.
 * - `cached`: older, but inside the offline window: results show 核验数据更新于 <time>.
 * - `expired`: past the offline window, or never fetched: results are 未能核验, go online.
 */
export type Freshness = 'fresh' | 'cached' | 'expired';

export interface StalenessRules {
  /** The status list's refresh interval (seconds). */
  statusListRefreshSeconds: number;
  /** How long a scanner's keys and status list may be used offline (days). */
  scannerOfflineDays: number;
}

/** The freshness of data fetched at `fetchedAtMs` (undefined: never), judged at `nowMs`. */
export function freshness(fetchedAtMs: number | undefined, nowMs: number, rules: StalenessRules): Freshness {
  if (fetchedAtMs === undefined || !Number.isFinite(fetchedAtMs)) return 'expired';
  // A clock set back (fetched "in the future") is not trusted beyond the refresh interval.
  const age = nowMs - fetchedAtMs;
  if (age < -rules.statusListRefreshSeconds * 1000) return 'expired';
  if (age <= rules.statusListRefreshSeconds * 1000) return 'fresh';
  if (age <= rules.scannerOfflineDays * DAY_MS) return 'cached';
  return 'expired';
}

/** The older of the keys' and the list's fetch times: the scanner is as fresh as its stalest part. */
export function oldestFetch(...fetchedAt: (number | undefined)[]): number | undefined {
  if (fetchedAt.some((t) => t === undefined)) return undefined;
  return Math.min(...(fetchedAt as number[]));
}

/** Whether the scanner should fetch the list again before judging (online): past the refresh interval. */
export function needsRefresh(fetchedAtMs: number | undefined, nowMs: number, refreshSeconds: number): boolean {
  return fetchedAtMs === undefined || nowMs - fetchedAtMs >= refreshSeconds * 1000 || nowMs < fetchedAtMs;
}

export interface ChainRules {
  tokenTtlSeconds: number;
  codeWindows: number;
  statusListRefreshSeconds: number;
}

/**
 * The longest a code on show can lag its resident's status, in seconds: a phone offline shows
 * the bundle's status (up to `codeWindows × tokenTtlSeconds` old); an online scanner learns of a
 * change within the list's refresh, twice over (its own refresh and a cache in between). The
 * published maximum (config `statusMaxStalenessMinutes`) must not be less.
 */
export function chainStalenessSeconds(r: ChainRules): number {
  return r.codeWindows * r.tokenTtlSeconds + 2 * r.statusListRefreshSeconds;
}

/**
 * The `since` a scanner asks the list for: a little before its last list's `iat` (changes land
 * late by up to the refresh interval), aligned down to the refresh interval so that scanners
 * ask the same URLs and a cache answers them. Without a list: undefined (the whole retention).
 */
export function listSince(lastIat: number | undefined, refreshSeconds: number): number | undefined {
  if (lastIat === undefined) return undefined;
  const from = lastIat - refreshSeconds;
  return from - (((from % refreshSeconds) + refreshSeconds) % refreshSeconds);
}

/** Latest change of each code: the merge of a kept map and a newer list's pairs, dropping those older than `keepFrom`. */
export function mergeChanges(
  kept: Record<string, number>,
  pairs: readonly (readonly [string, number])[],
  keepFrom: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [sub, at] of [...Object.entries(kept), ...pairs]) {
    if (at >= keepFrom && (out[sub] === undefined || at > out[sub])) out[sub] = at;
  }
  return out;
}

/**
 * A code issued before its resident's latest change is superseded: the list says the status moved
 * on. `atMs` (a scan judged later, when uploaded): only a change made by then counts.
 */
export function superseded(
  claims: { sub: string; iat: number },
  changes: Record<string, number>,
  atMs = Infinity,
): boolean {
  const changedAt = changes[claims.sub];
  return changedAt !== undefined && claims.iat < changedAt && changedAt * 1000 <= atMs;
}
