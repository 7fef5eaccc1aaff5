import { jest } from '@jest/globals';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../shared/errors.js';
import { compileGlob, globList } from '../../shared/glob.js';
import { neutralise } from '../../shared/neutralise.js';
import { resolveInside } from '../../shared/paths.js';
import { Redactor, redactSecrets } from '../../shared/redact.js';
import { fileStore } from '../../shared/state-store.js';
import { issueCommand, standardStreams } from '../../shared/workflow-commands.js';

// Class 10 of issue 16, the mechanisms: the glob, the writer, redaction, confinement and the state
// store under arbitrary and adversarial input: an answer or a user's error, never a crash, never
// a way out of the workspace, never a command the runner obeys, never a secret kept.

const hostile = fc.constantFrom(
  '::',
  '::error::x',
  '::add-mask::',
  '##[set-output name=x]y',
  '\r',
  '\n',
  '\r\n',
  '%',
  '%0A',
  ':',
  ',',
  '\u2028',
  '\u0085',
  '\u202e',
  '../',
  '**',
  '{a,b}',
  '[!a]',
  '\\',
  '\0',
);
const text = fc.array(fc.oneof(fc.string(), hostile), { maxLength: 10 }).map((p) => p.join(''));

describe('the glob', () => {
  const pattern = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '*',
          '**',
          '?',
          '/',
          '{',
          '}',
          ',',
          '[',
          ']',
          '!',
          '\\',
          '.',
          'a',
          'b',
          '..',
          '{a,{b,c}}',
          '[a-z]',
          '(',
          ')',
          '+',
          '@',
        ),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 24 },
    )
    .map((p) => p.join(''));
  const path = fc
    .array(fc.constantFrom('a', 'b', 'c.sql', '.x', 'd e', '{a}', '[b]'), { maxLength: 8 })
    .map((p) => p.join('/'));

  test("any pattern compiles or is refused as the user's error; matching never throws", () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { maxLength: 5 }), (source, paths) => {
        let glob;
        try {
          glob = compileGlob(source, 'paths');
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as Error).message).toMatch(/"paths"/);
          return;
        }
        for (const p of paths) expect(typeof glob.matches(p)).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  test('a pattern of folders without wildcards matches exactly itself', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.stringMatching(/^[a-z0-9_.-]{1,8}$/).filter((s) => s !== '.' && s !== '..'),
          { minLength: 2, maxLength: 5 },
        ),
        path,
        (segments, other) => {
          const literal = segments.join('/');
          const match = globList([literal], 'paths');
          expect(match(literal)).toBe(true);
          if (other !== literal) expect(match(other)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the writer', () => {
  const lineStartsCommand = (out: string) => out.split(/\r\n|\r|\n/).some((line) => /^\s*::/.test(line));

  test('neutralised text never holds a line the runner would read as a command', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(lineStartsCommand(neutralise(t))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test('a workflow command with any message and properties is exactly one line', () => {
    const writes: string[] = [];
    const spy = jest.spyOn(standardStreams, 'write').mockImplementation((_stream, chunk) => {
      writes.push(chunk);
    });
    try {
      fc.assert(
        fc.property(text, text, text, (message, title, file) => {
          writes.length = 0;
          issueCommand('error', { title, file, line: 3 }, message);
          const out = writes.join('');
          expect(out.startsWith('::error')).toBe(true);
          expect(out.replace(/\r?\n$/, '')).not.toMatch(/[\r\n]/);
        }),
        { numRuns: 500 },
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('redaction', () => {
  interface Sample {
    kind: string;
    text: string;
    secret: string;
  }
  const corpus = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'redact', 'corpus.json'), 'utf8'),
  ) as { secrets: Sample[]; survivors: string[] };

  test('a known secret in any surrounding text is removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus.secrets), text, text, (sample, before, after) => {
        expect(redactSecrets(`${before}\n${sample.text}\n${after}`)).not.toContain(sample.secret);
      }),
      { numRuns: 1000 },
    );
  });

  test('a masked value anywhere in any text is removed, whatever characters it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 3, maxLength: 40 }).filter((s) => !s.includes('*')),
        text,
        text,
        (secret, before, after) => {
          const redactor = new Redactor();
          redactor.add(secret);
          expect(redactor.redact(`${before}${secret}${after}`)).not.toContain(secret);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('redacted JSON is still JSON (tag messages and payloads hold records)', () => {
    const value = fc.oneof(text, fc.constantFrom(...corpus.secrets.map((s) => s.text)));
    const record = fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('password', 'token', 'Authorization', 'api_key', 'url')),
      fc.oneof(value, fc.array(value, { maxLength: 3 })),
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(record, fc.constantFrom(0, 2), (r, indent) => {
        expect(() => JSON.parse(redactSecrets(JSON.stringify(r, null, indent)))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  test('redacting twice changes nothing more', () => {
    const withSecrets = fc
      .array(fc.oneof(text, fc.constantFrom(...corpus.secrets.map((s) => s.text))), { maxLength: 5 })
      .map((p) => p.join(' '));
    fc.assert(
      fc.property(withSecrets, (t) => {
        const once = redactSecrets(t);
        expect(redactSecrets(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  test('hashes, UUIDs and SHAs in any sentence survive', () => {
    const ids = fc.oneof(
      fc.uuid(),
      fc.stringMatching(/^[0-9a-f]{40}$/),
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.stringMatching(/^[0-9a-f]{7,12}$/),
    );
    const words = fc.array(fc.stringMatching(/^[A-Za-z]{1,10}$/), { maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, ids, words, (a, id, b) => {
        const sentence = `${a} ${id} ${b}`;
        expect(redactSecrets(sentence)).toBe(sentence);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('confinement', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'confine-')));
    mkdirSync(join(workspace, 'sub', 'deep'), { recursive: true });
    symlinkSync('/etc', join(workspace, 'out'));
    symlinkSync(join(workspace, 'sub'), join(workspace, 'in'));
    symlinkSync('/nonexistent-target/x', join(workspace, 'dangling'));
    symlinkSync('../../..', join(workspace, 'sub', 'up'));
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  /** The real location of a path: its nearest existing parent, resolved, with the rest appended. */
  const realOf = (p: string): string => {
    if (existsSync(p)) return realpathSync(p);
    const parent = dirname(p);
    return parent === p ? p : resolve(realOf(parent), relative(parent, p));
  };
  const inside = (p: string) => p === workspace || p.startsWith(`${workspace}${sep}`);

  test('any path input resolves inside the workspace or is refused naming the input', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      'out',
      'in',
      'sub',
      'deep',
      'up',
      'dangling',
      'x',
      '',
      '/etc',
      '\0',
      '~',
      '%2e%2e',
      'a\\..\\..',
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, (input) => {
        let resolved: string;
        try {
          resolved = resolveInside(workspace, input, 'sarif-file');
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as Error).message).toMatch(/^Input "sarif-file" /);
          return;
        }
        expect(inside(realOf(resolved))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the file state store', () => {
  test('any sequence of updates (some unchanged, some failing) ends with exactly the applied changes and no lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-prop-'));
    try {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom('add', 'same', 'throw'), { maxLength: 12 }),
          async (steps) => {
            const path = join(dir, `s${run++}.json`);
            const store = fileStore(path);
            let expected = 0;
            for (const step of steps) {
              const update = store.update((current) => {
                if (step === 'throw') throw new Error('transform failed');
                if (step === 'same') return undefined;
                return String(Number(current ?? '0') + 1);
              }, 'm');
              if (step === 'throw') await expect(update).rejects.toThrow('transform failed');
              else await update;
              if (step === 'add') expected++;
            }
            expect(Number((await store.read()) ?? '0')).toBe(expected);
            expect(existsSync(`${path}.lock`)).toBe(false);
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
