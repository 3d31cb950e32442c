import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ErrorBody } from '@citycare/contract';
import { packagingEnv } from '../../../scripts/lib/packaging';
import { BIN, ROOT } from '../../../scripts/lib/paths';
import { freePort } from '../../../scripts/lib/ports';
import { offlineBuildDir, startBackend, type Stack } from '../../../scripts/lib/stack';

/**
 * The local stack does not hide failures as successes, and survives its own tools: a function
 * that cannot load its handler answers 500 in the one error shape (serverless-offline alone
 * answers 200 `{"errorMessage": …}`), and `serverless package` while it runs leaves its handlers alone.
 */
jest.setTimeout(240_000);

let stack: Stack;
let apiPort: number;
beforeAll(async () => {
  apiPort = await freePort();
  stack = await startBackend({
    stage: 'local',
    ports: { dynamodb: await freePort(), api: apiPort, lambda: await freePort() },
    dataDir: null,
    keysDir: mkdtempSync(join(tmpdir(), 'citycare-offline-keys-')),
    verbose: false,
  });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(offlineBuildDir(apiPort), { recursive: true, force: true });
});

it('answers 500 in the error shape for a function whose handler cannot be loaded', async () => {
  const bundle = join(offlineBuildDir(apiPort), '.build', 'functions', 'src', 'utility', 'lambdas', 'staff.js');
  expect(existsSync(bundle)).toBe(true);
  rmSync(bundle);
  const res = await fetch(`${stack.apiBase}/utility/staff/water/reviews`);
  expect(res.status).toBe(500);
  expect(ErrorBody.parse(await res.json()).error.code).toBe('INTERNAL');
});

const bundleOf = (lambda: string) => join(offlineBuildDir(apiPort), '.build', 'functions', 'src', `${lambda}.js`);

it.each([
  ['throws while loading', 'utility/lambdas/community', '/utility/community/c1/arrears', 'throw new Error("broken");'],
  ['exports no handler', 'grocery/lambdas/regulator', '/grocery/complaints', 'module.exports = {};'],
])('answers 500 in the error shape for a function whose module %s', async (_, lambda, path, code) => {
  expect(existsSync(bundleOf(lambda))).toBe(true);
  writeFileSync(bundleOf(lambda), code);
  const res = await fetch(`${stack.apiBase}${path}`);
  expect(res.status).toBe(500);
  expect(ErrorBody.parse(await res.json()).error.code).toBe('INTERNAL');
});

it('keeps serving when `serverless package` runs with the stack’s own environment (its build folder set)', async () => {
  // A packaging run builds in a folder of its own (scripts/serverless/package-folder.js), even when
  // CITYCARE_ESBUILD_DIR names the folder offline loads from: it must not rebuild and delete that one.
  expect(stack.env.CITYCARE_ESBUILD_DIR).toBeTruthy();
  const out = mkdtempSync(join(tmpdir(), 'citycare-package-'));
  await promisify(execFile)(join(BIN, 'serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: packagingEnv(stack.env),
  });
  rmSync(out, { recursive: true, force: true });
  expect(existsSync(bundleOf('utility/lambdas/residents'))).toBe(true);
  // First loaded now: 401 from the loaded handler (not a 500 for a missing module).
  const res = await fetch(`${stack.apiBase}/utility`);
  expect(res.status).toBe(401);
  expect(ErrorBody.parse(await res.json()).error.code).toBe('UNAUTHENTICATED');
});

it('keeps serving while `serverless package` builds and cleans up its own folder', async () => {
  const out = mkdtempSync(join(tmpdir(), 'citycare-package-'));
  await promisify(execFile)(join(BIN, 'serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: packagingEnv(),
  });
  rmSync(out, { recursive: true, force: true });
  // A function first loaded after the packaging: its bundle must still be where offline loads from.
  const res = await fetch(`${stack.apiBase}/health/rules`);
  expect(res.status).toBe(200);
  expect(await res.json()).toHaveProperty('passRules');
});
