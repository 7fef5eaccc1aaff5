import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundle } from '../support/harness.js';
import { env, event, json, removeWorkspaces, workspace } from './support.js';

afterAll(removeWorkspaces);

describe('flaky-quarantine with hostile input (state: file:)', () => {
  const hostileNames = [
    'constructor',
    '__proto__',
    '::add-mask::x',
    '::stop-commands::x',
    'n'.repeat(100_000),
  ];
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><testsuite name="&lol2;"/>`;
  const badReports: Record<string, string | Buffer> = {
    'bad/empty.xml': '',
    'bad/truncated.xml': '<testsuite name="s"><testcase name="a"/><testca',
    'bad/malformed.xml': '<testsuite><testcase name="a"></testsuite>',
    'bad/pom.xml': '<project><modelVersion>4.0.0</modelVersion></project>',
    'bad/gzip.xml': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]),
    'bad/error.xml': '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>',
    'bad/bomb.xml': bomb,
    'bad/doctype.xml': '<?xml version="1.0"?><!DOCTYPE testsuite SYSTEM "junit.dtd"><testsuite/>',
  };
  function hostileWorkspace(): string {
    const ws = workspace({
      'good/junit.xml': `<testsuite name="s">${hostileNames.map((n) => `<testcase classname="K" name="${n}"><failure message="${n.slice(0, 50)}">${n.slice(0, 50)}</failure></testcase>`).join('')}<testcase classname="K" name="ok"/></testsuite>`,
      'good/utf16.xml': '',
      'good/latin1.xml': '',
    });
    writeFileSync(
      join(ws, 'good/utf16.xml'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-16"?><testsuite name="s"><testcase classname="U" name="größe ✓"/></testsuite>',
          'utf16le',
        ),
      ]),
    );
    writeFileSync(
      join(ws, 'good/latin1.xml'),
      Buffer.from(
        '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="s"><testcase classname="L" name="Straße"/></testsuite>',
        'latin1',
      ),
    );
    mkdirSync(join(ws, 'bad'));
    for (const [name, content] of Object.entries(badReports)) writeFileSync(join(ws, name), content);
    return ws;
  }
  const runLocal = (ws: string, inputs: Record<string, string> = {}) =>
    runBundle('flaky-quarantine', {
      workspace: ws,
      event,
      env: env('9'.repeat(40), '77'),
      inputs: { reports: '**/*.xml', state: 'file:.flaky/history.json', ...inputs },
    });

  test('every bad report is listed and fails the step; hostile names stay inert; nothing is read as passed', async () => {
    const ws = hostileWorkspace();
    const result = await runLocal(ws);
    expect(result.exitCode).toBe(1);
    const errors = json(result.outputs['report-errors']) as { file: string; error: string }[];
    expect(errors.map((e) => e.file).sort()).toEqual(Object.keys(badReports).sort());
    expect(Object.fromEntries(errors.map((e) => [e.file, e.error]))).toMatchObject({
      'bad/empty.xml': expect.stringMatching(/empty/),
      'bad/gzip.xml': expect.stringMatching(/gzip/),
      'bad/error.xml': expect.stringMatching(/HTML/),
      'bad/bomb.xml': expect.stringMatching(/DOCTYPE/),
      'bad/pom.xml': expect.stringMatching(/not a JUnit report/),
    });
    const blocking = json(result.outputs['blocking-failures']) as string[];
    expect(blocking).toHaveLength(5);
    expect(blocking).toEqual(
      expect.arrayContaining(['v2:|K|constructor', 'v2:|K|__proto__', 'v2:|K|::add-mask::x']),
    );
    // Workflow commands from test names are never obeyed: no line starts with them.
    expect(result.stdout).not.toMatch(/^::(add-mask|stop-commands)::x/m);
    expect(result.stdout.length).toBeLessThan(200_000);
    expect(result.summary).not.toContain('n'.repeat(3000));
    expect(result.summary).toMatch(/Unreadable reports \(8\)/);
  });

  test('on-bad-report: warn lists them and lets good reports decide', async () => {
    const ws = workspace({ 'junit.xml': { ok: 'pass' }, 'broken.xml': '<testsuite' });
    const result = await runLocal(ws, { 'on-bad-report': 'warn' });
    expect(result.exitCode).toBe(0);
    expect(json(result.outputs['report-errors'])).toEqual([
      { file: 'broken.xml', error: expect.stringMatching(/not well-formed/) },
    ]);
    expect(result.stdout).toMatch(/::warning::1 report could not be read/);
  });

  test('only bad reports fail even with on-bad-report: warn', async () => {
    const ws = workspace({ 'junit.xml': '<html><body>oops</body></html>' });
    const result = await runLocal(ws, { 'on-bad-report': 'warn' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/The matched report could not be read/);
  });

  test('reports without a single test case fail: an empty run is not a green run', async () => {
    const ws = workspace({
      'junit.xml': '<?xml version="1.0"?><testsuites name="jest tests" tests="0"></testsuites>',
    });
    const result = await runLocal(ws);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/holds no test cases: the tests did not run/);
  });

  test('no report matching the globs is a clear failure', async () => {
    const ws = workspace({ 'notes.txt': 'hello' });
    const result = await runLocal(ws, { reports: 'reports/**/*.xml' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(
      /No report matches input "reports" \(reports\/\*\*\/\*\.xml\).*Failing rather than passing on nothing/,
    );
  });
});
