/**
 * Browser tests: the H5 build in Debian's Chromium (playwright-core) against the real local
 * stack (DynamoDB Local + serverless-offline), which the global setup starts and builds for.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

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
