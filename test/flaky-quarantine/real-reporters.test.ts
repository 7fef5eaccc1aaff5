import { readFileSync } from 'node:fs';
import { cellOf } from '../../actions/flaky-quarantine/src/history.js';
import { parseReport } from '../../actions/flaky-quarantine/src/junit.js';
import { foldReports } from '../../actions/flaky-quarantine/src/results.js';

/**
 * Reports written by the real tools (test/fixtures/flaky-quarantine/real/<tool>/README.md says the
 * command and version of each), each from a trivial suite with a passing, a failing and a retried
 * test, and names differing only in whitespace or case. They ran in /home/runner/work/shop/shop
 * (a GitHub-hosted runner's checkout) and, for pytest and PHPUnit, also in /__w/shop/shop (a
 * container job's); the action here runs in the runner's workspace.
 */

const WORKSPACE = '/home/runner/work/shop/shop';
const real = (path: string) =>
  readFileSync(new URL(`../fixtures/flaky-quarantine/real/${path}`, import.meta.url));

/** id -> what the step makes of it: `pass`, `fail`, `flaky` (failed and passed), `skip`. */
async function outcomes(...paths: string[]): Promise<Record<string, string>> {
  const reports = [];
  for (const path of paths) reports.push(await parseReport([real(path)], { workspace: WORKSPACE }));
  const { tests } = foldReports(reports);
  const name = ['skip', 'pass', 'fail', 'flaky'];
  return Object.fromEntries(
    [...tests.values()].map((t) => [
      t.id,
      `${name[cellOf(t) & 3]}${t.failures > 1 ? ` x${t.failures}` : ''}`,
    ]),
  );
}

const noMachinePath = (ids: string[]) =>
  ids.forEach((id) => expect(id).not.toMatch(/\/home\/|\/__w\/|\/tmp\/|[A-Za-z]:[\\/]/));

