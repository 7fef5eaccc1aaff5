import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStore, parseStateLocation } from '../../shared/state-store.js';
import { inlineCode } from '../../shared/summary.js';
import { emptyHistory } from '../../actions/flaky-quarantine/src/history.js';
import { idHash } from '../../actions/flaky-quarantine/src/identity.js';
import { issueBody, issueTitle, marker, planIssues } from '../../actions/flaky-quarantine/src/issues.js';
import { redactSecrets as redact } from '../../shared/redact.js';

describe('issue text', () => {
  test.each([
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token ***'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', '***'],
    ['key AKIAIOSFODNN7EXAMPLE used', 'key *** used'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload', 'Authorization: Bearer ***'],
    ['https://bob:hunter2@db.example.com/x', 'https://bob:***@db.example.com/x'],
    ['password=hunter2 next', 'password=*** next'],
    ['api_key: "abc def"', 'api_key: "***"'],
    ['expected 1 to be 2', 'expected 1 to be 2'],
  ])('redact(%j)', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  test('the body carries the marker, escapes names, fences any failure text and cuts it', () => {
    const id = 'v2:src/a.ts|Evil `code` | <b>|name ``` ~~~ -->';
    const body = issueBody({
      id,
      failure: { message: 'boom ```', type: 'Error', text: 'x'.repeat(5000) },
      releaseAfter: 30,
      defaultBranch: 'main',
    });
    expect(body.startsWith(marker(id))).toBe(true);
    expect(marker(id)).toBe(`<!-- trunk-actions:flaky id=${idHash(id)} -->`);
    // Untrusted text only ever appears as inline code or in the fenced block, never as Markdown or HTML.
    expect(body).toContain(`| Test id | ${inlineCode(id)} |`);
    expect(body.split('\n').filter((line) => line.includes('<b>'))).toEqual([
      `| Test id | ${inlineCode(id)} |`,
    ]);
    expect(body).toMatch(/````+text\n/); // a fence longer than any backtick run inside
    expect(body).toMatch(/more characters\)/);
    expect(body.length).toBeLessThan(4000);
    expect(issueTitle('v2:|K|' + 'n'.repeat(5000)).length).toBeLessThan(260);
  });

  test('a test quarantined on one Playwright project names that project in title and body', () => {
    const id = 'v2:|cart.spec.ts|Cart › renders prices|firefox';
    expect(issueTitle(id)).toBe('Flaky test: [firefox] cart.spec.ts › Cart › renders prices');
    expect(issueTitle(`v2:|cart.spec.ts|${'n'.repeat(5000)}|firefox`)).toContain('[firefox]');
    const body = issueBody({ id, releaseAfter: 30, defaultBranch: 'main' });
    expect(body).toContain(`| Project | ${inlineCode('firefox')} only |`);
    expect(issueBody({ id: 'v2:|K|n', releaseAfter: 30, defaultBranch: 'main' })).not.toContain('Project');
  });
});

describe('issue plan', () => {
  const base = {
    quarantinedFailures: [] as string[],
    forcedIn: new Map(),
    failureOf: () => undefined,
    releaseAfter: 30,
    defaultBranch: 'main',
    runKey: '7:1',
  };
  const decisions = { newlyFlaky: [], quarantined: [], released: [], broken: [] };
  test('nothing to do is undefined', () => {
    expect(planIssues({ ...base, history: emptyHistory(), decisions })).toBeUndefined();
  });
  test('new quarantines open issues, releases close them, automatic failures refresh theirs, manual ones have none', () => {
    const history = emptyHistory();
    history.quarantine.set('old', { since: '2026-01-01', commit: 'c', branch: 'main' });
    history.quarantine.set('new', { since: '2026-01-02', commit: 'c', branch: 'main' });
    const work = planIssues({
      ...base,
      history,
      decisions: { ...decisions, newlyFlaky: ['new'], quarantined: ['new'], released: ['gone'] },
      quarantinedFailures: ['old', 'new', 'manual'],
      forcedIn: new Map([['manual', {}]]),
    })!;
    expect(work.quarantined.map((f) => f.id)).toEqual(['new']);
    expect(work.released).toEqual([{ id: 'gone', passes: 30 }]);
    expect(work.failedAgain.map((f) => f.id)).toEqual(['old']);
    expect(work.failedAgain[0]!.openIfMissing).toBe(true);
  });
  test('a test quarantined by a parallel job of this run only refreshes an issue that exists (no race to a duplicate)', () => {
    const history = emptyHistory();
    history.quarantine.set('mine', { since: '2026-01-02', commit: 'c', branch: 'main', by: '7:1/ab12cd34' });
    history.quarantine.set('earlier', {
      since: '2026-01-01',
      commit: 'b',
      branch: 'main',
      by: '6:1/ffee0011',
    });
    const work = planIssues({ ...base, history, decisions, quarantinedFailures: ['mine', 'earlier'] })!;
    expect(work.failedAgain.map((f) => [f.id, f.openIfMissing])).toEqual([
      ['mine', false],
      ['earlier', true],
    ]);
  });
});

describe('state store', () => {
  test.each([
    ['branch:trunk-actions-flaky', { kind: 'branch', branch: 'trunk-actions-flaky' }],
    ['file:.flaky/history.json', { kind: 'file', path: '.flaky/history.json' }],
  ])('%s', (raw, expected) => expect(parseStateLocation(raw, 'state')).toEqual(expected));
  test.each(['branch:', 'branch:-x', 'branch:a..b', 'branch:a b', 's3://bucket', 'file:'])(
    '%j is refused',
    (raw) => {
      expect(() => parseStateLocation(raw, 'state')).toThrow(/Input "state" .* branch:<name>/);
    },
  );
  test('a file store reads nothing at first, writes atomically and skips unchanged documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-'));
    try {
      const store = fileStore(join(dir, 'sub', 'state.json'));
      expect(await store.read()).toBeUndefined();
      expect(await store.update((current) => `${current ?? ''}a`, 'm')).toEqual({
        written: true,
        attempts: 1,
      });
      expect(await store.update(() => undefined, 'm')).toEqual({ written: false, attempts: 1 });
      expect(readFileSync(join(dir, 'sub', 'state.json'), 'utf8')).toBe('a');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
