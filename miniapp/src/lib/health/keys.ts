import Taro from '@tarojs/taro';
import type { JwksResponse } from '@citycare/contract';
import { api } from '@/api';
import { parseJwks, type KeyRing } from './verify';

/**
 * The scanner's copy of GET /health/keys, kept in storage so codes verify offline. Refreshed
 * when online (at most every few minutes) and whenever a code names a key it does not know.
 */
const STORAGE_KEY = 'citycare.health.jwks';
const FRESH_MS = 5 * 60 * 1000;

interface Cached {
  jwks: JwksResponse;
  fetchedAt: number;
}

function readCache(): Cached | undefined {
  try {
    const value = Taro.getStorageSync(STORAGE_KEY) as Cached | '';
    return value && Array.isArray(value.jwks?.keys) ? value : undefined;
  } catch {
    return undefined;
  }
}

let memory: Cached | undefined;

/** The cached key ring (possibly empty) and when it was fetched. */
export function cachedKeys(): { ring: KeyRing; fetchedAt?: number } {
  memory ??= readCache();
  return { ring: parseJwks(memory?.jwks ?? { keys: [] }), fetchedAt: memory?.fetchedAt };
}

/** Fetches the keys unless the cache is fresh (or `force`); offline, keeps the cache. */
export async function refreshKeys(force = false): Promise<{ ring: KeyRing; fetchedAt?: number }> {
  const current = cachedKeys();
  if (!force && current.fetchedAt && Date.now() - current.fetchedAt < FRESH_MS) return current;
  try {
    const jwks = await api('healthKeys', { quiet: true });
    memory = { jwks, fetchedAt: Date.now() };
    Taro.setStorageSync(STORAGE_KEY, memory);
  } catch {
    // offline: the cached keys still verify
  }
  return cachedKeys();
}
