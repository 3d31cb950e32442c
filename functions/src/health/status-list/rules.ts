import { createHash } from 'node:crypto';

/**
 * The signed status list's rules (GET /health/status-list). Pure: times are arguments.
 *
 * The list names codes whose status changed since a time, each with the time of its latest
 * change, so a scanner refuses a code issued before it. A change's time is rounded up to the
 * second: a code issued in the same second as the change is refused too (refreshing fixes it).
 */

/** A stored change: the code and when (ISO). */
export interface StatusChange {
  codeId: string;
  at: string;
}

export interface StatusListClaims {
  /** The list is complete up to this time (epoch seconds). */
  iat: number;
  /** Changes from this time on (epoch seconds). */
  since: number;
  /** A scanner uses the list offline until then (its offline window). */
  exp: number;
  /** `[codeId, changedAt]`: each code's latest change since `since`, oldest first. */
  ch: [string, number][];
}

/** The changed-at second of a change: rounded up, so a code of that same second counts as before it. */
export const changedAtSecond = (at: string) => Math.ceil(Date.parse(at) / 1000);

/**
 * Where the list starts: the asked `since`, but never before the retention (a change older than
 * the longest-lived code cannot matter, and its entry has expired).
 */
export function listStart(since: number | undefined, nowSeconds: number, retentionSeconds: number): number {
  const earliest = nowSeconds - retentionSeconds;
  if (since === undefined || !Number.isFinite(since)) return earliest;
  // A change's second is rounded up, so it may be a second after now: a day ahead is the bound.
  return Math.min(Math.max(since, earliest), nowSeconds + 86400);
}

/** Each code's latest change at or after `since`, oldest first (ties by code id, so the list is stable). */
export function latestChanges(changes: readonly StatusChange[], since: number): [string, number][] {
  const latest = new Map<string, number>();
  for (const c of changes) {
    const at = changedAtSecond(c.at);
    if (at >= since && at > (latest.get(c.codeId) ?? -Infinity)) latest.set(c.codeId, at);
  }
  return [...latest].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

/** The list's claims for a snapshot of changes read at `iat`. */
export function listClaims(
  changes: readonly StatusChange[],
  since: number,
  iat: number,
  offlineSeconds: number,
): StatusListClaims {
  return { iat, since, exp: iat + offlineSeconds, ch: latestChanges(changes, since) };
}

/**
 * When a code is issued: now, but never in the second of its status's last change or before it,
 * so that the change's rounded-up second (`changedAtSecond`) never refuses a code issued after it.
 */
export function issueTime(now: Date, changedAt: string | undefined): Date {
  const after = changedAt ? changedAtSecond(changedAt) * 1000 : 0;
  return new Date(Math.max(now.getTime(), after));
}

/** A weak ETag of what the list says (its signature differs on every signing; its content does not). */
export function listEtag(claims: StatusListClaims): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([claims.since, claims.iat, claims.ch]))
    .digest('base64url');
  return `W/"${digest.slice(0, 22)}"`;
}

/** The `Cache-Control` of a list: public, for the refresh interval (a CDN answers scanners in between). */
export const listCacheControl = (refreshSeconds: number) => `public, max-age=${refreshSeconds}`;
