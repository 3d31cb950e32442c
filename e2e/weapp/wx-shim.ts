import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wxMembers } from './api-names';
import { answer, type Role } from './fixtures';

/** One call into `wx`, as recorded: the API name and its first argument (functions dropped). */
export interface WxCall {
  api: string;
  at: number;
  arg: unknown;
}

export interface RequestRecord {
  method: string;
  url: string;
  route: string | null;
  status: number;
  at: number;
}

/** What the shim needs from the realm: its clock and timers, and a way to make values inside it. */
export interface RealmHooks {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(timer: unknown): void;
  /** A JSON value rebuilt inside the realm (so `instanceof Object` holds there). */
  toRealm<T>(value: T): T;
  /** Whether a route is a tab page, another page of app.json, or no page at all. */
  pageKind(route: string): 'tab' | 'page' | null;
}

/** How long the fixture backend takes to answer, in fake-clock milliseconds. */
export const REQUEST_LATENCY_MS = 40;

/** The base library the project config names: the oldest the app supports. */
const LIB_VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'miniapp', 'project.config.json'), 'utf8')) as {
    libVersion: string;
  }
).libVersion;

/** The phone the realm pretends to be: iOS 14 and the oldest base library the app supports. */
const DEVICE = {
  brand: 'iPhone',
  model: 'iPhone 12',
  system: 'iOS 14.0',
  platform: 'ios',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  language: 'zh_CN',
  version: '8.0.50',
  SDKVersion: LIB_VERSION,
  fontSizeSetting: 16,
  theme: 'light',
  enableDebug: false,
};

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
};

const plain = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'function' ? undefined : v)) ?? 'null')
    : value;

/**
 * The global `wx` of the realm: every API name WeChat's typings declare exists; storage, login,
 * request, system info, selector queries and navigation behave like the client's; the rest
 * succeed with `{ errMsg: '<name>:ok' }`. Every call is recorded.
 */
