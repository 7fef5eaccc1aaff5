// Two projects: `unit` (pure modules, no bundle) and `e2e` (runs dist/ bundles as the runner does).
// Timeouts are generous: they catch hangs, not slowness (speed is measured by `npm run bench`).
const common = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testTimeout: 30_000,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$'],
    },
    { ...common, displayName: 'e2e', testTimeout: 120_000, testMatch: ['<rootDir>/test/**/*.e2e.test.ts'] },
  ],
};
