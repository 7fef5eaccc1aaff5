import fc from 'fast-check';
import {
  addRun,
  cellOf,
  FAIL,
  type History,
  PASS,
  REPEAT,
  cellAt,
  emptyHistory,
  mergeHistory,
  parseHistory,
  serialiseHistory,
  singleRun,
} from '../../actions/flaky-quarantine/src/history.js';
import {
  displayName,
  fromLegacyId,
  historyKey,
  idMaker,
  legacyIdOf,
  normaliseFile,
  parseTestId,
  testId,
} from '../../actions/flaky-quarantine/src/identity.js';

const limits = { runsPerBranch: 1000, maxBranches: 1000, defaultBranch: 'main' };

/** Every (branch, run key, test) -> cell of a history: what "no result lost" is checked on. */
function facts(history: History): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, branch] of history.branches)
    branch.runs.forEach((run, index) => {
      for (const id of branch.outcomes.keys()) {
        const cell = cellAt(branch, id, index);
        if (cell) out.set(JSON.stringify([name, run.key, run.commit, id]), cell);
      }
    });
  return out;
}

function union(...maps: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const map of maps) for (const [k, v] of map) out.set(k, (out.get(k) ?? 0) | v);
  return out;
}

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

// A contribution: one run of one branch with some tests (hostile names included).
const names = fc.constantFrom('t1', 't2', 'constructor', '__proto__', '::add-mask::x', 'toString', 'a|b');
const contribution = fc
  .record({
    branch: fc.constantFrom('main', 'feature', '__proto__'),
    run: fc.integer({ min: 1, max: 6 }),
    cells: fc.array(fc.tuple(names, fc.integer({ min: 1, max: 7 })), { maxLength: 5 }),
  })
  .map(({ branch, run, cells }) =>
    singleRun(
      branch,
      { key: `${run}:1`, commit: `c${run}`, at: `2026-01-01T00:00:0${run}Z` },
      new Map(cells),
    ),
  );
const history = fc
  .array(contribution, { maxLength: 8 })
  .map((parts) => parts.reduce((acc, part) => mergeHistory(acc, part, limits), emptyHistory()));

describe('history merge (properties)', () => {
  test('lossless: every result of both sides is in the merge', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        expect(sorted(facts(mergeHistory(a, b, limits)))).toEqual(sorted(union(facts(a), facts(b))));
      }),
    );
  });
  test('idempotent: merging the same document again (re-running an attempt) changes nothing', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        const once = mergeHistory(a, b, limits);
        expect(serialiseHistory(mergeHistory(once, b, limits))).toBe(serialiseHistory(once));
        expect(serialiseHistory(mergeHistory(a, a, limits))).toBe(serialiseHistory(a));
      }),
    );
  });
  test('order of writers does not change the results (commutative and associative up to run order)', () => {
    fc.assert(
      fc.property(history, history, history, (a, b, c) => {
        const left = mergeHistory(mergeHistory(a, b, limits), c, limits);
        const right = mergeHistory(a, mergeHistory(b, c, limits), limits);
        expect(sorted(facts(left))).toEqual(sorted(facts(right)));
        expect(sorted(facts(mergeHistory(a, b, limits)))).toEqual(sorted(facts(mergeHistory(b, a, limits))));
      }),
    );
  });
  test('adding a run equals merging its single-run document (the fast path is the merge)', () => {
    const run = fc.record({
      branch: fc.constantFrom('main', 'feature'),
      n: fc.integer({ min: 1, max: 8 }),
      tests: fc.array(fc.tuple(names, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
        maxLength: 6,
      }),
      limit: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(history, run, (h, { branch, n, tests, limit }) => {
        const bounded = { ...limits, runsPerBranch: limit };
        const info = { key: `${n}:1`, commit: `c${n}`, at: `2026-01-01T00:00:0${n}Z` };
        const results = new Map(tests.map(([id, passes, failures]) => [id, { passes, failures }]));
        const cells = new Map([...results].map(([id, r]) => [id, cellOf(r)]));
        const base = mergeHistory(emptyHistory(), h, bounded);
        expect(serialiseHistory(addRun(base, branch, info, results, bounded))).toBe(
          serialiseHistory(mergeHistory(base, singleRun(branch, info, cells), bounded)),
        );
      }),
    );
  });
  test('serialise and parse round-trip exactly', () => {
    fc.assert(
      fc.property(history, (h) => {
        const text = serialiseHistory(h);
        expect(serialiseHistory(parseHistory(text))).toBe(text);
      }),
    );
  });
});

