/** Two tiers: fast unit tests of pure rules, and integration tests against DynamoDB Local. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' }, module: { type: 'commonjs' } },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/functions/test/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/functions/test/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/functions/test/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/functions/test/integration/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/functions/test/integration/setup/env.ts'],
      testTimeout: 30000,
    },
  ],
};
