import { useCallback, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import useSWR, { mutate, type SWRConfiguration } from 'swr';
import type { ResponseBody, RouteName, Routes } from '@citycare/contract';
import { api, type CallOptions } from '@/api';

/** What a page renders from: the data, the error of the last attempt, and a way to try again. */
export interface RequestState<T> {
  data: T | undefined;
  /** The last attempt's error, once it has settled (undefined while loading). */
  error: unknown;
  /** True until the latest attempt settles, whatever the outcome; earlier data stays meanwhile. */
  loading: boolean;
  /** Fetch again (a stable function: safe in effect and callback dependencies). */
  reload: () => void;
}

/** Contract routes a page can read. */
export type GetRoute = { [N in RouteName]: Routes[N]['method'] extends 'GET' ? N : never }[RouteName];
type Query<N extends RouteName> = Pick<CallOptions<N>, 'params'>;
type QueryArgs<N extends RouteName> =
  object extends Query<N>
    ? [query?: Query<N> | null, initial?: ResponseBody<N>]
    : [query: Query<N> | null, initial?: ResponseBody<N>];

/** A cache key: a route name (or a page's own name for a combined load), then its parameters. */
export type Key = readonly [string, ...unknown[]];

/**
 * One configuration for every read in the app. Requests are keyed by route and parameters, so a
 * render cannot fire one again; identical requests in flight share one answer. A page that opens
 * after an answer came asks again (no dedupe window): it must see the server's answer of now,
 * e.g. a 401 for a session revoked a second ago.
 * Nothing refetches on window focus or reconnect (the weapp has no such events; pages refresh in
 * useDidShow). Failed reads are not retried here: the request adapter already retried what can
 * pass (503, 429, no answer) with backoff, and the page offers 重试 for the rest.
 */
const CONFIG: SWRConfiguration = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  dedupingInterval: 0,
  shouldRetryOnError: false,
};

/** Reads `key` with `load`; only the key decides when to fetch, never `load`'s identity. */
export function useKeyed<T>(key: Key | null, load: () => Promise<T>, initial?: T): RequestState<T> {
  const swr = useSWR<T, unknown, Key | null>(key, () => load(), {
    ...CONFIG,
    ...(initial !== undefined ? { fallbackData: initial } : {}),
  });
  const { mutate: refetch } = swr;
  const reload = useCallback(() => void refetch(), [refetch]);
  const loading = swr.isValidating || swr.isLoading;
  return { data: swr.data, error: loading ? undefined : swr.error, loading, reload };
}

/**
 * Reads one contract GET route, keyed by its name and parameters: `useApi('utilityAccount',
 * { params: { accountNo } })`. `null` parameters read nothing (yet). Errors are not toasted: the
 * page shows them (NotLoaded, ErrorState, InlineError).
 */
export function useApi<N extends GetRoute>(name: N, ...[query, initial]: QueryArgs<N>): RequestState<ResponseBody<N>> {
  const params = query?.params ?? null;
  const key: Key | null = query === null ? null : [name, params];
  // The query was type-checked against the route above; api's tuple type cannot follow it here.
  const call = api as (route: N, options: object) => Promise<ResponseBody<N>>;
  return useKeyed(key, () => call(name, { params: params ?? undefined, quiet: true }), initial);
}

/**
 * Reads again when the page is shown again (back from another page). The first show is the mount's
 * own load: reloading there too would ask twice.
 */
export function useReloadOnReturn(reload: () => void): void {
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else reload();
  });
}

/** After a write: refetch what any open page shows of `name` (with these parameters, or all). */
export function revalidate<N extends GetRoute>(name: N, params?: Query<N>['params']): void {
  void mutate((key) => Array.isArray(key) && key[0] === name && (params === undefined || sameParams(key[1], params)));
}

function sameParams(a: unknown, b: Record<string, string> | undefined): boolean {
  const entries = (o: object | null | undefined) => JSON.stringify(Object.entries(o ?? {}).sort());
  return entries(a as object | null) === entries(b);
}
