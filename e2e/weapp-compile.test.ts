import 'global-jsdom/register';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { DIST, MINIAPP } from '../scripts/lib/build';
import { compileWxml, compileWxss, filesOf } from './weapp/compile';
import { PAGE_CASES } from './weapp/pages';
import { WeappRealm } from './weapp/realm';
import { renderThroughTemplates, type Rendered } from './weapp/templates';

/**
 * The weapp build as WeChat's toolchain and oldest supported client take it: its WXML and WXSS
 * through WeChat's own compilers, its pages' runtime data through its own templates, and its
 * JavaScript through the syntax the oldest client parses.
 */

/**
 * The oldest client: iOS 14 (the scanner's BigInt, via noble, needs it), whose JavaScriptCore
 * runs the mini-program's logic and parses ES2020; on Android, WeChat's V8 is newer. WeChat
 * does not transpile for us (`es6: false`), so the build's browserslist must lower everything
 * past ES2020 itself. Base library 2.16.1: `wx.shareFileMessage` (utility CSV export) needs it,
 * and it is past lazyCodeLoading's 2.11.1.
 */
const TARGET = { browserslist: ['iOS >= 14', 'Chrome >= 80'], ecmaVersion: 2020, libVersion: '2.16.1' } as const;

const TABS = ['home', 'health', 'grocery', 'bills', 'me'];

describe('weapp build, through WeChat’s compilers', () => {
  it('compiles every WXML file with wcc', () => {
    expect(filesOf(DIST.weapp, '.wxml').length).toBeGreaterThan(PAGE_CASES.length);
    expect(compileWxml(DIST.weapp)).toEqual({ error: null, bytes: expect.any(Number) });
  });

  it('compiles every WXSS file with wcsc', () => {
    expect(filesOf(DIST.weapp, '.wxss').length).toBeGreaterThan(PAGE_CASES.length);
    expect(compileWxss(DIST.weapp)).toEqual({ error: null, bytes: expect.any(Number) });
  });

  it('names the file and line of a broken template or style sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citycare-wx-broken-'));
    writeFileSync(join(dir, 'broken.wxml'), '<view>\n  <text>{{name}</text>\n</view>');
    writeFileSync(join(dir, 'broken.wxss'), '.card { color: red; }\n.row {{ }');
    expect(compileWxml(dir).error).toMatch(/broken\.wxml:3:\d+/);
    expect(compileWxss(dir).error).toMatch(/broken\.wxss\(2:\d+\)/);
  });
});

describe('tab pages’ runtime data, rendered through the built base.wxml', () => {
  let rendered: Map<string, Rendered>;

  beforeAll(async () => {
    const pages = [];
    for (const name of TABS) {
      const c = PAGE_CASES.find((p) => p.route === `pages/${name}/index`)!;
      const realm = new WeappRealm(DIST.weapp, c.role);
      try {
        await realm.launch(c.route, c.query);
        const page = await realm.open(c.route, c.query);
        await realm.wait(3000);
        pages.push({ name, data: page.data });
      } finally {
        realm.dispose();
      }
    }
    rendered = renderThroughTemplates(DIST.weapp, pages);
  });

  it.each(TABS)('%s shows its content as WeChat would draw it', (name) => {
    const c = PAGE_CASES.find((p) => p.route === `pages/${name}/index`)!;
    const page = rendered.get(name)!;
    expect(page.warnings).toEqual([]);
    for (const t of c.text) expect(page.text.replace(/\s+/g, '')).toContain(t.replace(/\s+/g, ''));
    // Taro's nodes became WeChat components (view, text, …), not left as unknown templates.
    expect(page.html).toMatch(/<wx-view/);
  });
});

describe('what the weapp ships', () => {
  it('agrees on its oldest client: project config and browserslist', () => {
    const project = JSON.parse(readFileSync(join(MINIAPP, 'project.config.json'), 'utf8')) as {
      libVersion?: string;
      setting: { es6: boolean };
    };
    const pkg = JSON.parse(readFileSync(join(MINIAPP, 'package.json'), 'utf8')) as { browserslist: string[] };
    expect(project.setting.es6).toBe(false);
    expect(project.libVersion).toBe(TARGET.libVersion);
    expect(pkg.browserslist).toEqual(TARGET.browserslist);
  });

  it(`has only JavaScript the oldest client parses (ES${TARGET.ecmaVersion})`, () => {
    const files = filesOf(DIST.weapp, '.js');
    expect(files.length).toBeGreaterThan(PAGE_CASES.length);
    const refused = files.flatMap((file) => {
      try {
        parse(readFileSync(join(DIST.weapp, file), 'utf8'), { ecmaVersion: TARGET.ecmaVersion, sourceType: 'script' });
        return [];
      } catch (err) {
        return [`${file}: ${(err as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
  });
});
