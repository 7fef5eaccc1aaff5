import { type RunOptions, type RunResult, runBundle } from '../support/harness.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';

export interface AffectedRun extends RunResult {
  projects: string[];
  reasons: Record<string, string>;
  matrix: { include: { project: string; path: string; reason: string }[] };
}

/** Runs the affected bundle in a repository and parses its JSON outputs (empty when it failed). */
export async function runAffected(
  repo: TestRepo,
  options: Omit<RunOptions, 'workspace'> = {},
): Promise<AffectedRun> {
  const result = await runBundle('affected', {
    event: { name: 'workflow_dispatch', payload: { repository: { default_branch: 'main' } } },
    ...options,
    workspace: repo.dir,
  });
  const json = (name: string, fallback: unknown) =>
    result.outputs[name] === undefined ? fallback : JSON.parse(result.outputs[name]!);
  return {
    ...result,
    projects: json('projects', []),
    reasons: json('reasons', {}),
    matrix: json('matrix', { include: [] }),
  };
}

/** A package.json text. */
export const pkg = (name: string, fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ name, version: '1.0.0', ...fields }, null, 2);

export type Files = Record<string, string | null>;

/** Builds main with `initial`, a feature branch with `change`, and runs the bundle with base main. */
export async function affectedBy(
  initial: Files,
  change: Files,
  inputs: Record<string, string> = {},
): Promise<AffectedRun> {
  const repo = createRepo(initial);
  try {
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('change', change);
    return await runAffected(repo, { inputs: { base: 'main', ...inputs } });
  } finally {
    repo.cleanup();
  }
}
