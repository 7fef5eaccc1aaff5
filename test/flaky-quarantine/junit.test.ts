import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { type ParsedReport, ReportError, parseReport } from '../../actions/flaky-quarantine/src/junit.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/flaky-quarantine/dialects/${name}`, import.meta.url));
const parse = (bytes: Uint8Array | string, workspace = '', chunk = 64) => {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  // Small chunks exercise decoding across chunk borders (multi-byte characters, UTF-16 pairs).
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunk) chunks.push(buffer.subarray(i, i + chunk));
  return parseReport(chunks, { workspace });
};
const summary = (report: ParsedReport) =>
  Object.fromEntries(report.cases.map((c) => [c.id, `${c.passes}p${c.failures}f${c.skipped ? 's' : ''}`]));

describe('JUnit dialects', () => {
  test.each([
    [
      'jest-junit.xml',
      {
        'v1:src/cart.test.ts|Cart adds items|Cart adds items': '1p0f',
        'v1:src/cart.test.ts|Cart removes items|Cart removes items': '0p1f',
        'v1:src/cart.test.ts|Cart empties|Cart empties': '0p0fs',
      },
      0,
    ],
    [
      'pytest-xunit2.xml',
      {
        'v1:|tests.test_math.TestAdd|test_small': '1p0f',
        'v1:|tests.test_math.TestAdd|test_big[1-2]': '0p1f',
        'v1:|tests.test_math|test_teardown': '0p1f',
        // pytest writes a collection error as a testcase without classname: it is a test of the suite path.
        'v1:|pytest|tests.test_broken_import': '0p1f',
      },
      0,
    ],
    [
      'pytest-xunit1.xml',
      {
        'v1:tests/test_io.py|tests.test_io|test_read': '1p0f',
        'v1:tests/test_io.py|tests.test_io|test_write': '0p0fs',
      },
      0,
    ],
    [
      'gotestsum-rerun.xml',
      {
        'v1:|example.com/shop/cart|TestAdd': '1p0f',
        'v1:|example.com/shop/cart|TestRace': '1p0f', // the rerun entry (the table keeps the last; both are checked below)
        'v1:|example.com/shop/cart|TestBroken': '0p1f',
      },
      0,
    ],
    ['go-junit-report.xml', { 'v1:|pay|TestCharge': '1p0f', 'v1:|pay|TestRefund': '1p0f' }, 1],
    [
      'surefire.xml',
      {
        'v1:|com.acme.PaymentTest|charges': '1p0f',
        'v1:|com.acme.PaymentTest|refunds': '1p1f',
        'v1:|com.acme.PaymentTest|voids': '0p2f',
        'v1:|com.acme.PaymentTest|settles': '1p2f',
      },
      0,
    ],
    [
      'gradle-merged.xml',
      { 'v1:|com.acme.OrderTest|ships()': '1p0f', 'v1:|com.acme.OrderTest|cancels()': '1p1f' },
      0,
    ],
    [
      'mocha.xml',
      {
        'v1:test/api.spec.js|returns 200|API returns 200': '1p0f',
        'v1:test/api.spec.js|returns 404|API returns 404': '0p1f',
      },
      0,
    ],
    [
      'playwright.xml',
      {
        'v1:|login.spec.ts|Login › accepts a valid user': '1p0f',
        'v1:|login.spec.ts|Login › shows an error': '1p1f',
        'v1:|login.spec.ts|Login › remembers me': '0p0fs',
      },
      0,
    ],
    [
      'cypress.xml',
      {
        'v1:|pays with a card|Checkout pays with a card': '1p0f',
        'v1:|pays with a voucher|Checkout pays with a voucher': '0p1f',
      },
      0,
    ],
    [
      'phpunit.xml',
      {
        'v1:tests/MoneyTest.php|App.Tests.MoneyTest|testAdd': '1p0f',
        'v1:tests/MoneyTest.php|App.Tests.MoneyTest|testRound with data set #0': '1p0f',
      },
      0,
    ],
    [
      'ant.xml',
      { 'v1:|org.example.ParserTest|parsesEmpty': '1p0f', 'v1:|org.example.ParserTest|parsesNested': '0p1f' },
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
    expect(report.cases[0]!.id).toBe('v1:|outer / inner|t');
  });
});

describe('encodings', () => {
  const xml = (decl: string) =>
    `${decl}<testsuite name="s"><testcase classname="Größe" name="prüft €uro ✓"/></testsuite>`;
  test('UTF-8 with and without BOM', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const report = await parse(prefix + xml('<?xml version="1.0" encoding="UTF-8"?>'), '', 3);
      expect(report.cases[0]!.id).toBe('v1:|Größe|prüft €uro ✓');
    }
  });
  test('UTF-16 LE and BE with BOM, split at odd byte offsets', async () => {
    const text = xml('<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be])
      expect((await parse(bytes, '', 7)).cases[0]!.id).toBe('v1:|Größe|prüft €uro ✓');
  });
  test('ISO-8859-1 as declared, byte for byte (not windows-1252)', async () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="s"><testcase classname="Größe" name="a\u0080b"/></testsuite>';
    const report = await parse(Buffer.from(text, 'latin1'));
    expect(report.cases[0]!.id).toBe('v1:|Größe|a b'); // U+0080 is a control character: normalised to a space
    const plain = await parse(
      Buffer.from(
        '<?xml version="1.0" encoding="iso-8859-1"?><testsuite name="s"><testcase classname="Straße" name="t"/></testsuite>',
        'latin1',
      ),
    );
    expect(plain.cases[0]!.id).toBe('v1:|Straße|t');
  });
  test('an unknown encoding is an error', async () => {
    await expect(parse('<?xml version="1.0" encoding="EBCDIC-CP-US"?><testsuite/>')).rejects.toThrow(
      /declares encoding "ebcdic-cp-us"/,
    );
  });
});