export function createWx(role: Role, realm: RealmHooks, storage: Map<string, string>) {
  const calls: WxCall[] = [];
  const requests: RequestRecord[] = [];
  const record = (api: string, arg: unknown) => calls.push({ api, at: realm.now(), arg: plain(arg) });

  const settle = (name: string, opts: Options | undefined, res: Record<string, unknown>, ok = true) => {
    const payload = realm.toRealm({ errMsg: `${name}:${ok ? 'ok' : 'fail'}`, ...res });
    realm.later(() => {
      if (ok) opts?.success?.(payload);
      else opts?.fail?.(payload);
      opts?.complete?.(payload);
    }, 0);
  };
  const asyncApi =
    (name: string, result: (opts: Options) => Record<string, unknown> | null = () => ({})) =>
    (opts?: Options) => {
      record(name, opts);
      const res = result(opts ?? {});
      const failed = res === null || String(res.errMsg ?? '').includes(':fail');
      settle(name, opts, res ?? {}, !failed);
    };

  /** A chainable stand-in for the objects `create*`/`get*Manager` return; its calls are recorded. */
  const recorder = (name: string): unknown =>
    new Proxy(function () {}, {
      get: (_, prop) =>
        prop === 'then'
          ? undefined
          : (...args: unknown[]) => (record(`${name}.${String(prop)}`, args[0]), recorder(name)),
      apply: () => recorder(name),
    });

  const selectorQuery = () => {
    const queue: ((rect: unknown) => void)[] = [];
    const rect = { left: 0, top: 0, right: DEVICE.windowWidth, bottom: 48, width: DEVICE.windowWidth, height: 48 };
    const node: Record<string, unknown> = {
      boundingClientRect: (cb?: (r: unknown) => void) => (queue.push(cb ?? (() => {})), query),
      scrollOffset: (cb?: (r: unknown) => void) => (queue.push(cb ?? (() => {})), query),
      fields: (_f: unknown, cb?: (r: unknown) => void) => (queue.push(cb ?? (() => {})), query),
      node: (cb?: (r: unknown) => void) => (queue.push(cb ?? (() => {})), query),
      context: (cb?: (r: unknown) => void) => (queue.push(cb ?? (() => {})), query),
    };
    const query: Record<string, unknown> = {
      in: () => query,
      select: (selector: string) => (record('createSelectorQuery.select', selector), node),
      selectAll: (selector: string) => (record('createSelectorQuery.selectAll', selector), node),
      selectViewport: () => node,
      exec: (cb?: (res: unknown) => void) => {
        const results = queue.map(() => realm.toRealm(rect));
        realm.later(() => {
          queue.forEach((fn, i) => fn(results[i]));
          cb?.(realm.toRealm(results));
        }, 0);
      },
    };
    return query;
  };

  const readStorage = (key: string): unknown => (storage.has(key) ? realm.toRealm(JSON.parse(storage.get(key)!)) : '');
  /** WeChat's rules: the page must exist; switchTab only to a tab, navigateTo/redirectTo never to one. */
  const navigate = (name: string) =>
    asyncApi(name, (o) => {
      if (name === 'navigateBack') return {};
      const route = String(o.url ?? '')
        .replace(/^\//, '')
        .split('?')[0]!;
      const kind = realm.pageKind(route);
      if (!kind) return { errMsg: `${name}:fail page "${route}" is not found` };
      if ((name === 'switchTab') !== (kind === 'tab') && name !== 'reLaunch') {
        return { errMsg: `${name}:fail can not ${name} ${kind === 'tab' ? 'a tabbar' : 'a no-tabBar'} page` };
      }
      return {};
    });

  const special: Record<string, unknown> = {
    getStorageSync: (key: string) => (record('getStorageSync', key), readStorage(key)),
    setStorageSync: (key: string, data: unknown) => {
      record('setStorageSync', { key, data });
      storage.set(key, JSON.stringify(data ?? null));
    },
    removeStorageSync: (key: string) => (record('removeStorageSync', key), storage.delete(key), undefined),
    clearStorageSync: () => (record('clearStorageSync', null), storage.clear()),
    getStorageInfoSync: () => realm.toRealm({ keys: [...storage.keys()], currentSize: 1, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', (o) =>
      storage.has(String(o.key)) ? { data: readStorage(String(o.key)) } : null,
    ),
    setStorage: asyncApi('setStorage', (o) => (storage.set(String(o.key), JSON.stringify(o.data ?? null)), {})),
    removeStorage: asyncApi('removeStorage', (o) => (storage.delete(String(o.key)), {})),
    login: asyncApi('login', () => ({ code: `fixture-code-${role}` })),
    getSystemInfoSync: () => realm.toRealm(DEVICE),
    getWindowInfo: () => realm.toRealm(DEVICE),
    getDeviceInfo: () => realm.toRealm(DEVICE),
    getAppBaseInfo: () => realm.toRealm(DEVICE),
    getSystemSetting: () => realm.toRealm({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true }),
    getSystemInfo: asyncApi('getSystemInfo', () => DEVICE),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', () => DEVICE),
    getMenuButtonBoundingClientRect: () =>
      realm.toRealm({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
    getAccountInfoSync: () => realm.toRealm({ miniProgram: { appId: 'wx5e1c8b7f4a2d9c03', envVersion: 'release' } }),
    getLaunchOptionsSync: () => realm.toRealm({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => realm.toRealm({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: () => true,
    nextTick: (fn: () => void) => realm.later(fn, 0),
    createSelectorQuery: () => (record('createSelectorQuery', null), selectorQuery()),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    showModal: asyncApi('showModal', () => ({ confirm: false, cancel: true })),
    request: (opts: Options & { url: string; method?: string; dataType?: string }) => {
      const method = (opts.method ?? 'GET').toUpperCase();
      record('request', { method, url: opts.url, data: opts.data });
      const res = answer(method, opts.url, role, (opts.header ?? {}) as Record<string, string>);
      requests.push({ method, url: opts.url, route: res.route, status: res.status, at: realm.now() });
      const data = opts.dataType === 'json' || opts.dataType === undefined ? res.body : JSON.stringify(res.body);
      const timer = realm.later(() => {
        const payload = realm.toRealm({ data, statusCode: res.status, header: {}, cookies: [], errMsg: 'request:ok' });
        opts.success?.(payload);
        opts.complete?.(payload);
      }, REQUEST_LATENCY_MS);
      const task: Record<string, unknown> = {
        abort: () => {
          realm.cancel(timer);
          const payload = realm.toRealm({ errMsg: 'request:fail abort' });
          opts.fail?.(payload);
          opts.complete?.(payload);
        },
      };
      for (const m of ['onHeadersReceived', 'offHeadersReceived', 'onChunkReceived', 'offChunkReceived'])
        task[m] = () => {};
      return task;
    },
  };

  const wx: Record<string, unknown> = {};
  for (const { name, method } of wxMembers()) {
    if (name in special) wx[name] = special[name];
    else if (!method) wx[name] = name === 'env' ? realm.toRealm({ USER_DATA_PATH: 'wxfile://usr' }) : recorder(name);
    else if (/^(on|off)[A-Z]/.test(name) || name.endsWith('Sync')) wx[name] = (arg: unknown) => void record(name, arg);
    else if (/^(create|get)\w*(Manager|Context|Task|Observer|Animation|Query|Player|Recorder)$/.test(name)) {
      wx[name] = (arg: unknown) => (record(name, arg), recorder(name));
    } else wx[name] = asyncApi(name);
  }
  return { wx, calls, requests };
}
