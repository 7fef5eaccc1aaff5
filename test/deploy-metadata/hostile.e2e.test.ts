import { parse as parseYaml } from 'yaml';
import { createRepo, type TestRepo } from '../support/git-repo.js';
import { runBundle } from '../support/harness.js';

/** Commit subjects and tag names an attacker controls: none may inject a command or break a sink. */
const SUBJECTS = [
  '::add-mask::hunter2',
  '::stop-commands::pwned',
  '<img src=x onerror=alert(1)> | broken | table (#5)',
  `ünïcödé 🚀 ${'x'.repeat(10_000)}`,
  `quotes ' " \` $HOME \\ (#6)`,
];

let repo: TestRepo;
let head: string;

beforeAll(() => {
  repo = createRepo({ 'a.txt': 'a\n' });
  repo.git(['tag', '-a', 'deploy/production/1', '-m', 'not json at all {{{']);
  for (const [i, subject] of SUBJECTS.entries()) head = repo.commit(subject, { [`f${i}.txt`]: subject });
  // Names that look like deploy tags but are not: never taken as the previous deploy.
  repo.git(['tag', 'deploy/production/2abc', head]);
  repo.git(['tag', 'deploy/production/99999999999', head]);
  repo.git(['tag', 'deploy/production-eu/7', head]);
});
afterAll(() => repo.cleanup());

const env = () => ({ GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main' });

/** Lines the runner would obey as workflow commands, other than the ones the action itself writes. */
const injected = (stdout: string) =>
  stdout.split('\n').filter((line) => /^::(add-mask::hunter2|stop-commands::pwned)/.test(line));

test('hostile commit subjects: listed intact in outputs, inert in logs, escaped in the summary', async () => {
  const result = await runBundle('deploy-metadata', {
    workspace: repo.dir,
    inputs: { environment: 'production', 'export-env': 'true' },
    env: { ...env(), ACTIONS_STEP_DEBUG: 'true' },
  });
  expect(result.exitCode).toBe(0);
  expect(injected(result.stdout)).toEqual([]);
  expect(result.outputs['previous-tag']).toBe('deploy/production/1');
  expect(result.outputs['previous-version']).toBe('');
  const changes = JSON.parse(result.outputs.changes!) as { subject: string; pr?: number }[];
  expect(changes).toHaveLength(SUBJECTS.length);
  expect(changes.map((c) => c.subject.slice(0, 40))).toEqual(
    [...SUBJECTS].reverse().map((s) => s.slice(0, 40)),
  );
  expect(changes.find((c) => c.subject.startsWith('ünïcödé'))!.subject.length).toBeLessThanOrEqual(301);
  expect(changes.map((c) => c.pr ?? null)).toEqual([6, null, 5, null, null]);
  // `\<` renders as a literal `<`: no HTML reaches the page.
  expect(result.summary).not.toMatch(/(?<!\\)<img/);
  expect(result.summary).toContain('\\<img');
  expect(result.summary).not.toMatch(/^::/m);
  expect(parseYaml(result.outputs.annotations!)).toMatchObject({ 'deploy.trunk-actions.dev/sha': head });
});

test.each([
  [
    'service',
    { service: 'shop\n::stop-commands::pwned' },
    /Input "service" is "shop\\n::stop-commands::pwned", which is not allowed/,
  ],
  ['version', { version: '1.0.0\n::add-mask::hunter2' }, /Input "version" is/],
  ['env-file outside the workspace', { 'env-file': '../../etc/deploy.env' }, /leads outside the workspace/],
  ['tag-prefix', { 'tag-prefix': '../' }, /Input "tag-prefix" is "..\/"/],
  ['deployment-id', { 'deployment-id': '1; rm -rf /' }, /Input "deployment-id" is "1; rm -rf \/"/],
])(
  'hostile %s input: one clear error, no injected command, nothing written',
  async (_name, inputs, message) => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'production', 'export-env': 'true', ...inputs },
      env: env(),
    });
    expect(result.exitCode).toBe(2);
    expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(message),
    ]);
    expect(injected(result.stdout)).toEqual([]);
    expect(result.outputs).toEqual({});
    expect(result.env).toEqual({});
  },
);
