import fc from 'fast-check';
import {
  append,
  appendKeep,
  cellFromEnd,
  decode,
  encode,
  keepLast,
  rleLength,
} from '../../actions/flaky-quarantine/src/cells.js';

const cells = fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 60 }).map((a) => Uint8Array.from(a));
const trimZeros = (a: Uint8Array) => {
  let i = 0;
  while (i < a.length && a[i] === 0) i++;
  return [...a.subarray(i)];
};

describe('run-length encoded cells', () => {
  test.each([
    [[1, 1, 1], 'p3'],
    [[0, 0, 1, 2, 2, 3, 0, 0, 1], 'pf2m.2p'],
    [[6, 7], 'FM'],
    [[0, 0], ''],
  ])('%j encodes as %j', (input, rle) => {
    expect(encode(input)).toBe(rle);
    expect(trimZeros(decode(rle))).toEqual(trimZeros(Uint8Array.from(input)));
  });
  test('encode and decode round-trip (leading no-evidence dropped)', () => {
    fc.assert(fc.property(cells, (c) => expect([...decode(encode(c))]).toEqual(trimZeros(c))));
  });
  test('append equals encoding the longer array', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 7 }), (c, cell) => {
        const rle = encode(c);
        const expected = encode(Uint8Array.from([...decode(rle), cell]));
        // An appended `.` on an empty string stays empty: no evidence is not stored.
        expect(append(rle, cell)).toBe(rle === '' && cell === 0 ? '' : expected);
      }),
    );
  });
  test('keepLast equals encoding the last cells', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 70 }), (c, keep) => {
        const rle = encode(c);
        const all = decode(rle);
        expect(keepLast(rle, keep)).toBe(encode(all.subarray(Math.max(0, all.length - keep))));
        expect(rleLength(keepLast(rle, keep))).toBeLessThanOrEqual(keep);
      }),
    );
  });
  test('cellFromEnd reads the same cell as decoding', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 70 }), (c, back) => {
        const all = decode(encode(c));
        expect(cellFromEnd(encode(c), back)).toBe(back < all.length ? all[all.length - 1 - back] : 0);
      }),
    );
  });
  test('appendKeep equals keepLast of append', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 70 }), (c, cell, keep) => {
        expect(appendKeep(encode(c), cell, keep)).toBe(keepLast(append(encode(c), cell), keep));
      }),
    );
  });
});