describe('history bounds and shape', () => {
  test('keeps the last runs per branch and drops tests with no evidence left', () => {
    const small = { ...limits, runsPerBranch: 3 };
    let h = emptyHistory();
    for (let i = 1; i <= 5; i++) {
      const cells = new Map([['always', PASS], ...(i === 1 ? [['early', FAIL] as [string, number]] : [])]);
      h = mergeHistory(
        h,
        singleRun('main', { key: `${i}:1`, commit: `c${i}`, at: `2026-01-0${i}` }, cells),
        small,
      );
    }
    const main = h.branches.get('main')!;
    expect(main.runs.map((r) => r.key)).toEqual(['3:1', '4:1', '5:1']);
    expect([...main.outcomes]).toEqual([['always', 'p3']]);
  });
  test('matrix jobs of one run add up in one cell', () => {
    const run = { key: '7:1', commit: 'c7', at: '2026-01-01' };
    const h = mergeHistory(
      singleRun('main', run, new Map([['t', PASS]])),
      singleRun('main', { ...run, at: '2026-01-02' }, new Map([['t', FAIL | REPEAT]])),
      limits,
    );
    expect(h.branches.get('main')!.runs).toEqual([run]);
    expect(cellAt(h.branches.get('main')!, 't', 0)).toBe(PASS | FAIL | REPEAT);
  });
  test('keeps the default branch and the most recently run other branches', () => {
    const few = { ...limits, maxBranches: 2 };
    let h = emptyHistory();
    for (const [branch, at] of [
      ['main', '2026-01-01'],
      ['old', '2026-01-02'],
      ['new', '2026-01-03'],
    ] as const)
      h = mergeHistory(h, singleRun(branch, { key: branch, commit: 'c', at }, new Map([['t', PASS]])), few);
    expect([...h.branches.keys()].sort()).toEqual(['main', 'new']);
  });
  test.each([
    ['not JSON', '{'],
    ['wrong version', '{"version":2,"branches":[],"quarantine":[]}'],
    ['bad cells', '{"version":1,"branches":[["main",{"runs":[],"tests":[["t","9"]]}]],"quarantine":[]}'],
    [
      'longer than runs',
      '{"version":1,"branches":[["main",{"runs":[],"tests":[["t","p"]]}]],"quarantine":[]}',
    ],
    ['bad quarantine', '{"version":1,"branches":[],"quarantine":[["t",{"since":1}]]}'],
  ])('a corrupt document is an error, never an empty history: %s', (_name, text) => {
    expect(() => parseHistory(text)).toThrow();
  });
});

