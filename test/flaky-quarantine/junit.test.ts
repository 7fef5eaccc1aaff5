import { readFileSync } from 'node:fs';
import type { ParsedReport } from '../../actions/flaky-quarantine/src/junit.js';
import { parseChunked as parse } from './support.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/flaky-quarantine/dialects/${name}`, import.meta.url));
const summary = (report: ParsedReport) =>
  Object.fromEntries(report.cases.map((c) => [c.id, `${c.passes}p${c.failures}f${c.skipped ? 's' : ''}`]));

describe('JUnit dialects', () => {
  test.each([
    [
      'jest-junit.xml',
      {
        'v2:src/cart.test.ts|Cart adds items|Cart adds items': '1p0f',
        'v2:src/cart.test.ts|Cart removes items|Cart removes items': '0p1f',
        'v2:src/cart.test.ts|Cart empties|Cart empties': '0p0fs',
      },
      0,
    ],
    [
      'pytest-xunit2.xml',
      {
        'v2:|tests.test_math.TestAdd|test_small': '1p0f',
        'v2:|tests.test_math.TestAdd|test_big[1-2]': '0p1f',
        'v2:|tests.test_math|test_teardown': '0p1f',
        // pytest writes a collection error as a testcase without classname: it is a test of the suite path.
        'v2:|pytest|tests.test_broken_import': '0p1f',
      },
      0,
    ],
    [
      'pytest-xunit1.xml',
      {
        'v2:tests/test_io.py|tests.test_io|test_read': '1p0f',
        'v2:tests/test_io.py|tests.test_io|test_write': '0p0fs',
      },
      0,
    ],
    [
      'gotestsum-rerun.xml',
      {
        'v2:|example.com/shop/cart|TestAdd': '1p0f',
        'v2:|example.com/shop/cart|TestRace': '1p0f', // the rerun entry (the table keeps the last; both are checked below)
        'v2:|example.com/shop/cart|TestBroken': '0p1f',
      },
      0,
    ],
    ['go-junit-report.xml', { 'v2:|pay|TestCharge': '1p0f', 'v2:|pay|TestRefund': '1p0f' }, 1],
    [
      'surefire.xml',
      {
        'v2:|com.acme.PaymentTest|charges': '1p0f',
        'v2:|com.acme.PaymentTest|refunds': '1p1f',
        'v2:|com.acme.PaymentTest|voids': '0p2f',
        'v2:|com.acme.PaymentTest|settles': '1p2f',
      },
      0,
    ],
    [
      'gradle-merged.xml',
      { 'v2:|com.acme.OrderTest|ships()': '1p0f', 'v2:|com.acme.OrderTest|cancels()': '1p1f' },
      0,
    ],
    [
      'mocha.xml',
      {
        'v2:test/api.spec.js|returns 200|API returns 200': '1p0f',
        'v2:test/api.spec.js|returns 404|API returns 404': '0p1f',
      },
      0,
    ],
    [
      'playwright.xml',
      {
        'v2:|login.spec.ts|Login › accepts a valid user|chromium': '1p0f',
        'v2:|login.spec.ts|Login › shows an error|chromium': '1p1f',
        'v2:|login.spec.ts|Login › remembers me|chromium': '0p0fs',
      },
      0,
    ],
    [
      'cypress.xml',
      {
        'v2:|pays with a card|Checkout pays with a card': '1p0f',
        'v2:|pays with a voucher|Checkout pays with a voucher': '0p1f',
      },
      0,
    ],
    [
      'phpunit.xml',
      {
        'v2:tests/MoneyTest.php|App.Tests.MoneyTest|testAdd': '1p0f',
        'v2:tests/MoneyTest.php|App.Tests.MoneyTest|testRound with data set #0': '1p0f',
      },
      0,
    ],
    [
      'ant.xml',
      { 'v2:|org.example.ParserTest|parsesEmpty': '1p0f', 'v2:|org.example.ParserTest|parsesNested': '0p1f' },
      0,
    ],
  ])('%s', async (file, expected, suiteErrors) => {
    const report = await parse(fixture(file), '/home/runner/work/shop/shop');
    expect(summary(report)).toEqual(expected);
    expect(report.suiteErrors).toHaveLength(suiteErrors);
  });

  test('gotestsum reruns are duplicate entries of one id', async () => {
    const report = await parse(fixture('gotestsum-rerun.xml'));
    expect(report.cases.filter((c) => c.id.endsWith('|TestRace')).map((c) => c.passes)).toEqual([0, 1]);
    expect(report.cases.filter((c) => c.id.endsWith('|TestBroken'))).toHaveLength(2);
  });

  test('failure text is kept, cut, and never taken from system-out', async () => {
    const surefire = await parse(fixture('surefire.xml'));
    const refunds = surefire.cases.find((c) => c.id.endsWith('|refunds'))!;
    expect(refunds.failure).toMatchObject({ message: 'connection reset', type: 'java.net.SocketException' });
    expect(refunds.failure!.text).toContain('PaymentTest.java:30');
    expect(refunds.failure!.text).not.toContain('hunter2');
    const pytest = await parse(fixture('pytest-xunit2.xml'));
    expect(JSON.stringify(pytest)).not.toContain('ghp_');
    const long = `<testsuite name="s"><testcase name="t"><failure>${'x'.repeat(100_000)}</failure></testcase></testsuite>`;
    expect((await parse(long, '', 4096)).cases[0]!.failure!.text.length).toBeLessThanOrEqual(8 * 1024);
  });

  test('suite-level errors belong to no test', async () => {
    const report = await parse(fixture('go-junit-report.xml'));
    expect(report.suiteErrors).toEqual([{ suite: 'example.com/shop/pay', message: 'Runtime error' }]);
    const nameless = await parse(
      '<testsuite name="S"><testcase classname="C" name=""><error message="setup"/></testcase></testsuite>',
    );
    expect(nameless.cases).toEqual([]);
    expect(nameless.suiteErrors).toEqual([{ suite: 'C', message: 'setup' }]);
  });

  test('nested testsuites build the suite path when there is no classname', async () => {
    const report = await parse(
      '<testsuites name="all"><testsuite name="outer"><testsuite name="inner"><testcase name="t"/></testsuite></testsuite></testsuites>',
    );
    expect(report.cases[0]!.id).toBe('v2:|outer / inner|t');
  });
});
