/**
 * `npm test`: type-checks every workspace, lints, then runs every test tier — unit, integration
 * against DynamoDB Local, the weapp and H5 builds, and the browser tests in Chromium. Every
 * step runs even after a failure, so one run shows everything that is wrong; exits non-zero
 * if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './lib/paths';

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Jest writes its results here, for the totals. */
  jestJson?: string;
}

const out = mkdtempSync(join(tmpdir(), 'citycare-test-'));
const jest = (name: string, args: string[]): Step => {
  const jestJson = join(out, `${name}.json`);
  return { name, command: join(BIN, 'jest'), args: [...args, '--json', `--outputFile=${jestJson}`], jestJson };
};
const tsc = (project: string): Step => ({
  name: `types: ${project}`,
  command: join(BIN, 'tsc'),
  args: ['-p', project, '--noEmit'],
});

const steps: Step[] = [
  ...['contract', 'functions', 'miniapp', 'scripts', 'e2e'].map(tsc),
  { name: 'lint', command: join(BIN, 'eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'format', command: join(BIN, 'prettier'), args: ['--check', '--log-level=warn', '.'] },
  jest('unit and integration', ['--selectProjects', 'unit', 'integration']),
  jest('deployable template', ['--selectProjects', 'deploy']),
  jest('builds and browser', ['-c', 'e2e/jest.config.js']),
];

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const failures: string[] = [];
for (const step of steps) {
  console.log(`\n── ${step.name} ──`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { cwd: ROOT, env, stdio: 'inherit' });
  const ok = result.status === 0;
  if (!ok) failures.push(step.name);
  if (step.jestJson) {
    try {
      const summary = JSON.parse(readFileSync(step.jestJson, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
      };
      passed += summary.numPassedTests;
      failed += summary.numFailedTests;
    } catch {
      failed += 1; // the runner died before reporting
    }
  }
  console.log(`── ${step.name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
