/**
 * Browser tests: the H5 build in Debian's Chromium (playwright-core) against the real local
 * stack (DynamoDB Local + serverless-offline), which the global setup starts and builds for.
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// Each run builds into a folder of its own (read by scripts/lib/build.ts in setup and tests).
process.env.CITYCARE_DIST_ROOT ??= mkdtempSync(join(tmpdir(), 'citycare-dist-'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '..',
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.test.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/e2e/setup/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/setup/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
};
