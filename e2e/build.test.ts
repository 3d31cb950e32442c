import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, MINIAPP } from '../scripts/lib/build';
import { MAIN_PACKAGE_BUDGET, WECHAT_PACKAGE_LIMIT, weappPackageSizes } from '../scripts/bench/weapp';

/** The global setup has just run both production builds; these check what they produced. */
const weappScripts = () =>
  readdirSync(DIST.weapp, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(DIST.weapp, f), 'utf8'))
    .join('\n');

describe('weapp build', () => {
  const app = JSON.parse(readFileSync(join(DIST.weapp, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    preloadRule?: Record<string, { packages: string[] }>;
    tabBar: { list: { pagePath: string; text: string }[] };
  };

  it('has every page of the main package and of each subpackage', () => {
    const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      for (const ext of ['js', 'json', 'wxml']) expect(existsSync(join(DIST.weapp, `${page}.${ext}`))).toBe(true);
    }
  });

  it('has the five tabs, with staff and worker pages in subpackages', () => {
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '健康码', '买菜', '缴费', '我的']);
    expect((app.subPackages ?? []).map((s) => s.root).sort()).toEqual(expect.arrayContaining(['staff', 'worker']));
    expect(app.pages.some((p) => p.startsWith('staff/') || p.startsWith('worker/'))).toBe(false);
  });

  it('keeps only the tabs and the login page in the main package; each tab preloads its subpackage', () => {
    const tabs = app.tabBar.list.map((t) => t.pagePath);
    expect(app.pages).toEqual([...tabs, 'pages/login/index']);
    expect((app.subPackages ?? []).map((s) => s.root)).toEqual(
      expect.arrayContaining(['health', 'grocery', 'bills', 'staff', 'worker']),
    );
    for (const domain of ['health', 'grocery', 'bills']) {
      expect(app.preloadRule?.[`pages/${domain}/index`]?.packages).toEqual([domain]);
    }
  });

  it('leaves code only a subpackage uses out of the main package', () => {
    const roots = (app.subPackages ?? []).map((s) => s.root);
    // The minifier writes Chinese as \uXXXX escapes: read them back before looking for text.
    const scriptsOf = (pkg: string) =>
      readdirSync(DIST.weapp, { recursive: true, encoding: 'utf8' })
        .map((f) => f.split('\\').join('/'))
        .filter((f) => f.endsWith('.js') && (roots.find((r) => f.startsWith(`${r}/`)) ?? 'main') === pkg)
        .map((f) => readFileSync(join(DIST.weapp, f), 'utf8'))
        .join('\n')
        .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const main = scriptsOf('main');
    // The grocery cart (grocery/lib/cart.ts), a health page's and a bills page's own strings.
    const markers = { grocery: 'citycare.grocery.cart.', health: '提交申领', bills: '户主姓名' };
    for (const [pkg, text] of Object.entries(markers)) {
      expect({ text, inSubpackage: scriptsOf(pkg).includes(text), inMain: main.includes(text) }).toEqual({
        text,
        inSubpackage: true,
        inMain: false,
      });
    }
  });

  it('keeps the main package and every subpackage under WeChat’s 2 MB limit', () => {
    for (const { name, bytes } of weappPackageSizes()) {
      expect({ name, under: bytes < WECHAT_PACKAGE_LIMIT }).toEqual({ name, under: true });
    }
  });

  it('keeps the main package (tabs and sign-in) within its budget: 16% of the 2 MB limit', () => {
    const main = weappPackageSizes().find((p) => p.name === 'main');
    expect({ bytes: main?.bytes, within: (main?.bytes ?? Infinity) <= MAIN_PACKAGE_BUDGET }).toEqual({
      bytes: main?.bytes,
      within: true,
    });
  });

  it('ships no demo accounts and the production API base in the production build', () => {
    const js = weappScripts();
    expect(js).not.toContain('dev:');
    expect(js).not.toContain('孙强');
    expect(js).not.toContain('127.0.0.1');
  });

  it('takes its API base URL and app id from the stage’s environment file (miniapp/.env.production)', () => {
    const env = Object.fromEntries(
      readFileSync(join(MINIAPP, '.env.production'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
    );
    expect(env.TARO_APP_API_BASE).toMatch(/^https:\/\//);
    const js = weappScripts();
    expect(js).toContain(env.TARO_APP_API_BASE);
    const project = JSON.parse(readFileSync(join(DIST.weapp, 'project.config.json'), 'utf8')) as { appid: string };
    expect(project.appid).toBe(env.TARO_APP_ID);
  });
});

describe('H5 build', () => {
  it('writes index.html and its scripts, pointed at the test API', () => {
    const html = readFileSync(join(DIST.h5, 'index.html'), 'utf8');
    expect(html).toMatch(/<script[^>]+src=/);
    const js = readdirSync(join(DIST.h5, 'js'))
      .map((f) => readFileSync(join(DIST.h5, 'js', f), 'utf8'))
      .join('\n');
    expect(js).toContain(process.env.E2E_API_BASE);
  });
});
