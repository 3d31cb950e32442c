import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { parse } from 'yaml';
import devConfig from './dev';
import prodConfig from './prod';

/** One demo account as listed in config/city.yml (`demoUsers`). */
interface DemoAccount {
  key: string;
  displayName: string;
  roles: { role: string; scope?: string }[];
}

interface Named {
  id: string;
  name: string;
}

interface CityFile {
  communities?: Named[];
  places?: Named[];
  stores?: Named[];
  utilities?: Named[];
  demoUsers?: DemoAccount[];
}

const appRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(appRoot, '..');

/**
 * Taro's Babel/webpack pipeline must compile the workspace contract (TypeScript source) and zod
 * (ESM): without this a runtime import fails with `Module parse failed ... export type`.
 */
const compileInclude = [
  path.join(repoRoot, 'contract', 'src'),
  path.dirname(require.resolve('zod/package.json', { paths: [appRoot] })),
];

/**
 * The demo sign-in buttons. Only a `local` stage lists them: the backend accepts `dev:<key>` codes
 * in local stages only, so any other build ships an empty list.
 */
function demoAccounts(city: CityFile, stage: string | undefined): DemoAccount[] {
  if (stage !== 'local') return [];
  return (city.demoUsers ?? []).map(({ key, displayName, roles }) => ({ key, displayName, roles }));
}

/** Names of the ids a role can be scoped to (communities, places, stores, utilities). */
function scopeNames(city: CityFile): Record<string, string> {
  const named = [...(city.communities ?? []), ...(city.places ?? []), ...(city.stores ?? []), ...(city.utilities ?? [])];
  return Object.fromEntries(named.map(({ id, name }) => [id, name]));
}

// https://docs.taro.zone/docs/config
// The `.env.<mode>` files have been read into process.env before this runs; a variable the caller
// sets in the environment wins over the file (see README in this folder's parent).
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const city = parse(readFileSync(path.join(repoRoot, 'config', 'city.yml'), 'utf8')) as CityFile;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'citycare',
    date: '2020-2-10',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    alias: { '@': path.join(appRoot, 'src') },
    defineConstants: {
      DEMO_ACCOUNTS: JSON.stringify(demoAccounts(city, process.env.TARO_APP_STAGE)),
      SCOPE_NAMES: JSON.stringify(scopeNames(city)),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: {
        host: '127.0.0.1',
        port: Number(process.env.CITYCARE_H5_PORT) || 10086,
      },
      compile: { include: compileInclude },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
