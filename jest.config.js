// Two projects: `unit` (pure modules, no bundle) and `e2e` (runs dist/ bundles as the runner does).
// Timeouts catch hangs, not slowness (speed is measured by `npm run bench`). Jest 30 reads
// `testTimeout` only at the top level (inside `projects` it is ignored and 5 s applies), so it
// is set here, generous enough for the bundles run end to end on a busy machine.
const common = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'] },
  ],
};
