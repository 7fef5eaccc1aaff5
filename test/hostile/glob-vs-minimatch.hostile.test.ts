import { minimatch } from 'minimatch';
import { InputError } from '../../shared/errors.js';
import { compileGlob, globList } from '../../shared/glob.js';
import { splitList } from '../../shared/inputs.js';

// Class 5: brace patterns work in every glob input. The glob module (linear time, capped) is
// proved against minimatch, the matcher users know from the toolkit, on a generated corpus.

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ['a', 'b', 'c', '.', '-', '_', '1'];

function corpus(count: number, seed: number): [pattern: string, path: string][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CHARS))
      .join('')
      .replace(/^\.+$/, 'x'); // `.` and `..` are not names of files
  const path = () => Array.from({ length: 1 + Math.floor(next() * 4) }, word).join('/');
  /** A pattern segment derived from a real segment, so that a good share of pairs match. */
  const segment = (real: string): string => {
    switch (Math.floor(next() * 9)) {
      case 0:
        return '*';
      case 1:
        return real.replace(/./, '?');
      case 2:
        return `${real.slice(0, 1)}*`;
      case 3:
        return `{${real},${word()}}`;
      case 4:
        return `{${word()},${real.slice(0, 1)}{${real.slice(1) || 'z'},${word()}}}`;
      case 5:
        return `*.{${real.split('.').pop()},${word()}}`;
      case 6:
        return `[${real[0] === '-' ? 'a-c' : `${real[0]}b`}]${real.slice(1).replace(/./, '*')}`;
      case 7:
        return `[!a]${real.slice(1)}`;
      default:
        return next() < 0.5 ? real : word();
    }
  };
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const target = path();
    const parts = target.split('/');
    const shape = next();
    let pattern: string;
    if (shape < 0.15)
      pattern = segment(parts.at(-1)!); // no slash: matches the base name at any depth
    else if (shape < 0.3)
      pattern = `**/${parts
        .slice(-1 - Math.floor(next() * parts.length))
        .map(segment)
        .join('/')}`;
    else if (shape < 0.4)
      pattern = `${parts
        .slice(0, 1 + Math.floor(next() * parts.length))
        .map(segment)
        .join('/')}/**`;
    else pattern = parts.map(segment).join('/');
    if (!pattern.includes('/') && /[{[]/.test(pattern) && next() < 0.5) pattern = `**/${pattern}`;
    pairs.push([pattern, next() < 0.7 ? target : path()]);
  }
  return pairs;
}

describe('the glob module agrees with minimatch', () => {
  const pairs = corpus(12_000, 20261207);

  it('on 12,000 generated pattern/path pairs with braces, classes, stars and globstars', () => {
    const disagreements: string[] = [];
    let matched = 0;
    for (const [pattern, path] of pairs) {
      const ours = compileGlob(pattern).matches(path);
      const theirs = minimatch(path, pattern, { dot: true, matchBase: true });
      if (theirs) matched++;
      if (ours !== theirs)
        disagreements.push(
          `${JSON.stringify(pattern)} on ${JSON.stringify(path)}: ours ${ours}, minimatch ${theirs}`,
        );
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    // the corpus is not trivially one-sided
    expect(matched).toBeGreaterThan(pairs.length * 0.25);
    expect(matched).toBeLessThan(pairs.length * 0.75);
    expect(pairs.filter(([p]) => p.includes('{')).length).toBeGreaterThan(3000);
  });

  it.each([
    ['migrations/*.{sql,up.sql}', 'migrations/V1__a.up.sql', true],
    ['migrations/*.{sql,up.sql}', 'migrations/notes.md', false],
    ['{a,b}/**/x.xml', 'b/c/d/x.xml', true],
    ['**/{junit,TEST-}*.xml', 'build/test-results/TEST-a.xml', true],
    ['{db,sql}/{V,R}*__*.sql', 'sql/R__views.sql', true],
    ['{a,{b,c}}d', 'cd', true],
  ])('the brace pattern %j on %j is %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).matches(path)).toBe(expected);
    expect(minimatch(path, pattern, { dot: true, matchBase: true })).toBe(expected);
  });

  it('keeps brace commas inside list inputs', () => {
    expect(splitList('migrations/*.{sql,up.sql}, reports/{a,b}.xml\n[a,b]*.md')).toEqual([
      'migrations/*.{sql,up.sql}',
      'reports/{a,b}.xml',
      '[a,b]*.md',
    ]);
    expect(splitList('a{,b')).toEqual(['a{', 'b']);
  });
});

describe('caps on patterns', () => {
  it.each([
    ['a pattern over 512 characters', 'a'.repeat(513), /at most 512/],
    ['braces expanding past 64 patterns', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', /more than 64/],
    ['nested braces expanding past 64', '{a,{b,{c,{d,e}}}}'.repeat(4), /more than 64/],
  ])('refuses %s, naming the input', (_what, pattern, message) => {
    expect(() => globList([pattern], 'paths')).toThrow(InputError);
    expect(() => globList([pattern], 'paths')).toThrow(message);
    expect(() => globList([pattern], 'paths')).toThrow(/input "paths"/);
  });

  it('matches a backtracking-prone pattern in linear time (a hang is caught by the test timeout)', () => {
    const glob = compileGlob(`${'*a'.repeat(20)}*b`);
    expect(glob.matches('a'.repeat(5000))).toBe(false);
  });
});
