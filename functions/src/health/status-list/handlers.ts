import { cachedRead } from '../../lib/cache';
import { endpoint, Reply } from '../../lib/http';
import { healthConfig } from '../config';
import { healthKeys, signStatusList } from '../tokens';
import { clock } from '../wiring';
import { latestChanges, listCacheControl, listClaims, listEtag, listStart, type StatusChange } from './rules';
import { changesSince } from './storage';

/** The signed status list: codes whose status changed since a time, for scanners (issue 12). */

interface Snapshot {
  /** Read at (epoch seconds): the list is complete up to then. */
  asOf: number;
  changes: StatusChange[];
}

/**
 * Every change inside the retention, read at most once per refresh interval in a function
 * instance (at 10x peak, the database sees one read of a week's small partitions per instance
 * and minute, whatever the number of scanners); served stale while the database fails.
 */
function snapshot(): Promise<Snapshot> {
  const c = healthConfig();
  return cachedRead(
    'status-list',
    c.scannerOfflineDays * 86400,
    async () => {
      const now = clock.now();
      const from = new Date(now.getTime() - c.paperCodeDays * 86400_000);
      return { asOf: Math.floor(now.getTime() / 1000), changes: await changesSince(from, now) };
    },
    { freshSeconds: c.statusListRefreshSeconds },
  );
}

/** Each code's latest change in the retention (code id -> epoch seconds): the server's own scan check. */
export async function latestChangeOf(): Promise<Record<string, number>> {
  const c = healthConfig();
  const snap = await snapshot();
  return Object.fromEntries(latestChanges(snap.changes, snap.asOf - c.paperCodeDays * 86400));
}

/**
 * GET /health/status-list?since= (healthStatusList): the signed list (ES256, the code-signing
 * key, verified with GET /health/keys) of codes whose status changed since `since`. Public and
 * cacheable for the refresh interval; a matching If-None-Match gets 304.
 */
export const statusList = endpoint('healthStatusList', {}, async ({ query, headers }) => {
  const c = healthConfig();
  const snap = await snapshot();
  const since = listStart(
    query.since === undefined ? undefined : Number(query.since),
    snap.asOf,
    c.paperCodeDays * 86400,
  );
  const claims = listClaims(snap.changes, since, snap.asOf, c.scannerOfflineDays * 86400);
  const etag = listEtag(claims);
  const cache = { 'cache-control': listCacheControl(c.statusListRefreshSeconds), etag };
  if (headers['if-none-match'] === etag) {
    return new Reply(304, '' as unknown as { list: string }, { ...cache, 'content-type': 'text/plain' });
  }
  return new Reply(200, { list: signStatusList(await healthKeys(), claims, clock.now()) }, cache);
});
