import fc from 'fast-check';
import { UserError } from '../../shared/errors.js';
import { input, parseInputs } from '../../shared/inputs.js';
import { loadYaml } from '../../shared/yaml.js';
import { diffLockfile } from '../../actions/affected/src/lockfiles/index.js';
import { ReportError, parseReport } from '../../actions/flaky-quarantine/src/junit.js';
import { splitStatements } from '../../actions/migration-lint/src/split.js';

// Class 10 of issue 16, parsers: arbitrary and adversarial input never crashes with a stack trace.
// Each parser either answers or throws its own documented error (a user's mistake, said in one
// sentence); any other exception is what the runner reports as "a bug in trunk-actions".

const RUNS = { numRuns: 300 };

/** Hostile strings: names that are object keys, markup, control and bidirectional characters. */
const hostileWord = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '::error::x',
  '##[set-output name=a]b',
  '\u202e',
  '\u0000',
  '\ud800',
  '"',
  "'",
  '<',
  '&amp;',
  ']]>',
  '../..',
  '${x}',
  '$$',
  '\\',
  '\r\n',
  '😀',
);
const hostileText = fc
  .array(fc.oneof(fc.string(), hostileWord, fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('JUnit reports', () => {
  const parse = (text: string | Uint8Array) =>
    parseReport([typeof text === 'string' ? Buffer.from(text) : text], { workspace: '/w' });
  const expectReportOrReportError = async (text: string | Uint8Array) => {
    try {
      const report = await parse(text);
      for (const c of report.cases) expect(typeof c.id).toBe('string');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
    }
  };

  // Anything XML allows in an attribute: markup characters and characters XML forbids are left out.
  const attribute = fc
    .oneof(hostileText, hostileWord)
    .map((text) => text.replace(/[<&"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, ''));
  const testcase = fc
    .record({
      name: attribute,
      classname: attribute,
      file: attribute,
      outcome: fc.constantFrom('', '<failure message="m">t</failure>', '<skipped/>', '<error/>'),
    })
    .map((t) => ({
      xml: `<testcase name="${t.name}" classname="${t.classname}" file="${t.file}">${t.outcome}</testcase>`,
      named: t.name !== '',
      failed: t.outcome.startsWith('<failure') || t.outcome.startsWith('<error'),
    }));
  const cases = fc.array(testcase, { maxLength: 8 });
  const render = (list: Array<{ xml: string }>) =>
    `<?xml version="1.0"?>\n<testsuites><testsuite name="s">${list.map((c) => c.xml).join('')}</testsuite></testsuites>`;
  const report = cases.map(render);

  test('arbitrary bytes are a report or a ReportError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), expectReportOrReportError), RUNS);
  });

  test('arbitrary text with markup is a report or a ReportError', async () => {
    const markup = fc
      .array(
        fc.oneof(
          hostileText,
          fc.constantFrom(
            '<testsuite>',
            '</testsuite>',
            '<testcase name="a">',
            '</testcase>',
            '<failure>',
            '<!DOCTYPE x [<!ENTITY a "b">]>',
            '&a;',
            '<?xml version="1.0" encoding="ISO-8859-1"?>',
          ),
        ),
        { maxLength: 16 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(markup, expectReportOrReportError), RUNS);
  });

  test('reports with hostile names parse: every named testcase is a case, every nameless failure a suite error', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (list) => {
        const parsed = await parse(render(list));
        expect(parsed.cases.length).toBe(list.filter((c) => c.named).length);
        expect(parsed.cases.filter((c) => c.failures > 0).length).toBe(
          list.filter((c) => c.named && c.failed).length,
        );
        expect(parsed.suiteErrors.length).toBe(list.filter((c) => !c.named && c.failed).length);
      }),
      RUNS,
    );
  });

  test('a report cut anywhere before its end is a ReportError, never read as partly passed', async () => {
    await fc.assert(
      fc.asyncProperty(
        report.chain((xml) =>
          fc.tuple(fc.constant(xml), fc.integer({ min: 0, max: xml.lastIndexOf('>') - 1 })),
        ),
        async ([xml, cut]) => {
          await expect(parse(xml.slice(0, cut))).rejects.toBeInstanceOf(ReportError);
        },
      ),
      RUNS,
    );
  });

  test('deep nesting is a ReportError, not a stack overflow', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 65, max: 5000 }), async (depth) => {
        await expect(
          parse(`${'<testsuite>'.repeat(depth)}${'</testsuite>'.repeat(depth)}`),
        ).rejects.toBeInstanceOf(ReportError);
      }),
      { numRuns: 20 },
    );
  });
});

