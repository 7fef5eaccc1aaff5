import fc from 'fast-check';
import {
  type PackageFields,
  packageFieldsOf,
  readPackageFields,
} from '../../actions/affected/src/discover-js-manifest.js';

/** What JSON.parse gives for the same text, or undefined when it throws or gives no object. */
function oracle(text: string): PackageFields | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? packageFieldsOf(value as Record<string, unknown>)
    : undefined;
}

let read = 0;

/** The reader either agrees with JSON.parse or declines (and JSON.parse decides). */
function agrees(text: string): boolean {
  const fast = readPackageFields(text);
  if (fast === undefined) return true;
  expect(fast).toEqual(oracle(text));
  read++;
  return true;
}

describe('readPackageFields', () => {
  test.each([
    ['{}', { name: '', dependencies: [undefined, undefined, undefined, undefined] }],
    [
      ' {"name":"a","version":"1.0.0","dependencies":{"b":"^1.0.0","c":"workspace:*"}}\n',
      { name: 'a', dependencies: [['b', '', 'c', 'workspace:*'], undefined, undefined, undefined] },
    ],
    [
      '{"name":"\\u0061\\"q","devDependencies":{"\\u0062":1,"c":null,"d":{"x":[1,{"y":-0.5e+3}]}}}',
      { name: 'a"q', dependencies: [undefined, ['b', '', 'c', '', 'd', ''], undefined, undefined] },
    ],
    [
      '{"name":5,"peerDependencies":[],"optionalDependencies":{"e":" catalog: "},"dependencies":"x"}',
      { name: '', dependencies: [undefined, undefined, undefined, ['e', ' catalog: ']] },
    ],
    [
      '{"n\\u0061me":"x","dependencie\\u0073":{"a":"1"},"nam":"y","names":"z"}',
      { name: 'x', dependencies: [['a', ''], undefined, undefined, undefined] },
    ],
    // The last of a repeated top-level field wins, as with JSON.parse.
    [
      '{"name":"a","name":"b","dependencies":{"x":"1"},"dependencies":{"y":"link:2"}}',
      { name: 'b', dependencies: [['y', 'link:2'], undefined, undefined, undefined] },
    ],
  ])('reads %s', (text, expected) => {
    expect(readPackageFields(text)).toEqual(expected);
    expect(oracle(text)).toEqual(expected);
  });

  test.each([
    '',
    '[]',
    '"a"',
    '{"name":"a",}',
    '{"name":"a"} x',
    '{"name":\'a\'}',
    '{"a":01}',
    '{"a":1.}',
    '{"a":-}',
    '{"a":tru}',
    '{"a":"\\x"}',
    '{"a":"\\u12"}',
    '{"a":"line\nbreak"}',
    '{"a" 1}',
    '{"a":1 "b":2}',
    '\u00a0{}',
    '{"a":[1,]}',
    '{"a":"unterminated}',
    '{"dependencies":{"x":"1","x":"2"}}', // duplicate: JSON.parse keeps the last value at the first place
    '{"dependencies":{"b":"1","1":"2"}}', // an index-like key: JSON.parse enumerates it first
    `{"a":${'['.repeat(300)}${']'.repeat(300)}}`,
  ])('leaves %j to JSON.parse', (text) => {
    expect(readPackageFields(text)).toBeUndefined();
  });

  test('agrees with JSON.parse on any JSON value, and reads most of them itself', () => {
    read = 0;
    const manifest = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        version: fc.string(),
        dependencies: fc.oneof(
          fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.jsonValue())),
          fc.jsonValue(),
        ),
        devDependencies: fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
        peerDependencies: fc.jsonValue(),
        other: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(manifest, fc.boolean(), (value, pretty) =>
        agrees(JSON.stringify(value, null, pretty ? 2 : undefined)),
      ),
      { numRuns: 2000 },
    );
    // It declines only index-like package names (and fast-check makes some): the fast path is real.
    expect(read).toBeGreaterThan(1000);
  });

  test('agrees with JSON.parse on damaged texts (or declines)', () => {
    const base = JSON.stringify(
      {
        name: '@s/a',
        version: '1.0.0',
        dependencies: { '@s/b': '^1.0.0', c: 'npm:d@1' },
        x: [1, -2.5e3, true, null],
      },
      null,
      2,
    );
    const edit = fc.record({
      at: fc.nat({ max: base.length }),
      cut: fc.nat({ max: 3 }),
      insert: fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.constantFrom('"', '\\', ',', '}', ']', '{', ':', '\n', '0', 'e'),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const { at, cut, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        return agrees(text);
      }),
      { numRuns: 5000 },
    );
  });

  test('reads the plain manifests of a workspace without declining', () => {
    const text = JSON.stringify(
      { name: 'pkg-1', version: '1.0.0', private: true, dependencies: { 'pkg-0': '^1.0.0', react: '18' } },
      null,
      2,
    );
    expect(readPackageFields(text)).toEqual(oracle(text));
  });
});
