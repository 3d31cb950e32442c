import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import FakeTimers, { type Clock } from '@sinonjs/fake-timers';
import { CLOCK, sessionFor, type Role } from './fixtures';
import { createWx, type RequestRecord, type WxCall } from './wx-shim';

/** Where the app keeps its session (miniapp/src/api/session.ts). */
export const SESSION_KEY = 'citycare.session';
/** WeChat refuses a `setData` whose serialized payload is over 1 MB. */
export const SET_DATA_LIMIT = 1024 * 1024;

export interface SetDataCall {
  at: number;
  bytes: number;
  keys: string[];
}

export interface PageInstance {
  route: string;
  data: Record<string, unknown>;
  setDataCalls: SetDataCall[];
}

/** The files the runtime injects before any page, in its order (Taro's webpack chunks, then the app). */
const BOOT_FILES = ['runtime', 'taro', 'vendors', 'common', 'app'];

/** Compiled once per file, run in every realm (a page gets a fresh app, like a cold start). */
const scripts = new Map<string, vm.Script>();
function compiled(file: string): vm.Script {
  let script = scripts.get(file);
  if (!script) {
    // The wrapper WeChat gives each file: its own require, module and exports.
    const source = `(function (require, module, exports) {${readFileSync(file, 'utf8')}\n})`;
    script = new vm.Script(source, { filename: file });
    scripts.set(file, script);
  }
  return script;
}

