import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, taroBuild } from '../lib/build';
import { kb, printTable } from './table';

/** WeChat's limit for the main package and for each subpackage. */
export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Sizes of the weapp build's main package and each subpackage, as WeChat counts them. */
export function weappPackageSizes(dist = DIST.weapp): { name: string; bytes: number }[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const file of files(dist)) {
    const rel = relative(dist, file);
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
  }
  return [...sizes.entries()].map(([name, bytes]) => ({ name, bytes }));
}

export async function benchWeapp(): Promise<void> {
  await taroBuild('weapp');
  const rows = weappPackageSizes().map(({ name, bytes }) => [
    name === 'main' ? 'main package' : `subpackage ${name}`,
    kb(bytes),
    kb(WECHAT_PACKAGE_LIMIT),
    `${((bytes / WECHAT_PACKAGE_LIMIT) * 100).toFixed(1)}%`,
  ]);
  printTable(
    'Mini-program packages (taro build --type weapp, production)',
    ['package', 'size', 'limit', 'of limit'],
    rows,
  );
}
