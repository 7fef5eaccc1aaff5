import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/errors.js';
import { fileStore } from '../../shared/state-store.js';
import { type History, emptyHistory, serialiseHistory } from '../../actions/flaky-quarantine/src/history.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import { emptyManual, recordRun } from '../../actions/flaky-quarantine/src/quarantine.js';
import {
  STATE_PATH,
  branchTarget,
  commitMessage,
  historyTransform,
  readManual,
  readStoredHistory,
  updateLine,
} from '../../actions/flaky-quarantine/src/state.js';

const limits = { runsPerBranch: 10, maxBranches: 10, defaultBranch: 'main' };
const context = (writer: string) => ({
  commit: 'c1',
  branch: 'main',
  defaultBranch: 'main',
  releaseAfter: 3,
  autoQuarantine: true,
  now: '2026-01-01T00:00:00.000Z',
  writer,
});
const tests = (outcome: { passes: number; failures: number }) => {
  const id = 'v2:src/a.test.ts|A|works';
  return new Map([[historyKey(id), { id, key: historyKey(id), ...outcome }]]);
};
/** One step: this run (key `run`) recorded on main with `t` failed then passed (flaky). */
const step = (run: string) => (current: History) =>
  recordRun(
    current,
    { branch: 'main', info: { key: run, commit: 'c1', at: '2026-01-01T00:00:00.000Z' } },
    tests({ passes: 1, failures: 1 }),
    emptyManual(),
    context(`${run}/n`),
    limits,
  );

describe('documents read as the user wrote them, or a sentence saying what to do', () => {
  test.each([
    ['not JSON', '{'],
    ['another document', '{"version":7}'],
  ])('a stored history that is %s', (_, text) => {
    const read = () => readStoredHistory(text, 'history.json');
    expect(read).toThrow(UserError);
    expect(read).toThrow(
      /^The history in history\.json is not a valid flaky-quarantine document \(.+\); fix it or delete it to start over\.$/,
    );
  });

  test('no stored document yet is an empty history', () => {
    expect(readStoredHistory(undefined, 'x')).toEqual(emptyHistory());
  });

  test.each([
    [
      'quarantine:\n  - id: a\n    owner: "@team"\n',
      /^The quarantine file q\.yml is not valid: quarantine\.0\.reason: /,
    ],
    ['surprise: 1\n', /^The quarantine file q\.yml is not valid: /],
  ])('a manual file %j', async (text, message) => {
    await expect(readManual(text, 'q.yml')).rejects.toThrow(message);
  });

  test('a valid manual file', async () => {
    const manual = await readManual(
      'quarantine:\n  - id: a\n    owner: "@team"\n    reason: sandbox\n',
      'q.yml',
    );
    expect([...manual.forceIn]).toEqual([['a', { owner: '@team', reason: 'sandbox' }]]);
  });

  test('a state branch needs the repository', () => {
    expect(branchTarget('trunk-state', { owner: 'acme', repo: 'shop' })).toEqual({
      owner: 'acme',
      repo: 'shop',
      branch: 'trunk-state',
      path: STATE_PATH,
    });
    expect(() => branchTarget('trunk-state', { owner: '', repo: '' })).toThrow(
      new UserError('Input "state" is a branch but GITHUB_REPOSITORY is not set.'),
    );
  });
});

describe('historyTransform: one step across the store’s retries', () => {
  test('no document: the run is written; the verdict reads the empty history', () => {
    const { transform, recorded } = historyTransform(step('1:1'), 'here');
    const text = transform(undefined);
    expect(text).toBe(serialiseHistory(recorded().history));
    expect(recorded().before).toEqual(emptyHistory());
    expect(recorded().decisions.newlyFlaky).toEqual(['v2:src/a.test.ts|A|works']);
  });

  test('after a conflict the step runs on the document read again; `before` stays the first read', () => {
    const other = historyTransform(step('2:1'), 'here');
    const theirs = other.transform(undefined)!;
    const { transform, recorded } = historyTransform(step('1:1'), 'here');
    transform(undefined);
    const firstBefore = recorded().before;
    const mine = transform(theirs)!;
    expect(recorded().before).toBe(firstBefore);
    expect(JSON.parse(mine).branches[0][1].runs.map((r: { key: string }) => r.key)).toEqual(['2:1', '1:1']);
  });

  test('a run already recorded changes nothing, so nothing is written', () => {
    const first = historyTransform(step('1:1'), 'here').transform(undefined)!;
    expect(historyTransform(step('1:1'), 'here').transform(first)).toBeUndefined();
  });

  test('asked before the store ran it, it says so', () => {
    expect(() => historyTransform(step('1:1'), 'here').recorded()).toThrow(/before the store ran/);
  });

  test('through a real file store: written once, then unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flaky-state-'));
    try {
      const store = fileStore(join(dir, 'history.json'));
      const once = historyTransform(step('1:1'), store.description);
      const written = await store.update(
        once.transform,
        commitMessage({ runKey: '1:1', commit: 'c1', branch: 'main' }),
      );
      expect(readFileSync(join(dir, 'history.json'), 'utf8')).toBe(serialiseHistory(once.recorded().history));
      const again = await store.update(historyTransform(step('1:1'), store.description).transform, 'again');
      expect([written.written, again.written]).toEqual([true, false]);
      expect(updateLine('h', again)).toBe('History in h: unchanged (this run was already recorded).');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the commit message names the run, the commit cut to 12 and the branch', () => {
    expect(commitMessage({ runKey: '9:2', commit: 'f'.repeat(40), branch: 'main' })).toBe(
      'flaky-quarantine: record run 9:2 of ffffffffffff on main',
    );
  });
});