/** The build's pages from its app.json: tab pages, other pages (subpackages included), or none. */
function pageKinds(dist: string): (route: string) => 'tab' | 'page' | null {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    tabBar?: { list: { pagePath: string }[] };
  };
  const tabs = new Set((app.tabBar?.list ?? []).map((t) => t.pagePath));
  const pages = new Set([
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`)),
  ]);
  return (route) => (tabs.has(route) ? 'tab' : pages.has(route) ? 'page' : null);
}

/** `root.cn.[0].cn.[1].v` -> ['root', 'cn', 0, 'cn', 1, 'v'] */
export function dataPath(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
}

const describe = (value: unknown): string =>
  value instanceof Error || (value && typeof value === 'object' && 'stack' in value)
    ? String((value as Error).stack ?? value)
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * A Node `vm` realm that behaves like the mini-program's JS engine: no eval or `new Function`,
 * no WebAssembly, no window/document/fetch/MessageChannel/TextEncoder; globals `wx`, `App`, `Page`,
 * `Component`, `getApp`, `getCurrentPages`, `requirePlugin`; a `require` per file; a fake clock
 * that starts at CLOCK. It boots the built app as the client does and runs one page at a time.
 */
export class WeappRealm {
  readonly errors: string[] = [];
  readonly calls: WxCall[];
  readonly requests: RequestRecord[];
  readonly pages: PageInstance[] = [];
  private readonly ctx: vm.Context;
  private readonly clock: Clock;
  /** The page stack getCurrentPages() returns: the page instances themselves. */
  private readonly stack: Record<string, unknown>[] = [];
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly toRealm: <T>(value: T) => T;
  private readonly realmObject: () => Record<string, unknown>;
  private app: Record<string, (opts: unknown) => void> | undefined;
  private loadingRoute = '';
  /** Outside Jest; under Jest, its own handler fails the running test on an unhandled rejection. */
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${describe(reason)}`);

  /** `signedIn: false` starts with no stored session, as a first-time visitor. */
  constructor(
    private readonly dist: string,
    readonly role: Role,
    { signedIn = true }: { signedIn?: boolean } = {},
  ) {
    const log =
      (level: string) =>
      (...args: unknown[]) => {
        if (level === 'error') this.errors.push(`console.error: ${args.map(describe).join(' ')}`);
      };
    const sandbox: Record<string, unknown> = {
      console: { log: log('log'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error') },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
    };
    this.ctx = vm.createContext(sandbox, { name: 'weapp', codeGeneration: { strings: false, wasm: false } });
    vm.runInContext('delete globalThis.WebAssembly', this.ctx);
    const realmJson = vm.runInContext('JSON', this.ctx) as JSON;
    this.toRealm = <T>(value: T): T => (value === undefined ? value : (realmJson.parse(JSON.stringify(value)) as T));
    this.realmObject = vm.runInContext('() => ({})', this.ctx) as () => Record<string, unknown>;
    const realmGlobal = vm.runInContext('globalThis', this.ctx) as Record<string, unknown>;
    this.clock = FakeTimers.withGlobal(realmGlobal).install({
      now: CLOCK,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      loopLimit: 1_000_000,
    });

    const storage = new Map<string, string>(signedIn ? [[SESSION_KEY, JSON.stringify(sessionFor(role))]] : []);
    const shim = createWx(
      role,
      {
        now: () => this.clock.now,
        later: (fn, ms) => (realmGlobal.setTimeout as typeof setTimeout)(fn, ms),
        cancel: (timer) => (realmGlobal.clearTimeout as typeof clearTimeout)(timer as NodeJS.Timeout),
        toRealm: this.toRealm,
        pageKind: pageKinds(dist),
      },
      storage,
    );
    this.calls = shim.calls;
    this.requests = shim.requests;
    Object.assign(realmGlobal, {
      wx: shim.wx,
      App: (config: Record<string, (opts: unknown) => void>) => void (this.app = config),
      Page: (config: Record<string, unknown>) => void this.pageConfigs.set(this.loadingRoute, config),
      Component: () => undefined,
      Behavior: (definition: unknown) => definition,
      getApp: () => this.app,
      getCurrentPages: () => this.toRealmArray(this.stack),
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin(${name}): the app declares no plugins`);
      },
    });
    process.on('unhandledRejection', this.onRejection);
  }

  private toRealmArray<T>(items: T[]): T[] {
    const array = vm.runInContext('[]', this.ctx) as T[];
    array.push(...items);
    return array;
  }

  private require(file: string): unknown {
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: this.realmObject() as unknown };
    this.modules.set(file, module);
    const fn = compiled(file).runInContext(this.ctx) as (r: unknown, m: unknown, e: unknown) => void;
    fn((spec: string) => this.require(this.resolve(file, spec)), module, module.exports);
    return module.exports;
  }

  private resolve(from: string, spec: string): string {
    const file = spec.startsWith('.') ? join(dirname(from), spec) : join(this.dist, spec);
    return file.endsWith('.js') ? file : `${file}.js`;
  }

  /** Advance the fake clock, running every timer that falls due and the promises they settle. */
  async wait(ms: number): Promise<void> {
    try {
      await this.clock.tickAsync(ms);
    } catch (err) {
      this.errors.push(`uncaught: ${describe(err)}`);
    }
  }

  /** Boot the app as the client does at a cold start, then run App onLaunch and onShow. */
  async launch(path = 'pages/home/index', query: Record<string, string> = {}): Promise<void> {
    try {
      for (const name of BOOT_FILES) this.require(join(this.dist, `${name}.js`));
      if (!this.app) throw new Error('app.js did not call App()');
      const options = this.toRealm({ path, query, scene: 1001, referrerInfo: {} });
      this.app.onLaunch?.(options);
      this.app.onShow?.(options);
    } catch (err) {
      this.errors.push(`launch: ${describe(err)}`);
    }
    await this.wait(0);
  }

  /** Load a page's code and run onLoad(query), onShow and, once rendered, onReady. */
  async open(route: string, query: Record<string, string> = {}): Promise<PageInstance> {
    const inst = this.realmObject();
    const page: PageInstance = { route, data: inst.data as Record<string, unknown>, setDataCalls: [] };
    try {
      this.loadingRoute = route;
      this.require(join(this.dist, `${route}.js`));
      const config = this.pageConfigs.get(route);
      if (!config) throw new Error(`${route}.js did not call Page()`);
      Object.assign(inst, config, {
        data: this.toRealm(config.data ?? {}),
        route,
        __route__: route,
        options: this.toRealm(query),
        setData: (patch: Record<string, unknown>, cb?: () => void) => this.setData(page, inst, patch, cb),
        createSelectorQuery: (this.ctx.wx as Record<string, () => unknown>).createSelectorQuery,
        selectComponent: () => null,
        selectAllComponents: () => this.toRealmArray([]),
      });
      page.data = inst.data as Record<string, unknown>;
      this.pages.push(page);
      this.stack.push(inst);
      (inst.onLoad as (q: unknown) => void).call(inst, this.toRealm(query));
      (inst.onShow as () => void).call(inst);
      await this.wait(16);
      (inst.onReady as () => void).call(inst);
    } catch (err) {
      this.errors.push(`open ${route}: ${describe(err)}`);
    }
    return page;
  }

  private setData(page: PageInstance, inst: Record<string, unknown>, patch: Record<string, unknown>, cb?: () => void) {
    const json = JSON.stringify(patch);
    page.setDataCalls.push({ at: this.clock.now, bytes: Buffer.byteLength(json), keys: Object.keys(patch) });
    const values = this.toRealm(JSON.parse(json) as Record<string, unknown>);
    for (const [path, value] of Object.entries(values)) {
      const keys = dataPath(path);
      let node = inst.data as Record<string | number, unknown>;
      keys.forEach((key, i) => {
        if (i === keys.length - 1) node[key] = value;
        else {
          const next = node[key];
          if (!next || typeof next !== 'object')
            node[key] = typeof keys[i + 1] === 'number' ? this.toRealmArray([]) : this.realmObject();
          node = node[key] as Record<string | number, unknown>;
        }
      });
    }
    page.data = inst.data as Record<string, unknown>;
    if (cb) (vm.runInContext('setTimeout', this.ctx) as typeof setTimeout)(cb, 0);
  }

  /** Run a snippet of code in the realm (for checking the realm itself). */
  evaluate(code: string): unknown {
    return vm.runInContext(code, this.ctx);
  }

  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    this.clock.uninstall();
  }
}

/** Every text node of a page's rendered tree (Taro puts text in `v`), in document order. */
export function renderedText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => renderedText(n, out));
  else if (node && typeof node === 'object') {
    const { v, ...rest } = node as Record<string, unknown>;
    if (typeof v === 'string') out.push(v);
    Object.values(rest).forEach((n) => renderedText(n, out));
  }
  return out;
}