describe('lockfiles', () => {
  beforeAll(loadYaml); // as the action does before reading pnpm-lock.yaml (withYaml)
  const names = [
    'package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'Cargo.lock',
    'go.sum',
    'go.work.sum',
  ];
  const projects = [
    { name: 'app', dir: 'app' },
    { name: '__proto__', dir: 'lib' },
  ];
  const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
  const npmLike = fc
    .dictionary(
      fc.oneof(hostileWord, fc.string()),
      fc.record({
        version: fc.oneof(fc.string(), hostileWord),
        dependencies: fc.dictionary(fc.oneof(hostileWord, fc.string()), fc.string()),
      }),
      { maxKeys: 6 },
    )
    .map((packages) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'root' },
          ...Object.fromEntries(Object.entries(packages).map(([k, v]) => [`node_modules/${k}`, v])),
        },
      }),
    );
  const lines = fc
    .array(
      fc.oneof(
        hostileText,
        fc.constantFrom(
          '"a@^1":',
          '  version "1.0.0"',
          'packages:',
          '  /a@1.0.0:',
          '[[package]]',
          'name = "a"',
          'version = "1"',
          'example.com/a v1.0.0 h1:abc=',
          'lockfileVersion: 9.0',
          '  dependencies:',
          '    __proto__: 1.0.0',
        ),
      ),
      { maxLength: 20 },
    )
    .map((l) => l.join('\n'));

  test.each(names)('%s: any text before and after is a diff or "unreadable", never a crash', (name) => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText, json, npmLike, lines),
        fc.oneof(hostileText, json, npmLike, lines),
        (before, after) => {
          const diff = diffLockfile(name, before, after, projects);
          expect(['diffed', 'unreadable']).toContain(diff.kind);
          if (diff.kind === 'unreadable') expect(diff.reason).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('YAML inputs', () => {
  const shape = {
    rules: input.yaml(
      (z) => z.nullable(z.array(z.object({ long: z.string(), 'burn-rate': z.number() }))),
      null,
      'a list of rules',
    ),
  };
  const read = (raw: string) => parseInputs(shape, { input: () => raw });
  const yamlish = fc
    .array(
      fc.oneof(
        hostileText,
        fc.constantFrom(
          '- ',
          'long: 1h',
          'burn-rate: 14.4',
          '&a [*a]',
          '*a',
          '!!js/function x',
          '? ',
          '{',
          '[',
          '%YAML 1.2\n---',
          '<<: *a',
          '\t',
          '\n  ',
        ),
      ),
      { maxLength: 12 },
    )
    .map((p) => p.join(''));

  test('any text is the value or one sentence naming the input', async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, async (raw) => {
        try {
          await read(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as Error).message).toMatch(/^Input "rules" is .*, which is not allowed: /s);
        }
      }),
      RUNS,
    );
  });

  test("alias bombs of any width and depth are refused as the user's error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 4, max: 12 }),
        async (width, depth) => {
          const levels = [`a0: &a0 [${Array(width).fill('"lol"').join(',')}]`];
          for (let i = 1; i < depth; i++)
            levels.push(
              `a${i}: &a${i} [${Array(width)
                .fill(`*a${i - 1}`)
                .join(',')}]`,
            );
          await expect(read(levels.join('\n'))).rejects.toBeInstanceOf(UserError);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('SQL splitting', () => {
  const sqlish = fc
    .array(
      fc.oneof(
        hostileText,
        fc.constantFrom(
          ';',
          "'",
          "E'\\'",
          '"',
          '$$',
          '$tag$',
          '$x',
          '/*',
          '*/',
          '--',
          '\n',
          '\\',
          '\\copy x from stdin',
          'BEGIN ATOMIC',
          'END',
          'CREATE RULE r AS ON INSERT TO t DO (',
          ')',
          'CREATE TABLE t (id int);',
          'U&"a"',
          "''",
        ),
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join(''));

  test('any text splits into ordered, non-overlapping pieces inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(sqlish, fc.string({ unit: 'binary' })), (text) => {
        const { pieces, comments } = splitStatements(text);
        let end = 0;
        for (const piece of pieces) {
          expect(piece.start).toBeGreaterThanOrEqual(end);
          expect(piece.end).toBeGreaterThanOrEqual(piece.start);
          expect(piece.end).toBeLessThanOrEqual(text.length);
          expect(piece.leadStart).toBeLessThanOrEqual(piece.start);
          end = piece.end;
        }
        for (const c of comments) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('plain statements each come back whole, in order (blank ones dropped)', () => {
    const plain = fc.array(fc.stringMatching(/^[a-z ]{1,12}$/), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(plain, (statements) => {
        const text = statements.map((s) => `${s};`).join('\n');
        const sql = splitStatements(text).pieces.filter((p) => p.kind === 'sql');
        const texts = sql.map((p) => text.slice(p.start, p.end).replace(/;$/, '').trim());
        expect(texts.filter((t) => t !== '')).toEqual(
          statements.map((s) => s.trim()).filter((s) => s !== ''),
        );
      }),
      RUNS,
    );
  });
});
