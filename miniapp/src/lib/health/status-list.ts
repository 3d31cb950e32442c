import Taro from '@tarojs/taro';
import { listSince, mergeChanges, needsRefresh } from '@citycare/contract/src/health-staleness';
import { api } from '@/api';
import { readStored } from '@/lib/storage';
import { verifyStatusList } from './status-list-verify';
import type { KeyRing } from './verify';

/**
 * The scanner's copy of the signed status list (GET /health/status-list): each code's latest
 * status change, kept in storage so an offline scanner still refuses a code issued before it.
 * Fetched from a little before the last list (`listSince`), verified with the cached JWKS,
 * merged; changes older than the retention are dropped. Fetched only when a scan or the page's
 * show needs it and the copy is past the refresh interval: an idle page asks nothing.
 */
const STORAGE_KEY = 'citycare.health.statusList';

export interface CachedList {
  /** Code id -> its latest change (epoch seconds). */
  changes: Record<string, number>;
  /** The newest list's `iat` (epoch seconds). */
  iat?: number;
  /** When this scanner last got a list (its own clock, ms). */
  fetchedAt?: number;
}

let memory: CachedList | undefined;

export function cachedList(): CachedList {
  if (!memory) {
    const stored = readStored<Partial<CachedList>>(STORAGE_KEY, {});
    memory = {
      changes: stored.changes && typeof stored.changes === 'object' ? stored.changes : {},
      iat: typeof stored.iat === 'number' ? stored.iat : undefined,
      fetchedAt: typeof stored.fetchedAt === 'number' ? stored.fetchedAt : undefined,
    };
  }
  return memory;
}

/**
 * Fetches the list when past `refreshSeconds` (or `force`), verifies it with `ring` and merges it
 * in; offline, or when it does not verify, keeps the copy. `retentionDays`: changes kept.
 */
export async function refreshList(ring: KeyRing, refreshSeconds: number, retentionDays: number, force = false) {
  const current = cachedList();
  if (!force && !needsRefresh(current.fetchedAt, Date.now(), refreshSeconds)) return current;
  const since = listSince(current.iat, refreshSeconds);
  try {
    const { list } = await api('healthStatusList', {
      query: { since: since === undefined ? undefined : String(since) },
      quiet: true,
    });
    const checked = verifyStatusList(list, ring);
    if (!checked.ok) return current;
    const { iat, ch } = checked.claims;
    memory = {
      changes: mergeChanges(current.changes, ch, iat - retentionDays * 86400),
      iat: Math.max(iat, current.iat ?? 0),
      fetchedAt: Date.now(),
    };
    Taro.setStorageSync(STORAGE_KEY, memory);
  } catch {
    // offline: the cached list still refuses what it knows
  }
  return cachedList();
}
