import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../shared/errors.js';
import { readChunksInside } from '../../shared/files.js';
import { ReportError } from '../../actions/flaky-quarantine/src/junit.js';
import {
  isReportFault,
  noEvidence,
  noReportMessage,
  readReports,
  resultsLine,
} from '../../actions/flaky-quarantine/src/reports.js';
import { foldReports } from '../../actions/flaky-quarantine/src/results.js';

const suite = (cases: string) => `<?xml version="1.0"?><testsuite name="s">${cases}</testsuite>`;
const pass = (name: string) => `<testcase classname="Cart" name="${name}" file="src/cart.test.ts"/>`;
const fail = (name: string) =>
  `<testcase classname="Cart" name="${name}" file="src/cart.test.ts"><failure message="boom">trace</failure></testcase>`;

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'flaky-reports-'));
  writeFileSync(join(workspace, 'a.xml'), suite(pass('adds') + fail('removes')));
  // A rerun of `removes` in a second report: one test, failed then passed.
  writeFileSync(join(workspace, 'b.xml'), suite(pass('removes') + pass('totals')));
  writeFileSync(join(workspace, 'cut.xml'), suite(pass('adds')).slice(0, 40));
  writeFileSync(join(workspace, 'empty.xml'), suite(''));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const chunksOf = (file: string) => readChunksInside(workspace, file, { input: 'reports', maxBytes: 1 << 20 });

describe('readReports', () => {
  test('reports fold into one result per test; reruns add up', async () => {
    const read = await readReports(['a.xml', 'b.xml'], chunksOf, workspace);
    expect(read.reportErrors).toEqual([]);
    expect(read.warnings).toEqual([]);
    expect([...read.results.tests.values()].map((t) => [t.id, t.passes, t.failures])).toEqual([
      ['v2:src/cart.test.ts|Cart|adds', 1, 0],
      ['v2:src/cart.test.ts|Cart|removes', 1, 1],
      ['v2:src/cart.test.ts|Cart|totals', 1, 0],
    ]);
    expect(resultsLine(read.results)).toBe('3 tests: 3 ran, 0 failed; 0 suite errors.');
  });

  test('a cut report and a missing one are listed with a warning each; the others are read', async () => {
    const read = await readReports(['cut.xml', 'a.xml', 'gone.xml'], chunksOf, workspace);
    expect(read.reportErrors.map((e) => e.file)).toEqual(['cut.xml', 'gone.xml']);
    expect(read.warnings).toHaveLength(2);
    expect(read.warnings[0]).toMatch(/^Cannot read report cut\.xml: /);
    expect(read.warnings[1]).toMatch(/^Cannot read report gone\.xml: /);
    expect(read.results.tests.size).toBe(2);
  });

  test('an error that is no fault of a report is a bug and propagates', async () => {
    const broken = () => {
      throw new TypeError('x is undefined');
    };
    await expect(readReports(['a.xml'], broken, workspace)).rejects.toThrow(TypeError);
  });
});

describe('isReportFault', () => {
  const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
  test.each<[string, unknown, boolean]>([
    ['not a JUnit document', new ReportError('the file is empty'), true],
    [
      'an input mistake (too large, a directory)',
      new InputError('Input "reports" names x, a directory'),
      true,
    ],
    ['a file system error', missing, true],
    ['a bug', new TypeError('x is undefined'), false],
    ['a plain Error', new Error('unexpected'), false],
  ])('%s: %j', (_, error, fault) => {
    expect(isReportFault(error)).toBe(fault);
  });
});

describe('noEvidence: reports that matched but say nothing fail the step', () => {
  const some = foldReports([
    { cases: [{ id: 't', key: 'k', passes: 1, failures: 0, skipped: false }], suiteErrors: [] },
  ]);
  const none = foldReports([]);
  const suiteOnly = foldReports([{ cases: [], suiteErrors: [{ suite: 's', message: 'setup failed' }] }]);
  const error = { file: 'x.xml', error: 'the file is empty' };
  test.each([
    ['tests read', 2, some, [error], undefined],
    ['a suite error is evidence', 1, suiteOnly, [], undefined],
    [
      'none readable',
      2,
      none,
      [error, error],
      'None of the 2 matched reports could be read; see output report-errors.',
    ],
    [
      'no test case',
      2,
      none,
      [error],
      'The 1 readable report holds no test cases: the tests did not run. Failing rather than passing on nothing.',
    ],
  ])('%s', (_, matched, results, reportErrors, message) => {
    expect(noEvidence(matched, { results, reportErrors })).toBe(message);
  });

  test('no report matched names the patterns and the folder', () => {
    expect(noReportMessage(['reports/*.xml', 'junit.xml'], '/w')).toBe(
      'No report matches input "reports" (reports/*.xml, junit.xml) in /w: the tests did not run or wrote their reports elsewhere. Failing rather than passing on nothing.',
    );
  });
});
