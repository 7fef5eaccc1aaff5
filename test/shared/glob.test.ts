import fc from 'fast-check';
import { compileGlob, globList } from '../../shared/glob.js';

describe('compileGlob', () => {
  it.each([
    ['*.md', 'README.md', true],
    ['*.md', 'docs/deep/guide.md', true],
    ['*.md', 'README.mdx', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/x/a.md', false],
    ['docs/**', 'docs/x/a.md', true],
    ['docs/', 'docs/x/a.md', true],
    ['**/migrations/**/*.sql', 'db/migrations/2024/V1__init.sql', true],
    ['**/migrations/**/*.sql', 'migrations/V1__init.sql', true],
    ['**/V*__*.sql', 'db/V12__add_users.sql', true],
    ['**/*.up.sql', 'm/001_init.up.sql', true],
    ['**/*.up.sql', 'm/001_init.down.sql', false],
    ['packages/{a,b}/**', 'packages/b/src/x.ts', true],
    ['packages/{a,b}/**', 'packages/c/src/x.ts', false],
    ['file[0-9].txt', 'file7.txt', true],
    ['file[!0-9].txt', 'file7.txt', false],
    ['.github/**', '.github/workflows/ci.yml', true],
    ['?.ts', 'a.ts', true],
    ['?.ts', 'ab.ts', false],
    ['/tsconfig.base.json', 'tsconfig.base.json', true],
    ['./a/*.ts', 'a/b.ts', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).matches(path)).toBe(expected);
  });

  it('stays fast on patterns built to backtrack', () => {
    const pattern = `${'*a'.repeat(12)}*b`;
    const path = 'a'.repeat(2000);
    const started = process.hrtime.bigint();
    expect(compileGlob(pattern).matches(path)).toBe(false);
    expect(compileGlob('**/**/**/**/**/**/**/**/x').matches('a/'.repeat(300) + 'y')).toBe(false);
    // A regex engine takes seconds here; the bound is generous so a slow machine does not flake.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('refuses over-long patterns and brace bombs with the input name', () => {
    expect(() => compileGlob('a'.repeat(600), 'ignore')).toThrow(/input "ignore" is 600 characters long/);
    expect(() => compileGlob('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}', 'paths')).toThrow(
      /input "paths": braces expand to more than 64/,
    );
  });

  it('matches any literal path against itself (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_-][a-z0-9._-]{0,7}$/), { minLength: 2, maxLength: 5 }),
        (parts) => {
          const path = parts.join('/');
          return compileGlob(path).matches(path) && compileGlob('**').matches(path);
        },
      ),
    );
  });
});

/** The documented semantics by plain recursion (exponential, fine for short inputs): the oracle. */
function matchesByRecursion(pattern: string, path: string): boolean {
  const body = pattern.includes('/') ? pattern : `**/${pattern}`;
  const segments = body.split('/');
  const parts = path.split('/');
  const segment = (glob: string, text: string): boolean => {
    if (glob === '') return text === '';
    if (glob[0] === '*')
      return [...Array(text.length + 1).keys()].some((n) => segment(glob.slice(1), text.slice(n)));
    if (text === '') return false;
    if (glob.startsWith('[ab]')) return 'ab'.includes(text[0]!) && segment(glob.slice(4), text.slice(1));
    return (glob[0] === '?' || glob[0] === text[0]) && segment(glob.slice(1), text.slice(1));
  };
  const from = (i: number, j: number): boolean => {
    if (i === segments.length) return j === parts.length;
    if (segments[i] === '**') {
      const least = i > 0 && i === segments.length - 1 ? 1 : 0;
      for (let k = j + least; k <= parts.length; k++) if (from(i + 1, k)) return true;
      return false;
    }
    return j < parts.length && segment(segments[i]!, parts[j]!) && from(i + 1, j + 1);
  };
  return from(0, 0);
}

describe('compileGlob against the semantics it documents', () => {
  it('matches random patterns and paths as plain recursion does (property)', () => {
    const pattern = fc
      .array(fc.constantFrom('a', 'b', 'ab', '.x', '*', 'a*', '*b', '?', '**', '[ab]', 'a?b', 'b*a*'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((segments) => segments.join('/'));
    const path = fc
      .array(fc.constantFrom('a', 'b', 'ab', 'ba', '.x', 'aab', 'bxa', 'c'), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.join('/'));
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 8 }), (glob, paths) => {
        const compiled = compileGlob(glob);
        for (const p of paths)
          expect([glob, p, compiled.matches(p)]).toEqual([glob, p, matchesByRecursion(glob, p)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('globList', () => {
  it('lets a later negation subtract', () => {
    const matches = globList(['docs/**', '!docs/keep.md']);
    expect(['docs/a.md', 'docs/keep.md', 'src/x.ts'].map(matches)).toEqual([true, false, false]);
  });
});