describe('reports of the real tools', () => {
  test('jest 30.5.2 + jest-junit 17.0.0, default templates: classname and name are both "describe title"', async () => {
    expect(await outcomes('jest/junit.xml')).toEqual({
      'v2:|Cart adds items|Cart adds items': 'pass',
      'v2:|Cart rejects a bad voucher|Cart rejects a bad voucher': 'fail',
      // jest.retryTimes: jest-junit writes only the final result of a retried test.
      'v2:|Cart wobbles|Cart wobbles': 'pass',
      'v2:|Cart totals match|Cart totals match': 'pass',
      'v2:|Cart totals  match|Cart totals  match': 'pass',
      'v2:|Cart Totals match|Cart Totals match': 'pass',
    });
  });

  test('jest-junit with the file attribute: relative to jest rootDir, not the repository', async () => {
    expect(Object.keys(await outcomes('jest/junit-file.xml'))).toEqual([
      'v2:tests/cart.test.js|Cart|adds items',
      'v2:tests/cart.test.js|Cart|rejects a bad voucher',
      'v2:tests/cart.test.js|Cart|wobbles',
      'v2:tests/cart.test.js|Cart|totals match',
      'v2:tests/cart.test.js|Cart|totals  match',
      'v2:tests/cart.test.js|Cart|Totals match',
    ]);
  });

  test('vitest 4.1.12: one failure element per failed attempt; a test that passed on retry shows no trace', async () => {
    expect(await outcomes('vitest/junit.xml')).toEqual({
      'v2:|tests/cart.test.js|Cart > adds items': 'pass',
      'v2:|tests/cart.test.js|Cart > rejects a bad voucher': 'fail x3',
      'v2:|tests/cart.test.js|Cart > wobbles': 'pass',
      'v2:|tests/cart.test.js|Cart > totals match': 'pass',
      'v2:|tests/cart.test.js|Cart > totals  match': 'pass',
      'v2:|tests/cart.test.js|Cart > Totals match': 'pass',
    });
  });

  test('Playwright 1.65.2: each project is its own test; a failure on one browser is that browser only', async () => {
    const ids = await outcomes('playwright/junit.xml');
    expect(Object.keys(ids)).toHaveLength(18);
    expect(ids).toMatchObject({
      'v2:|cart.spec.mjs|Cart › renders prices|chromium': 'pass',
      'v2:|cart.spec.mjs|Cart › renders prices|firefox': 'fail',
      'v2:|cart.spec.mjs|Cart › renders prices|Mobile Safari': 'pass',
      'v2:|cart.spec.mjs|Cart › rejects a bad voucher|chromium': 'fail',
      'v2:|cart.spec.mjs|Cart › rejects a bad voucher|firefox': 'fail',
      'v2:|cart.spec.mjs|Cart › Totals match|firefox': 'pass',
      'v2:|cart.spec.mjs|Cart › totals match|firefox': 'pass',
      // Without includeRetries a test that passed on its retry reads as passed.
      'v2:|cart.spec.mjs|Cart › wobbles|Mobile Safari': 'pass',
    });
  });

  test('Playwright with includeRetries and includeProjectInTestName: retries read, the same ids', async () => {
    const plain = await outcomes('playwright/junit.xml');
    const retries = await outcomes('playwright/junit-retries.xml');
    expect(Object.keys(retries)).toEqual(Object.keys(plain));
    for (const project of ['chromium', 'firefox', 'Mobile Safari']) {
      expect(retries[`v2:|cart.spec.mjs|Cart › wobbles|${project}`]).toBe('flaky');
      expect(retries[`v2:|cart.spec.mjs|Cart › rejects a bad voucher|${project}`]).toBe('fail x3');
    }
  });

  test('pytest 9.0.3: xunit2 has no file; xunit1 files are relative to rootdir', async () => {
    const xunit2 = await outcomes('pytest/xunit2.xml');
    expect(xunit2).toEqual({
      'v2:|tests.test_cart.TestCart|test_adds_items': 'pass',
      'v2:|tests.test_cart.TestCart|test_rejects_a_bad_voucher': 'fail',
      'v2:|tests.test_cart.TestCart|test_wobbles': 'fail',
      'v2:|tests.test_cart.TestCart|test_totals[totals match]': 'pass',
      'v2:|tests.test_cart.TestCart|test_totals[totals  match]': 'pass',
      'v2:|tests.test_cart.TestCart|test_totals[Totals match]': 'pass',
    });
    const xunit1 = await outcomes('pytest/xunit1.xml');
    expect(Object.keys(xunit1)).toEqual(
      Object.keys(xunit2).map((id) => id.replace('v2:|', 'v2:tests/test_cart.py|')),
    );
    // The same suite run in a container job is the same six tests.
    expect(await outcomes('pytest/xunit1.xml', 'pytest/xunit1-container.xml')).toEqual(
      Object.fromEntries(Object.entries(xunit1).map(([id, o]) => [id, o === 'fail' ? 'fail x2' : o])),
    );
  });

  test('pytest 7.2.1 + pytest-rerunfailures 10.2: a rerun that passed shows only as passed', async () => {
    expect(await outcomes('pytest/rerunfailures.xml')).toMatchObject({
      'v2:tests/test_cart.py|tests.test_cart.TestCart|test_wobbles': 'pass',
      'v2:tests/test_cart.py|tests.test_cart.TestCart|test_rejects_a_bad_voucher': 'fail',
    });
  });

  test('gotestsum 1.8.2 --rerun-fails (go 1.19.8): duplicate entries fold into one test per name', async () => {
    expect(await outcomes('gotestsum/junit.xml')).toEqual({
      'v2:|example.com/shop/cart|TestVoucher': 'fail x3',
      'v2:|example.com/shop/cart|TestWobble': 'flaky',
      'v2:|example.com/shop/cart|TestAdd': 'pass',
      // go test writes spaces in subtest names as underscores: still distinct, case kept.
      'v2:|example.com/shop/cart|TestTotals/totals_match': 'pass',
      'v2:|example.com/shop/cart|TestTotals/totals__match': 'pass',
      'v2:|example.com/shop/cart|TestTotals/Totals_match': 'pass',
      'v2:|example.com/shop/cart|TestTotals': 'pass',
    });
  });

  test('PHPUnit 9.6.7: absolute file paths from a runner and from a container are one test', async () => {
    const runner = await outcomes('phpunit/junit.xml');
    expect(runner).toEqual({
      'v2:php/tests/CartTest.php|App.Tests.CartTest|testAddsItems': 'pass',
      'v2:php/tests/CartTest.php|App.Tests.CartTest|testRejectsABadVoucher': 'fail',
      'v2:php/tests/CartTest.php|App.Tests.CartTest|testTotals with data set "totals match"': 'pass',
      'v2:php/tests/CartTest.php|App.Tests.CartTest|testTotals with data set "totals  match"': 'pass',
      'v2:php/tests/CartTest.php|App.Tests.CartTest|testTotals with data set "Totals match"': 'pass',
    });
    const both = await outcomes('phpunit/junit.xml', 'phpunit/junit-container.xml');
    expect(Object.keys(both)).toEqual(Object.keys(runner));
  });

  test('no id from any real report carries a machine path', async () => {
    for (const path of [
      'jest/junit.xml',
      'jest/junit-file.xml',
      'vitest/junit.xml',
      'playwright/junit.xml',
      'playwright/junit-retries.xml',
      'pytest/xunit1.xml',
      'pytest/xunit1-container.xml',
      'gotestsum/junit.xml',
      'phpunit/junit.xml',
      'phpunit/junit-container.xml',
    ])
      noMachinePath(Object.keys(await outcomes(path)));
  });
});
