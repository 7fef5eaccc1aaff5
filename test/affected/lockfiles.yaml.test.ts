import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseFastYaml } from '../../actions/affected/src/fast-yaml.js';
import { loadYaml } from '../../shared/yaml.js';

// The pure readers under test fall back to the full YAML parser, which a run loads on demand (withYaml).
beforeAll(loadYaml);

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/affected-lockfiles/${name}`, import.meta.url), 'utf8');

/** Scalars as the text the lockfile readers see (the full parser reads `1` as a number). */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]));
  }
  return value === null ? null : String(value);
}

const reference = (source: string): unknown => normalise(parse(source));

/** The fast path returns prototype-less mappings; the full parser's fallback does not. */
const usedFastPath = (value: unknown): boolean => Object.getPrototypeOf(value) === null;

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseFastYaml', () => {
  it.each(['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml', 'yarn-berry.lock'])(
    '%s: reads what the full YAML parser reads, on the fast path',
    (name) => {
      const text = fixture(name);
      const fast = parseFastYaml(text);
      expect(usedFastPath(fast)).toBe(true);
      expect(plain(fast)).toEqual(reference(text));
    },
  );

  it.each([
    [
      'flow mappings and sequences',
      "a: {integrity: 'sha512-x==', tarball: https://x.test/a.tgz}\nb: [x64, arm64]\nc: {}\nd: []\n",
    ],
    [
      'quoted keys and values',
      '\'@scope/a@1.0.0\':\n  version: "1.0.0"\n  note: \'it\'\'s\'\n"b, c": "x\\\\y"\n',
    ],
    ['block sequences and nulls', 'os:\n  - darwin\n  - linux\nempty:\nlast: ~\n'],
    [
      'CRLF line ends and comments',
      '# generated\r\nkey: value\r\n  # indented comment\r\nother:\r\n  nested: 1\r\n',
    ],
    ['values with colons and hashes', 'url: https://registry.npmjs.org/a/-/a-1.0.0.tgz#abc\nkey: a:b\n'],
    [
      'one-key flow mappings, empty flows and nulls (the lines read by one regex)',
      "resolution: {integrity: sha512-x+/==}\nb: {}\nc: {d: ~}\ne: {f: null}\ng: ~\nh: null\n'i@1.0.0': link:../x\nj: -k\n",
    ],
    [
      "comments after values (astro's pnpm-workspace.yaml)",
      "a: 1 # one\nb: 'x # not a comment' # a comment\nc: {d: e}  # c\nf: # empty\ng: # a block follows\n  - h # item\n  - 'i'\t# tab\nj: C# and k#l\nm: ~ # null\n",
    ],
  ])('fast path: %s', (_, text) => {
    const fast = parseFastYaml(text);
    expect(usedFastPath(fast)).toBe(true);
    expect(plain(fast)).toEqual(reference(text));
  });

  it.each([
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['block scalars', 'a: |\n  line one\n  line two\n'],
    ['compact sequences', 'os:\n- darwin\n- linux\n'],
    ['tags', 'a: !!str 1\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['document markers', '---\na: 1\n'],
    ['a comment after a block sequence item holding a mapping', 'a:\n  - b: c # d\n'],
    ['a flow key that is null', 'a: {null: b}\nc: {~: d}\n'],
  ])('falls back to the full parser for %s, with the same result', (_, text) => {
    const result = parseFastYaml(text);
    expect(usedFastPath(result)).toBe(false);
    expect(normalise(result)).toEqual(reference(text));
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const result = parseFastYaml('__proto__:\n  polluted: yes\nconstructor: x\n') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets the full parser report malformed YAML', () => {
    expect(() => parseFastYaml('a: [1, 2\n')).toThrow();
    expect(() => parseFastYaml('a:\n\tb: 1\n')).toThrow(/tab/i);
  });

  it.each([
    ['a block mapping', 'packages:\n  - a/*\npackages:\n  - b/*\n'],
    ['a nested mapping', 'catalog:\n  react: ^18\n  react: ^19\n'],
    ['a flow mapping', 'a: {x: 1, x: 2}\n'],
  ])('lets the full parser report a key repeated in %s', (_, text) => {
    expect(() => parse(text)).toThrow(/unique/);
    expect(() => parseFastYaml(text)).toThrow(/unique/);
  });

  it('reads a typical pnpm-workspace.yaml on the fast path', () => {
    const text = [
      '# the workspace',
      'packages:',
      "  - 'packages/*'",
      '  - "apps/**"',
      "  - '!**/test/**'",
      'catalog:',
      '  react: ^18.2.0',
      'catalogs:',
      '  legacy:',
      "    react: '17'",
      '',
    ].join('\n');
    const fast = parseFastYaml(text);
    expect(usedFastPath(fast)).toBe(true);
    expect(plain(fast)).toEqual(reference(text));
  });

  it('agrees with the full parser on random lockfile-shaped documents', () => {
    const scalarText = fc.oneof(
      fc.stringMatching(/^[a-z@/][a-z0-9@/.^~()-]{0,12}$/),
      fc.string({ maxLength: 12 }),
    );
    const keyText = fc.oneof(fc.stringMatching(/^[a-z/][a-z0-9@/.()-]{0,12}$/), fc.string({ maxLength: 8 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalarText,
        fc.dictionary(keyText, tie('node'), { maxKeys: 4 }),
        fc.array(scalarText, { maxLength: 3 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(keyText, tree.node, { minKeys: 1, maxKeys: 5 }), (document) => {
        const text = stringify(document);
        expect(plain(parseFastYaml(text))).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
