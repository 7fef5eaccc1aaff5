import type { ActionRun } from '../shared/runner.js';

/** Each action's `run`, loaded on demand so the command line starts as fast as one action. */
export const actionRuns: Record<string, () => Promise<ActionRun>> = {
  affected: () => import('../actions/affected/src/main.js').then((m) => m.run),
  'deploy-metadata': () => import('../actions/deploy-metadata/src/main.js').then((m) => m.run),
  'flaky-quarantine': () => import('../actions/flaky-quarantine/src/main.js').then((m) => m.run),
  'migration-lint': () => import('../actions/migration-lint/src/main.js').then((m) => m.run),
  'error-budget-gate': () => import('../actions/error-budget-gate/src/main.js').then((m) => m.run),
};
