import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type * as Contract from '@citycare/contract';
import { require as requireTs } from 'tsx/cjs/api';
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
  districts?: Named[];
  demoUsers?: DemoAccount[];
}

const appRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(appRoot, '..');

/** Where a package is installed (noble's `exports` hide its package.json from require.resolve). */
function packageDir(name: string): string {
  const dir = (require.resolve.paths(name) ?? [])
    .map((p) => path.join(p, name))
    .find((d) => existsSync(path.join(d, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  return dir;
}

/**
 * Taro's Babel/webpack pipeline must compile the workspace contract (TypeScript source) and zod
 * (ESM): without this a runtime import fails with `Module parse failed ... export type`. noble
 * ships class fields, which iOS 14's JavaScriptCore cannot parse: Babel lowers them to the
 * browserslist targets (miniapp/package.json), and leaves its BigInt alone.
 */
const compileInclude = [
  path.join(repoRoot, 'contract', 'src'),
  packageDir('zod'),
  packageDir('@noble/curves'),
  packageDir('@noble/hashes'),
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
  const named = [
    ...(city.communities ?? []),
    ...(city.places ?? []),
    ...(city.stores ?? []),
    ...(city.utilities ?? []),
    ...(city.districts ?? []),
  ];
  return Object.fromEntries(named.map(({ id, name }) => [id, name]));
}

/**
 * The plain facts of the API contract the app needs at run time: each route's method, path and
 * auth flag, the role labels and the scoped roles. They are read here, in Node, from the contract's
 * TypeScript source, and handed to the app as constants: importing the contract at run time would
 * put zod and every schema into the main package (~82 KB for the auth module alone).
 */
function contractConstants(): Record<string, string> {
  const contract = requireTs(path.join(repoRoot, 'contract', 'src', 'index.ts'), __filename) as typeof Contract;
  // One short string a route, `GET /me` (` public` after a route without sign-in): the table is in
  // the main package, and objects cost ~20 bytes a route more (src/api/routes.ts reads it back).
  const routes = Object.fromEntries(
    Object.entries(contract.routes).map(([name, r]) => [name, `${r.method} ${r.path}${r.auth ? '' : ' public'}`]),
  );
  return {
    CONTRACT_ROUTES: JSON.stringify(routes),
    CONTRACT_ROLE_LABELS: JSON.stringify(contract.ROLE_LABELS),
    CONTRACT_SCOPED_ROLES: JSON.stringify(contract.SCOPED_ROLES),
    CONTRACT_OPTIONALLY_SCOPED_ROLES: JSON.stringify(contract.OPTIONALLY_SCOPED_ROLES),
  };
}

/** The variables the app reads as `process.env.X` (see types/global.d.ts). */
const APP_ENV_KEYS = ['TARO_APP_API_BASE', 'TARO_APP_STAGE', 'TARO_APP_ID', 'TARO_APP_WECHATPAY_SIM'] as const;

/**
 * Taro has already read `.env.<mode>` into process.env when this runs, letting a variable set by
 * the caller win over the file, and it defines the file's keys in the bundle. Defining them here
 * as well makes the caller's value reach the bundle even for a mode without an env file.
 */
function appEnv(): Record<string, string> {
  if (!process.env.TARO_APP_API_BASE) {
    // e.g. NODE_ENV=test (inherited from Jest) makes the mode `test`, which has no env file.
    throw new Error(
      'TARO_APP_API_BASE is not set: build with --mode production|development (miniapp/.env.<mode>) or set it in the environment.',
    );
  }
  const env: Record<string, string> = {};
  for (const key of APP_ENV_KEYS) {
    const value = process.env[key];
    if (value !== undefined) env[key] = JSON.stringify(value);
  }
  return env;
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const city = parse(readFileSync(path.join(repoRoot, 'config', 'city.yml'), 'utf8')) as CityFile;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'citycare',
    date: '2020-2-10',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // dist/<platform>, or <CITYCARE_DIST_ROOT>/<platform>: the browser tests build into a folder
    // of their own (scripts/lib/build.ts), so parallel runs never overwrite each other.
    outputRoot: path.join(process.env.CITYCARE_DIST_ROOT ?? 'dist', platform),
    alias: {
      '@': path.join(appRoot, 'src'),
      // Preact in place of React (see `framework`): Taro's mini-program entry calls
      // ReactDOM.createRoot, which preact/compat lacks (NervJS/taro#17641); this adds it.
      ...(platform === 'h5' ? {} : { 'react-dom$': path.join(__dirname, 'preact-dom.js') }),
    },
    env: appEnv(),
    defineConstants: {
      ...contractConstants(),
      DEMO_ACCOUNTS: JSON.stringify(demoAccounts(city, process.env.TARO_APP_STAGE)),
      SCOPE_NAMES: JSON.stringify(scopeNames(city)),
    },
    copy: { patterns: [], options: {} },
    // Preact (preact/compat) renders the app's React code: about 88 KB less in the main package
    // than React's reconciler. Taro aliases react, react-dom and react/jsx-runtime to it.
    framework: 'preact',
    // No dependency prebundling in watch builds: prebundled Preact renders outside Taro's DOM
    // (`document` is undefined in the mini-program) and every page fails to mount.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // The main package is held to 15% of WeChat's 2 MB (scripts/bench/weapp.ts); the settings
    // below keep about 27 KB out of it.
    //
    // base.wxml unrolls one set of templates per nesting level, as WeChat templates cannot
    // recurse; deeper nodes render through Taro's recursive `comp` component. Our pages reach
    // level 4 (every page of e2e/weapp/pages.ts, measured); each level costs ~2.7 KB, and 10
    // (Taro's default is 16) still unrolls levels 0-8, twice that. Mini-program builds only.
    baseLevel: 10,
    // Mini-program builds: Terser's own compress defaults (as webpack and Taro's H5 build use
    // them) instead of the subset Taro enables, and Chinese text as UTF-8 instead of \uXXXX
    // escapes (6 bytes each instead of 3). Output stays ES5-shaped (Taro's ecma: 5). H5 keeps
    // Taro's H5 defaults.
    ...(platform === 'h5'
      ? {}
      : {
          terser: {
            enable: true,
            config: {
              compress: {
                arrows: true,
                collapse_vars: true,
                comparisons: true,
                computed_props: true,
                hoist_props: true,
                inline: true,
                loops: true,
                negate_iife: true,
                properties: true,
                reduce_funcs: true,
                reduce_vars: true,
                switches: true,
                typeofs: true,
                passes: 2,
              },
              output: { ascii_only: false },
            },
          },
        }),
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
        hot: false, // fast refresh needs @prefresh/webpack, not installed
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
