import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_NAMES } from '@citycare/contract/src/role-names';
import { DIST } from '../scripts/lib/build';
import { wxMembers } from './weapp/api-names';
import { API_BASE, CLOCK, routeNames, sampleResponse, type Role } from './weapp/fixtures';
import { PAGE_CASES, type PageCase } from './weapp/pages';
import { renderedText, SESSION_KEY, SET_DATA_LIMIT, WeappRealm } from './weapp/realm';

/**
 * The weapp build itself, executed headless page by page in a realm like the mini-program's JS
 * engine (e2e/weapp/realm.ts), against a fixture backend made from the contract's schemas. The
 * global setup has just built it into DIST.weapp.
 */

/** Fake-clock time for a page's first load to settle (its requests answer after 40 ms). */
const SETTLE_MS = 3000;
/** Then the page sits idle on screen this long; an idle page sends nothing. */
const IDLE_MS = 10_000;
/** Bounds on a first load: a few requests, a few renders (Taro batches each tick into one setData). */
const MAX_LOAD_REQUESTS = 8;
const MAX_LOAD_SET_DATA = 12;

const ROLES: Role[] = [...ROLE_NAMES];

const count = (items: string[]) =>
  Object.entries(items.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {}))
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');

/** Everything wrong with one page, in words; empty when the page is fine. */
async function problemsOf(c: PageCase): Promise<string[]> {
  const realm = new WeappRealm(DIST.weapp, c.role);
  try {
    await realm.launch(c.route, c.query);
    const page = await realm.open(c.route, c.query);
    await realm.wait(SETTLE_MS);
    const loadRequests = realm.requests.length;
    const loadSetData = page.setDataCalls.length;
    await realm.wait(IDLE_MS);

    const problems = realm.errors.map((e) => `error: ${e.slice(0, 600)}`);
    const text = renderedText(page.data).join('\n');
    for (const t of c.text) if (!text.includes(t)) problems.push(`text missing: ${t}`);
    if (text.includes('加载失败')) problems.push('shows 加载失败');
    for (const r of realm.requests.filter((r) => r.status !== 200)) problems.push(`unanswered: ${r.method} ${r.url}`);
    const toLogin = realm.calls.filter(
      (call) => /reLaunch|redirectTo/.test(call.api) && /login/.test(JSON.stringify(call.arg)),
    );
    if (toLogin.length) problems.push(`sent to the login page (${toLogin.length}×)`);

    const idle = realm.requests.slice(loadRequests);
    if (idle.length)
      problems.push(
        `request storm: ${idle.length} requests while idle for ${IDLE_MS / 1000} s (${count(idle.map((r) => r.route ?? r.url))})`,
      );
    const idleSetData = page.setDataCalls.length - loadSetData;
    const allowed = (c.ticksPerSecond ?? 0) * (IDLE_MS / 1000) + 1;
    if (idleSetData > (c.ticksPerSecond ? allowed : 0))
      problems.push(`${idleSetData} setData calls while idle (allowed ${c.ticksPerSecond ? allowed : 0})`);
    if (loadRequests > MAX_LOAD_REQUESTS) problems.push(`${loadRequests} requests to load (max ${MAX_LOAD_REQUESTS})`);
    if (loadSetData > MAX_LOAD_SET_DATA)
      problems.push(`${loadSetData} setData calls to load (max ${MAX_LOAD_SET_DATA})`);
    if (loadSetData === 0) problems.push('never rendered (no setData)');
    const biggest = Math.max(0, ...page.setDataCalls.map((s) => s.bytes));
    if (biggest > SET_DATA_LIMIT) problems.push(`setData of ${biggest} bytes, over WeChat's 1 MB limit`);
    return problems;
  } finally {
    realm.dispose();
  }
}

describe('the realm the weapp runs in', () => {
  it('is like the mini-program engine: no eval, no web APIs, every wx API, a fixed clock', () => {
    const realm = new WeappRealm(DIST.weapp, 'resident');
    try {
      expect(() => realm.evaluate('eval("1 + 1")')).toThrow(/Code generation from strings disallowed/);
      expect(() => realm.evaluate('new Function("return 1")')).toThrow(/Code generation from strings disallowed/);
      const absent = ['window', 'document', 'fetch', 'MessageChannel', 'TextEncoder', 'WebAssembly', 'setImmediate'];
      expect(realm.evaluate(`[${absent.map((n) => `typeof ${n}`).join()}]`)).toEqual(absent.map(() => 'undefined'));
      const globals = ['wx', 'App', 'Page', 'Component', 'getApp', 'getCurrentPages', 'requirePlugin'];
      expect(realm.evaluate(`[${globals.map((n) => `typeof ${n}`).join()}]`)).toEqual([
        'object',
        ...globals.slice(1).map(() => 'function'),
      ]);
      expect(realm.evaluate('Object.keys(wx).sort()')).toEqual(
        wxMembers()
          .map((m) => m.name)
          .sort(),
      );
      expect(realm.evaluate('Date.now()')).toBe(CLOCK);
    } finally {
      realm.dispose();
    }
  });

  // An unhandled rejection in the realm fails the running test through Jest's own handler.
  it('catches what the page tests fail on: uncaught errors, console.error, a request loop', async () => {
    const realm = new WeappRealm(DIST.weapp, 'resident');
    try {
      realm.evaluate('setTimeout(() => { throw new Error("thrown in a timer") }, 10)');
      realm.evaluate('console.error("logged as an error")');
      realm.evaluate(
        `(function again() { wx.request({ url: ${JSON.stringify(`${API_BASE}/me`)}, success: again }) })()`,
      );
      await realm.wait(1000);
      expect(realm.errors.join('\n')).toMatch(/thrown in a timer/);
      expect(realm.errors.join('\n')).toMatch(/logged as an error/);
      expect(realm.requests.length).toBeGreaterThanOrEqual(20);
      // Sent without the session's token, like the backend the fixture API answers 401.
      expect(realm.requests[0]).toMatchObject({ route: 'me', status: 401 });
    } finally {
      realm.dispose();
    }
  });

  it('signs a first-time visitor in silently with wx.login, as the app does at launch', async () => {
    const realm = new WeappRealm(DIST.weapp, 'resident', { signedIn: false });
    try {
      await realm.launch();
      await realm.open('pages/home/index');
      await realm.wait(SETTLE_MS);
      expect(realm.errors).toEqual([]);
      expect(realm.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['login 200', 'me 200']);
      expect(
        realm.calls.filter((c) => c.api === 'setStorageSync').map((c) => (c.arg as { key: string }).key),
      ).toContain(SESSION_KEY);
      expect(realm.calls.some((c) => c.api === 'reLaunch')).toBe(false);
    } finally {
      realm.dispose();
    }
  });
});

describe('weapp build, executed headless', () => {
  it('has a case for every page in app.json', () => {
    const app = JSON.parse(readFileSync(join(DIST.weapp, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: { root: string; pages: string[] }[];
    };
    const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(PAGE_CASES.map((c) => c.route).sort()).toEqual(pages.sort());
  });

  it('answers every contract route with data its response schema accepts, for every role', () => {
    for (const role of ROLES) for (const name of routeNames()) expect(() => sampleResponse(name, role)).not.toThrow();
  });

  it.each(PAGE_CASES)('$route as $role: renders its text, no error, no request storm', async (c) => {
    expect(await problemsOf(c)).toEqual([]);
  });
});