describe('hostile reports', () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><testsuite name="&lol2;"><testcase name="t"/></testsuite>`;
  test.each([
    ['empty', '', /empty/],
    ['whitespace only', '  \n ', /empty/],
    [
      'truncated',
      '<testsuites><testsuite name="s"><testcase name="a"/><testcase na',
      /not well-formed|unclosed/,
    ],
    ['unclosed root', '<testsuites><testsuite name="s"><testcase name="a"/>', /not well-formed/],
    ['malformed', '<testsuite name="s"><testcase name="a"></testsuite>', /not well-formed/],
    ['not JUnit', '<project><modelVersion>4.0.0</modelVersion></project>', /root element is <project>/],
    ['JSON', '{"tests": []}', /does not start with XML/],
    ['gzip', gzipSync('<testsuite/>'), /gzip/],
    ['HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', /HTML page/],
    ['HTML without doctype', '<html><head><title>Error</title></head></html>', /HTML page/],
    ['entity bomb', bomb, /DOCTYPE is not allowed/],
    [
      'external entity',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuite name="&e;"/>',
      /DOCTYPE/,
    ],
    ['undefined entity', '<testsuite name="&e;"><testcase name="t"/></testsuite>', /not well-formed/],
    [
      'too deep',
      `<testsuites>${'<testsuite name="s">'.repeat(100)}${'</testsuite>'.repeat(100)}</testsuites>`,
      /nest deeper than 64/,
    ],
  ])('%s is a ReportError', async (_name, content, message) => {
    const error = await parse(content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(message);
  });

  test('size is capped', async () => {
    const big = `<testsuite name="s">${'<testcase name="t"/>'.repeat(1000)}</testsuite>`;
    await expect(
      parseReport([Buffer.from(big)], { limits: { maxBytes: 1000, maxDepth: 64 } }),
    ).rejects.toThrow(/larger than 1000 bytes/);
  });

  test('hostile test names are plain ids', async () => {
    const names = ['constructor', '__proto__', '::add-mask::x', '::stop-commands::x', 'toString', 'a|b\\c'];
    const report = await parse(
      `<testsuite name="s">${names.map((n) => `<testcase classname="K" name="${n}"><failure message="${n}"/></testcase>`).join('')}</testsuite>`,
    );
    expect(report.cases.map((c) => c.id)).toEqual([
      'v1:|K|constructor',
      'v1:|K|__proto__',
      'v1:|K|::add-mask::x',
      'v1:|K|::stop-commands::x',
      'v1:|K|toString',
      'v1:|K|a\\|b\\\\c',
    ]);
  });

  test('a 100 KB name gives a bounded, distinct id', async () => {
    const a = 'n'.repeat(100_000);
    const b = `${'n'.repeat(99_999)}m`;
    const report = await parse(
      `<testsuite name="s"><testcase name="${a}"/><testcase name="${b}"/></testsuite>`,
      '',
      8192,
    );
    const [ia, ib] = report.cases.map((c) => c.id);
    expect(ia!.length).toBeLessThan(1100);
    expect(ia).not.toBe(ib);
  });
});
