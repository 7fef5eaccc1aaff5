import { gzipSync } from 'node:zlib';
import { ReportError, parseReport } from '../../actions/flaky-quarantine/src/junit.js';
import { parseChunked as parse } from './support.js';

describe('encodings', () => {
  const xml = (decl: string) =>
    `${decl}<testsuite name="s"><testcase classname="Größe" name="prüft €uro ✓"/></testsuite>`;
  test('UTF-8 with and without BOM', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const report = await parse(prefix + xml('<?xml version="1.0" encoding="UTF-8"?>'), '', 3);
      expect(report.cases[0]!.id).toBe('v2:|Größe|prüft €uro ✓');
    }
  });
  test('UTF-16 LE and BE with BOM, split at odd byte offsets', async () => {
    const text = xml('<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be])
      expect((await parse(bytes, '', 7)).cases[0]!.id).toBe('v2:|Größe|prüft €uro ✓');
  });
  test('ISO-8859-1 as declared, byte for byte (not windows-1252)', async () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="s"><testcase classname="Größe" name="a\u0080b"/></testsuite>';
    const report = await parse(Buffer.from(text, 'latin1'));
    expect(report.cases[0]!.id).toBe('v2:|Größe|a\\x80b'); // U+0080 is a control character: kept, escaped
    const plain = await parse(
      Buffer.from(
        '<?xml version="1.0" encoding="iso-8859-1"?><testsuite name="s"><testcase classname="Straße" name="t"/></testsuite>',
        'latin1',
      ),
    );
    expect(plain.cases[0]!.id).toBe('v2:|Straße|t');
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
      'v2:|K|constructor',
      'v2:|K|__proto__',
      'v2:|K|::add-mask::x',
      'v2:|K|::stop-commands::x',
      'v2:|K|toString',
      'v2:|K|a\\|b\\\\c',
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
