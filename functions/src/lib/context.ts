import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request being served, so every log line and metric carries its id without threading it
 * through every call. The endpoint wrapper opens one scope per request.
 */
export interface RequestScope {
  requestId: string;
  route: string;
  /** Epoch ms by which the answer must be sent (the function's timeout); outside calls stop before it. */
  deadlineAt?: number;
  /** Set when part of the answer came from a cache because a fresh read failed: its age (lib/cache.ts). */
  cacheAgeSeconds?: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export const withRequest = <T>(scope: RequestScope, run: () => Promise<T>): Promise<T> => storage.run(scope, run);

export const currentRequest = (): RequestScope | undefined => storage.getStore();
