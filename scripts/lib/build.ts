import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ROOT } from './paths';

export const MINIAPP = join(ROOT, 'miniapp');
/**
 * Where builds go: miniapp/dist/<platform>, or under CITYCARE_DIST_ROOT when set (the browser
 * tests build into a folder of their own, so parallel runs never overwrite each other).
 */
export const DIST_ROOT = process.env.CITYCARE_DIST_ROOT ?? join(MINIAPP, 'dist');
export const DIST = { weapp: join(DIST_ROOT, 'weapp'), h5: join(DIST_ROOT, 'h5') };

/**
 * Runs a Taro production build. Taro exits 0 even when its config is broken, so callers check
 * the output files; this only surfaces the log when the process itself fails.
 */
export function taroBuild(type: 'weapp' | 'h5', env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(BIN, 'taro'), ['build', '--type', type], {
      cwd: MINIAPP,
      // Jest sets NODE_ENV=test; a build for shipping is a production build.
      env: { ...process.env, NODE_ENV: 'production', CITYCARE_DIST_ROOT: DIST_ROOT, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(log) : reject(new Error(`taro build --type ${type} failed (${code}):\n${log.slice(-4000)}`)),
    );
  });
}
