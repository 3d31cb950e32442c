import Taro from '@tarojs/taro';
import type { RequestBody, ResponseBody, RouteName, Routes } from '@citycare/contract';
import { ApiError, NETWORK_ERROR_MESSAGE } from './errors';
import { isRetryable, mayRetry, retryAfterMs, retryDelayMs, StormGuard } from './retry';
import { ROUTES } from './routes';
import { clearSession, goToLogin, sessionForRequest } from './session';

const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
const TIMEOUT_MS = 15000;
/** Code of the error a signed-in route rejects with when there is no session to send. */
const NO_SESSION = 'NO_SESSION';
/** Code of the error a GET rejects with when the same URL was asked for too often (a render loop). */
export const REQUEST_STORM = 'REQUEST_STORM';
const RETRY_NOTICE = '人多，正在重试…';
const storms = new StormGuard(3, 1000);

/** `'/admin/users/{userId}'` -> `'userId'`. */
type ParamNames<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | ParamNames<Rest> : never;

type BodyOption<N extends RouteName> = [RequestBody<N>] extends [never] ? { body?: never } : { body: RequestBody<N> };
type ParamsOption<N extends RouteName> = [ParamNames<Routes[N]['path']>] extends [never]
  ? { params?: never }
  : { params: Record<ParamNames<Routes[N]['path']>, string> };

export type CallOptions<N extends RouteName> = BodyOption<N> &
  ParamsOption<N> & {
    /** Sent as `Idempotency-Key`, so a retried write is not applied twice. */
    idempotencyKey?: string;
    /** Query-string parameters, e.g. a page cursor. */
    query?: Record<string, string | undefined>;
    /** Do not toast the error (the caller shows it inline). */
    quiet?: boolean;
    /** The answer is text (e.g. a CSV export), not JSON; errors are still the JSON error shape. */
    text?: boolean;
  };

type CallArgs<N extends RouteName> =
  object extends CallOptions<N> ? [options?: CallOptions<N>] : [options: CallOptions<N>];

function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new ApiError(0, 'CLIENT_ERROR', `缺少参数 ${key}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: Record<string, string | undefined> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function readError(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message);
  }
  if (status === 401) return new ApiError(status, 'UNAUTHENTICATED', '登录已过期，请重新登录');
  return new ApiError(status, 'HTTP_ERROR', `服务暂时不可用（${status}），请稍后重试`);
}

function showError(err: ApiError): void {
  void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
}

interface Answer {
  status: number;
  data: unknown;
  retryAfter: string | undefined;
}

function header(res: { header?: Record<string, string> }, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const found = Object.entries(res.header ?? {}).find(([k]) => k.toLowerCase() === wanted);
  return found?.[1];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function send<N extends RouteName>(name: N, options: Partial<CallOptions<N>>): Promise<ResponseBody<N>> {
  const route = ROUTES[name];
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (route.auth) {
    const session = await sessionForRequest();
    if (!session) throw new ApiError(401, NO_SESSION, '请先登录');
    headers.Authorization = `Bearer ${session.token}`;
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const url =
    API_BASE + fillPath(route.path, options.params as Record<string, string> | undefined) + queryString(options.query);
  if (route.method === 'GET' && !storms.allow(url)) {
    console.warn(`[api] refused GET ${url}: asked for more than 3 times in a second (a render loop?)`);
    throw new ApiError(0, REQUEST_STORM, '请求过于频繁，请稍后再试');
  }

  const attempt = async (): Promise<Answer> => {
    try {
      const res = await Taro.request<Record<string, unknown>>({
        url,
        method: route.method,
        header: headers,
        data: options.body,
        dataType: options.text ? 'text' : 'json',
        ...(options.text ? { responseType: 'text' as const } : {}),
        timeout: TIMEOUT_MS,
      });
      return { status: res.statusCode, data: res.data, retryAfter: header(res, 'Retry-After') };
    } catch {
      return { status: 0, data: undefined, retryAfter: undefined };
    }
  };

  const started = Date.now();
  let retried = false;
  let answer = await attempt();
  for (let made = 1; isRetryable(route.method, answer.status, Boolean(options.idempotencyKey)); made += 1) {
    const delay = retryDelayMs(made, retryAfterMs(answer.retryAfter));
    if (!mayRetry(made, Date.now() - started, delay)) break;
    // Busy, not broken: say so instead of an error, for as long as the wait lasts.
    retried = true;
    Taro.showToast({ title: RETRY_NOTICE, icon: 'none', duration: delay + 1500 }).catch(() => undefined);
    await sleep(delay);
    answer = await attempt();
  }
  if (retried) Taro.hideToast();
  const ok = answer.status >= 200 && answer.status < 300;
  if (ok) return answer.data as ResponseBody<N>;
  if (answer.status === 0) throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  throw readError(answer.status, options.text ? parseJson(answer.data) : answer.data);
}

/**
 * Call one contract route. Resolves with the response body; rejects with an ApiError. A 401 on a
 * signed-in route clears the session and goes to the login page; any other error is toasted once
 * here, so pages only render it (never toast it again).
 */
export async function api<N extends RouteName>(name: N, ...args: CallArgs<N>): Promise<ResponseBody<N>> {
  const options: Partial<CallOptions<N>> = args[0] ?? {};
  try {
    return await send(name, options);
  } catch (err) {
    const apiError = err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', '出了点问题，请稍后重试');
    if (apiError.code === NO_SESSION) {
      // Nobody is signed in: the page guard (requireSession) takes the user to the login page.
    } else if (apiError.status === 401 && ROUTES[name].auth) {
      clearSession();
      goToLogin();
    } else if (!options.quiet) {
      showError(apiError);
    }
    throw apiError;
  }
}
