import { readFileSync } from 'node:fs';
import { consecutivePasses } from '../../actions/flaky-quarantine/src/classify.js';
import {
  type History,
  HISTORY_VERSION,
  cellAt,
  mergeHistory,
  parseHistory,
  serialiseHistory,
} from '../../actions/flaky-quarantine/src/history.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import { parseReport } from '../../actions/flaky-quarantine/src/junit.js';
import {
  autoQuarantined,
  emptyManual,
  parseManualFile,
  recordRun,
} from '../../actions/flaky-quarantine/src/quarantine.js';
import { type RunResults, foldReports } from '../../actions/flaky-quarantine/src/results.js';
import { loadYaml } from '../../shared/yaml.js';
import { loadZod } from '../../shared/zod.js';

// The YAML parser loads on first need (shared/yaml.ts); parsing a quarantine file needs it.
beforeAll(() => Promise.all([loadYaml(), loadZod()]));

/**
 * A history written by the v1 recipe is migrated once, when read, and each test takes its v1
 * history over when it is first reported under its v2 id. The old-format documents here are the
 * demo's history (written by the v1 code) and one built with v1 keys for a Playwright suite.
 */

const fixtures = new URL('../fixtures/flaky-quarantine/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures));
const WORKSPACE = '/home/runner/work/shop/shop';

async function results(...paths: string[]): Promise<RunResults> {
  const reports = [];
  for (const path of paths) reports.push(await parseReport([read(path)], { workspace: WORKSPACE }));
  return foldReports(reports);
}

const limits = { runsPerBranch: 200, maxBranches: 100, defaultBranch: 'main' };
let clock = Date.parse('2026-04-01T00:00:00Z');
function step(history: History, run: RunResults, commit: string, key: string, runs = limits) {
  const now = new Date((clock += 60_000)).toISOString();
  return recordRun(
    history,
    { branch: 'main', info: { key, commit, at: now } },
    run.tests,
    emptyManual(),
    {
      commit,
      branch: 'main',
      defaultBranch: 'main',
      releaseAfter: 30,
      autoQuarantine: true,
      now,
      writer: `${key}/t`,
    },
    runs,
  );
}

describe('a version 1 history (the demo, written by the v1 code)', () => {
  const text = read('demo/.flaky/history.json').toString();
  const v1 = JSON.parse(text) as { version: number; branches: [string, { tests: [string, string][] }][] };

  test('is read into the legacy area, and written back as version 2 once', () => {
    expect(v1.version).toBe(1);
    const migrated = parseHistory(text);
    const main = migrated.branches.get('main')!;
    expect(main.outcomes.size).toBe(0);
    expect([...main.legacy!]).toEqual(v1.branches[0]![1].tests);
    expect([...migrated.quarantine]).toEqual([]);
    expect([...migrated.legacyQuarantine!.keys()]).toEqual([
      'v1:src/search.test.ts|Search|suggests as you type',
    ]);
    const written = serialiseHistory(migrated);
    expect(JSON.parse(written)).toMatchObject({ version: HISTORY_VERSION, ids: 'v2' });
    // Read again it is not migrated again: the same document, byte for byte.
    expect(serialiseHistory(parseHistory(written))).toBe(written);
  });

  test('the first run takes over its tests: cells, quarantine, and the flaky evidence of attempt 1', async () => {
    const run = await results('demo/reports/junit.xml', 'demo/reports/TEST-com.acme.PaymentTest.xml');
    const out = step(parseHistory(text), run, 'c0ffee'.padEnd(40, '0'), '41:2');
    const search = 'v2:src/search.test.ts|Search|suggests as you type';
    const voucher = 'v2:src/checkout.test.ts|Checkout|applies a voucher';
    // The verdict reads the carried-over quarantine: the quarantined test's failure does not block.
    expect(autoQuarantined(out.before)).toEqual(new Set([search]));
    // Attempt 1 of this commit failed the voucher test (a v1 cell); attempt 2 passed it: flaky.
    expect(out.decisions.newlyFlaky).toContain(voucher);
    const main = out.history.branches.get('main')!;
    const v1Cells = new Map(v1.branches[0]![1].tests);
    expect(
      main.outcomes
        .get(historyKey(voucher))!
        .startsWith(v1Cells.get(historyKey('v1:src/checkout.test.ts|Checkout|applies a voucher'))!),
    ).toBe(true);
    // The release count goes on from the v1 passes (41 of them on main before this run).
    expect(
      consecutivePasses(out.history, 'main', 'v2:src/search.test.ts|Search|finds products by name', ''),
    ).toBeGreaterThan(40);
  });
});

describe('a v1 history of a Playwright suite', () => {
  // v1 knew "Cart › wobbles" as one test across projects: quarantined, with 5 runs of history.
  const wobbles = 'v1:|cart.spec.mjs|Cart › wobbles';
  const adds = 'v1:|cart.spec.mjs|Cart › adds items';
  const runs = Array.from({ length: 5 }, (_, i) => ({
    key: `${i + 1}:1`,
    commit: `${i + 1}`.repeat(40),
    at: `2026-03-0${i + 1}T00:00:00.000Z`,
  }));
  const text = JSON.stringify({
    version: 1,
    branches: [
      [
        'main',
        {
          runs,
          tests: [
            [historyKey(wobbles), 'p2mp2'],
            [historyKey(adds), 'p5'],
          ],
        },
      ],
    ],
    quarantine: [[wobbles, { since: '2026-03-03T00:00:00.000Z', commit: '3'.repeat(40), branch: 'main' }]],
  });

  test('each project takes the v1 test history and quarantine over: one v1 test becomes three', async () => {
    const run = await results('real/playwright/junit.xml');
    const out = step(parseHistory(text), run, 'f'.repeat(40), '6:1');
    const projects = ['chromium', 'firefox', 'Mobile Safari'];
    expect([...autoQuarantined(out.before)].sort()).toEqual(
      projects.map((p) => `v2:|cart.spec.mjs|Cart › wobbles|${p}`).sort(),
    );
    const main = out.history.branches.get('main')!;
    for (const project of projects) {
      expect(main.outcomes.get(historyKey(`v2:|cart.spec.mjs|Cart › wobbles|${project}`))).toBe('p2mp3');
      expect(main.outcomes.get(historyKey(`v2:|cart.spec.mjs|Cart › adds items|${project}`))).toBe('p6');
    }
    // A failure on one project is that project's test only.
    expect(cellAt(main, historyKey('v2:|cart.spec.mjs|Cart › renders prices|firefox'), 5)).toBe(2);
    expect(cellAt(main, historyKey('v2:|cart.spec.mjs|Cart › renders prices|chromium'), 5)).toBe(1);
  });

  test('a shard that runs later still finds its v1 history, and the legacy area ages out', async () => {
    const all = await results('real/playwright/junit.xml');
    const shard = (project: string): RunResults => ({
      ...all,
      tests: new Map([...all.tests].filter(([, t]) => t.id.endsWith(`|${project}`))),
    });
    const short = { ...limits, runsPerBranch: 8 };
    let history = step(parseHistory(text), shard('chromium'), 'a'.repeat(40), '6:1', short).history;
    // Run 7: only firefox ran; its tests are new to v2 and take over their v1 cells (one run older).
    history = step(history, shard('firefox'), 'b'.repeat(40), '7:1', short).history;
    const main = history.branches.get('main')!;
    expect(main.outcomes.get(historyKey('v2:|cart.spec.mjs|Cart › adds items|firefox'))).toBe('p5.p');
    expect(history.quarantine.has('v2:|cart.spec.mjs|Cart › wobbles|firefox')).toBe(true);
    expect(serialiseHistory(history)).toContain('"legacy":[');
    // Merging the migrating document with itself changes nothing (the legacy area included).
    expect(serialiseHistory(mergeHistory(history, history, short))).toBe(serialiseHistory(history));
    // Once the v1 cells have left the kept runs, the legacy area and its quarantine are gone.
    for (let i = 8; i <= 13; i++)
      history = step(history, shard('chromium'), `${i}`.padStart(40, 'c'), `${i}:1`, short).history;
    expect(history.branches.get('main')!.legacy).toBeUndefined();
    expect(history.legacyQuarantine).toBeUndefined();
    const written = serialiseHistory(history);
    expect(written).not.toContain('legacy');
    expect(history.quarantine.has('v2:|cart.spec.mjs|Cart › wobbles|chromium')).toBe(true);
  });
});

test('names v1 folded together (whitespace) each take the shared v1 history over; case was never folded', async () => {
  const runs = [{ key: '1:1', commit: '1'.repeat(40), at: '2026-03-01T00:00:00.000Z' }];
  const folded = 'v1:tests/test_cart.py|tests.test_cart.TestCart|test_totals[totals match]';
  const text = JSON.stringify({
    version: 1,
    branches: [['main', { runs, tests: [[historyKey(folded), 'f']] }]],
    quarantine: [],
  });
  const out = step(parseHistory(text), await results('real/pytest/xunit1.xml'), 'd'.repeat(40), '2:1');
  const cells = (name: string) =>
    out.history.branches
      .get('main')!
      .outcomes.get(historyKey(`v2:tests/test_cart.py|tests.test_cart.TestCart|test_totals[${name}]`));
  expect(cells('totals match')).toBe('fp');
  expect(cells('totals  match')).toBe('fp');
  expect(cells('Totals match')).toBe('p'); // only this run: a new test
});

describe('documents that cannot be read', () => {
  test.each([
    ['a newer document version', '{"version":3,"ids":"v3","branches":[],"quarantine":[]}'],
    ['version 2 with another id recipe', '{"version":2,"ids":"v1","branches":[],"quarantine":[]}'],
    ['version 2 without its id recipe', '{"version":2,"branches":[],"quarantine":[]}'],
    [
      'a legacy quarantine entry that is not a v1 id',
      '{"version":2,"ids":"v2","branches":[["main",{"runs":[{"key":"1:1","commit":"c","at":"t"}],"tests":[],"legacy":[["k","p"]]}]],"quarantine":[],"legacyQuarantine":[["v2:a|b|c",{"since":"t","commit":"c","branch":"main"}]]}',
    ],
    [
      'malformed legacy cells',
      '{"version":2,"ids":"v2","branches":[["main",{"runs":[],"tests":[],"legacy":[["k","p"]]}]],"quarantine":[]}',
    ],
  ])('%s is an error, never an empty history', (_name, text) => {
    expect(() => parseHistory(text)).toThrow();
  });
});

test('a manual file written with v1 ids is read in the v2 spelling', () => {
  const manual = parseManualFile(`
quarantine:
  - id: 'v1:/home/runner/work/shop/shop/src/a.ts|Cart|adds items'
    owner: '@shop'
    reason: 'sandbox down'
never-quarantine:
  - id: 'v2:|com.acme.PaymentTest|refunds'
    owner: '@payments'
    reason: 'must block'
`);
  expect([...manual.forceIn.keys()]).toEqual(['v2:src/a.ts|Cart|adds items']);
  expect([...manual.forceOut.keys()]).toEqual(['v2:|com.acme.PaymentTest|refunds']);
});
