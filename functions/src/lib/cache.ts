import { currentRequest } from './context';
import { isRetryable } from './faults';
import { log } from './log';

/**
 * Reads that must keep working when the database or SSM is slow (the health code at a gate,
 * the rule book, the JWKS, secrets): the last good value of each key is kept in this function
 * instance, and served — with its age — when a fresh load fails with a passing fault. The age
 * reaches the client as the `x-cache-age` header (seconds) of the answer (lib/http.ts).
 */
export interface CacheOptions {
  /** Served without loading while younger than this (default 0: always load first). */
  freshSeconds?: number;
  /** Which load failures fall back to the last good value (default: passing faults, lib/faults.ts). */
  fallbackOn?: (err: unknown) => boolean;
  /** After a failed load, serve the last good value without loading for this long (default RELOAD_AFTER_FAULT_MS). */
  holdAfterFaultMs?: number;
}

interface Entry {
  value: unknown;
  at: number;
  /** When a load last failed with a fault: the next loads wait RELOAD_AFTER_FAULT_MS. */
  failedAt?: number;
}

/**
 * After a load failed with a fault, the last good value is served at once for this long instead
 * of waiting out another deadline: a slow database costs a resident at a gate one 3 s wait, not one per scan.
 */
const RELOAD_AFTER_FAULT_MS = 5000;

/** Keys per instance; the oldest goes first (a Map keeps insertion order). */
const MAX_ENTRIES = 5000;
const entries = new Map<string, Entry>();
const loading = new Map<string, Promise<unknown>>();

function remember(key: string, value: unknown): void {
  entries.delete(key);
  entries.set(key, { value, at: Date.now() });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** Records, for the answer being prepared, that part of it is `ageSeconds` old. */
function noteAge(ageSeconds: number): void {
  const scope = currentRequest();
  if (scope) scope.cacheAgeSeconds = Math.max(scope.cacheAgeSeconds ?? 0, ageSeconds);
}

/**
 * `load()`, remembered under `key`; when it fails with a fault `options.fallbackOn` accepts, the
 * last good value if it is at most `staleSeconds` old. Concurrent loads of one key are shared.
 */
export async function cachedRead<T>(
  key: string,
  staleSeconds: number,
  load: () => Promise<T>,
  options: CacheOptions = {},
): Promise<T> {
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.at < (options.freshSeconds ?? 0) * 1000) return hit.value as T;
  if (
    hit?.failedAt &&
    now - hit.failedAt < (options.holdAfterFaultMs ?? RELOAD_AFTER_FAULT_MS) &&
    now - hit.at <= staleSeconds * 1000
  ) {
    noteAge(Math.floor((now - hit.at) / 1000));
    return hit.value as T;
  }
  let pending = loading.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load().finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  try {
    const value = await pending;
    remember(key, value);
    return value;
  } catch (err) {
    const ageMs = hit ? Date.now() - hit.at : Infinity;
    if (!hit || ageMs > staleSeconds * 1000 || !(options.fallbackOn ?? isRetryable)(err)) throw err;
    const ageSeconds = Math.floor(ageMs / 1000);
    hit.failedAt = Date.now();
    noteAge(ageSeconds);
    log.warn('served the last good value', { cacheKey: key.split(':')[0], ageSeconds, error: (err as Error)?.name });
    return hit.value as T;
  }
}

/** Forgets every cached value (a test or a rotation that must not wait). */
export function forgetCached(): void {
  entries.clear();
}
