import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, taroBuild } from '../lib/build';
import { kb, printTable } from './table';

/** WeChat's limit for the main package and for each subpackage. */
export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;
/**
 * Our budget for the main package, which every resident downloads before the first screen:
 * 16% of WeChat's limit (15% until the privacy dialog WeChat requires at first launch and the
 * code page's subscribe button joined the main package). Subpackages are held to WeChat's limit.
 */
export const MAIN_PACKAGE_BUDGET = Math.floor(WECHAT_PACKAGE_LIMIT * 0.16);

export const packageBudget = (name: string) => (name === 'main' ? MAIN_PACKAGE_BUDGET : WECHAT_PACKAGE_LIMIT);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The subpackage roots the build's app.json declares. */
function subpackageRoots(dist: string): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  return (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
}

/** Each file of the build (path relative to it) with its size and the package that ships it. */
function packagedFiles(dist: string): { rel: string; bytes: number; owner: string }[] {
  const roots = subpackageRoots(dist);
  return files(dist).map((file) => {
    const rel = relative(dist, file).split('\\').join('/');
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    return { rel, bytes: statSync(file).size, owner };
  });
}

/** Sizes of the weapp build's main package and each subpackage, as WeChat counts them. */
export function weappPackageSizes(dist = DIST.weapp): { name: string; bytes: number }[] {
  const roots = subpackageRoots(dist);
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const { owner, bytes } of packagedFiles(dist)) sizes.set(owner, (sizes.get(owner) ?? 0) + bytes);
  return [...sizes.entries()].map(([name, bytes]) => ({ name, bytes }));
}

/** What the main package is made of: the framework every Taro app ships, then our own code. */
const MAIN_PARTS: { part: string; test: (rel: string) => boolean }[] = [
  { part: 'Taro runtime (taro.js)', test: (f) => f === 'taro.js' },
  { part: 'app entry (app.js)', test: (f) => /^app\.js(\.LICENSE\.txt)?$/.test(f) },
  { part: 'npm modules: preact/compat, swr, qrcode (vendors.js)', test: (f) => f.startsWith('vendors.js') },
  {
    part: 'Taro templates, webpack runtime (base.wxml, comp.*, utils.wxs, runtime.js)',
    test: (f) => /^(base\.wxml|comp\.|utils\.wxs|runtime\.js)/.test(f),
  },
  { part: 'shared app code and styles (common.*, app*.wxss)', test: (f) => /^(common\.|app(-origin)?\.wxss)/.test(f) },
  { part: 'tab and login pages (pages/)', test: (f) => f.startsWith('pages/') },
  { part: 'tab bar icons (assets/)', test: (f) => f.startsWith('assets/') },
  { part: 'app.json, project.config.json', test: (f) => f === 'app.json' || f === 'project.config.json' },
];

export function mainPackageParts(dist = DIST.weapp): { part: string; bytes: number }[] {
  const parts = new Map<string, number>();
  for (const { rel, bytes, owner } of packagedFiles(dist)) {
    if (owner !== 'main') continue;
    const part = MAIN_PARTS.find((p) => p.test(rel))?.part ?? 'other';
    parts.set(part, (parts.get(part) ?? 0) + bytes);
  }
  return [...parts.entries()].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}

const percent = (bytes: number, of: number) => `${((bytes / of) * 100).toFixed(1)}%`;

export async function benchWeapp(): Promise<void> {
  await taroBuild('weapp');
  const rows = weappPackageSizes().map(({ name, bytes }) => {
    const budget = packageBudget(name);
    return [
      name === 'main' ? 'main package' : `subpackage ${name}`,
      kb(bytes),
      percent(bytes, WECHAT_PACKAGE_LIMIT),
      kb(budget),
      bytes <= budget ? 'within' : `OVER by ${kb(bytes - budget)}`,
    ];
  });
  printTable(
    'Mini-program packages (taro build --type weapp, production; WeChat limit 2048.0 KB each)',
    ['package', 'size', 'of 2 MB', 'budget', 'budget check'],
    rows,
  );
  printTable(
    'Main package by part',
    ['part', 'size', 'of 2 MB'],
    mainPackageParts().map(({ part, bytes }) => [part, kb(bytes), percent(bytes, WECHAT_PACKAGE_LIMIT)]),
  );
}
