/** Two tiers: fast unit tests of pure rules, and integration tests against DynamoDB Local. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' }, module: { type: 'commonjs' } },
];
// ESM-only packages the tests import (the scanner's @noble/* and the cross-check's jose), compiled to CommonJS.
const esmPackages = ['@noble', 'jose'];
const esm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'deploy',
      testMatch: ['<rootDir>/functions/test/deploy/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      testEnvironment: 'node',
    },
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/functions/test/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc, '^.+\\.js$': esm },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/functions/test/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc, '^.+\\.js$': esm },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/functions/test/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/functions/test/integration/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/functions/test/integration/setup/env.ts'],
      // Each file's tests get 60 s (a project ignores `testTimeout`); a file may ask for more.
      setupFilesAfterEnv: ['<rootDir>/functions/test/integration/setup/timeout.ts'],
    },
  ],
};
