// How a step's process ends. process.exit() hung Node 24 at exit in about one run in five
// (nodejs/node#54918: it joins V8's compiler threads while a Maglev job waits for a collection only
// the main thread can run), so a step ends when its event loop empties; a handle left open ends it
// after a grace period, with its exit code.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { repoRoot, runBundle } from '../support/harness.js';

let repo: TestRepo;
let temp: string;
beforeAll(() => {
  repo = createRepo({ 'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }) });
  repo.commit('a package', { 'packages/a/package.json': JSON.stringify({ name: 'a' }) });
  temp = mkdtempSync(join(tmpdir(), 'trunk-exit-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(temp, { recursive: true, force: true });
});

async function probe(name: string, inputs: Record<string, string>, hold: boolean) {
  const mark = join(temp, name);
  const started = Date.now();
  const result = await runBundle('affected', {
    workspace: repo.dir,
    inputs,
    env: {
      NODE_OPTIONS: `--require ${join(repoRoot, 'test/fixtures/runner/exit-probe.cjs')}`,
      EXIT_PROBE_MARK: mark,
      ...(hold ? { EXIT_PROBE_HOLD: '1' } : {}),
    },
  });
  return {
    result,
    ms: Date.now() - started,
    calledExit: existsSync(mark) && readFileSync(mark, 'utf8') === 'process.exit',
  };
}

it('ends a finished step with its event loop, not process.exit(), whatever its exit code', async () => {
  const done = await probe('done', { base: 'HEAD~1' }, false);
  expect(done.result.exitCode).toBe(0);
  expect(done.result.outputs.projects).toBe('["a"]');
  expect(done.calledExit).toBe(false);
  const refused = await probe('refused', { base: 'HEAD~1', 'include-dependents': 'maybe' }, false);
  expect(refused.result.exitCode).toBe(2);
  expect(refused.result.stdout).toMatch(/include-dependents/);
  expect(refused.calledExit).toBe(false);
});

it('ends a step that left a handle open after the grace period, with its exit code', async () => {
  const held = await probe('held', { base: 'HEAD~1', 'include-dependents': 'maybe' }, true);
  expect(held.result.exitCode).toBe(2);
  expect(held.calledExit).toBe(true);
  expect(held.ms).toBeGreaterThanOrEqual(2000);
  expect(held.ms).toBeLessThan(20_000);
});