describe('test identity (properties)', () => {
  const part = fc.string({ unit: 'binary', maxLength: 40 });
  test('the id round-trips its normalised parts, whatever they contain', () => {
    fc.assert(
      fc.property(part, part, part, (file, classname, name) => {
        const id = testId({ file, classname, name });
        const parsed = parseTestId(id)!;
        expect(parsed).toBeDefined();
        expect(testId({ file: parsed.file, classname: parsed.scope, name: parsed.name })).toBe(id);
      }),
    );
  });
  test('different normalised parts never collide', () => {
    fc.assert(
      fc.property(part, part, part, part, (f1, n1, f2, n2) => {
        const same = normaliseFile(f1) === normaliseFile(f2) && testId({ name: n1 }) === testId({ name: n2 });
        expect(
          testId({ file: f1, classname: 'C', name: n1 }) === testId({ file: f2, classname: 'C', name: n2 }),
        ).toBe(same);
      }),
    );
  });
  test('the same test from different checkouts and operating systems is one test', () => {
    const relative = testId({ file: 'src/a.test.ts', classname: 'Cart', name: 'adds items' });
    for (const file of [
      '.\\src\\a.test.ts',
      './src/a.test.ts',
      '/home/runner/work/shop/shop/src/a.test.ts', // GitHub-hosted Linux
      '/Users/runner/work/shop/shop/src/a.test.ts', // macOS
      '/__w/shop/shop/src/a.test.ts', // container job
      '/opt/actions-runner/_work/shop/shop/src/a.test.ts', // self-hosted runner
      'D:\\a\\shop\\shop\\src\\a.test.ts', // GitHub-hosted Windows
      'd:/a/shop/shop/src/a.test.ts',
      '/srv/ci/checkout/src/a.test.ts', // the workspace passed in
    ])
      expect(testId({ file, classname: 'Cart', name: 'adds items' }, '/srv/ci/checkout')).toBe(relative);
    expect(
      testId({ file: 'C:\\build\\src\\a.test.ts', classname: 'Cart', name: 'adds items' }, 'c:/build'),
    ).toBe(relative);
    // An absolute scope (a reporter writing the file as classname) is made relative too.
    expect(testId({ classname: '/__w/shop/shop/tests/unit', name: 'n' })).toBe('v2:|tests/unit|n');
    expect(testId({ suitePath: ['/home/runner/work/shop/shop/tests', 'Cart'], name: 'n' })).toBe(
      'v2:|tests / Cart|n',
    );
    // NFC only: the same accented name from macOS and Linux.
    expect(testId({ name: 'Cafe\u0301' })).toBe(testId({ name: 'Café' }));
  });
  test('a checkout prefix ends at the first doubled folder of an absolute path, as the pattern says', () => {
    const pattern = /^(?:[A-Za-z]:)?(?:\/[^/]+)*?\/([^/]+)\/\1\//;
    const segment = fc.constantFrom('a', 'b', 'work', 'a.ts', '.');
    fc.assert(
      fc.property(
        fc.constantFrom('', 'D:'),
        fc.array(segment, { minLength: 1, maxLength: 7 }),
        (drive, segments) => {
          const path = `${drive}/${segments.join('/')}`;
          const match = pattern.exec(path);
          const expected = (match ? path.slice(match[0].length) : path).replace(/^(\.\/)+/, '');
          expect(normaliseFile(path)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
    // A hostile 100 KB path is one linear scan (the pattern above backtracks on it).
    const hostile = `/${Array.from({ length: 50_000 }, (_, i) => 'ab'[i % 2]).join('/')}`;
    expect(normaliseFile(hostile)).toBe(hostile);
  });
  test('names are exact: whitespace and case make different tests', () => {
    const ids = ['adds items', 'adds  items', 'Adds items', ' adds items', 'adds items ', 'adds\titems'].map(
      (name) => testId({ file: 'src/a.test.ts', classname: 'Cart', name }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[5]).toBe('v2:src/a.test.ts|Cart|adds\\x09items');
    expect(testId({ classname: 'Cart', name: 'n' })).not.toBe(testId({ classname: 'cart', name: 'n' }));
  });
  test('no id carries a runner checkout path', () => {
    const id = testId({
      file: '/home/runner/work/shop/shop/php/tests/CartTest.php',
      classname: 'C',
      name: 'n',
    });
    expect(id).toBe('v2:php/tests/CartTest.php|C|n');
  });
  test('a project is the last part, and two projects are two tests', () => {
    const chromium = testId({ classname: 'cart.spec.ts', name: 'Cart › adds', project: 'chromium' });
    expect(chromium).toBe('v2:|cart.spec.ts|Cart › adds|chromium');
    expect(testId({ classname: 'cart.spec.ts', name: 'Cart › adds', project: 'firefox' })).not.toBe(chromium);
    expect(parseTestId(chromium)).toEqual({
      file: '',
      scope: 'cart.spec.ts',
      name: 'Cart › adds',
      project: 'chromium',
    });
    expect(displayName(chromium)).toBe('[chromium] cart.spec.ts › Cart › adds');
    expect(parseTestId(testId({ name: 'a|b', project: 'Mobile|Safari' }))).toMatchObject({
      name: 'a|b',
      project: 'Mobile|Safari',
    });
  });
  test('the v1 spelling of any id is the v1 recipe applied to its parts (fast path included)', () => {
    const v1 = (text: string) =>
      text
        .normalize('NFC')
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\\|]/g, (c) => `\\${c}`);
    const text = (chars: string[]) =>
      fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((a) => a.join(''));
    const chars = ['a', 'B', ' ', '|', 'é', 'e\u0301', '\t', '\n', '\u0085'];
    fc.assert(
      fc.property(
        text(['a', ' ', 'é', '|']),
        text(chars),
        text([...chars, '\\']),
        fc.constantFrom('', 'firefox'),
        (file, scope, name, project) => {
          const id = testId({ file, classname: scope || 'C', name, project });
          expect(legacyIdOf(id)).toBe(`v1:${v1(normaliseFile(file))}|${v1(scope || 'C')}|${v1(name)}`);
        },
      ),
      { numRuns: 500 },
    );
  });
  test('legacy ids: v1 spelling of a current id, and back', () => {
    expect(legacyIdOf('v2:src/a.ts|Cart|adds  items|chromium')).toBe('v1:src/a.ts|Cart|adds items');
    expect(legacyIdOf('v2:|a\\|b| x\\x09y ')).toBe('v1:|a\\|b|x y');
    expect(fromLegacyId('v1:/home/runner/work/r/r/src/a.ts|Cart|adds items')).toBe(
      'v2:src/a.ts|Cart|adds items',
    );
    expect(fromLegacyId('v2:a|b|c')).toBeUndefined();
  });
  test('the maker hashes as it builds: its key is historyKey(id), across changing prefixes', () => {
    const make = idMaker('/ws');
    fc.assert(
      fc.property(
        fc.constantFrom('', 'a.ts', '/ws/b.ts'),
        fc.constantFrom('', 'C', 'D|E'),
        part,
        (file, classname, name) => {
          const { id, key } = make({ file, classname, suitePath: ['S'], name });
          expect(id).toBe(testId({ file, classname, suitePath: ['S'], name }, '/ws'));
          expect(key).toBe(historyKey(id));
        },
      ),
    );
    // Pinned: bench/flaky.mjs and stored histories depend on this exact function.
    expect(historyKey('v1:a|b|c')).toBe('fa02f76ea8664788');
  });
  test('two tests sharing classname and name in different files stay apart', () => {
    expect(testId({ file: 'a/x.test.ts', classname: 'C', name: 'n' })).not.toBe(
      testId({ file: 'b/x.test.ts', classname: 'C', name: 'n' }),
    );
  });
  test('the suite path stands in for an empty classname', () => {
    expect(testId({ classname: '', suitePath: ['outer', 'inner'], name: 'n' })).toBe('v2:|outer / inner|n');
  });
});
