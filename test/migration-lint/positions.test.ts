import { LineIndex, byteToCharOffset } from '../../actions/migration-lint/src/positions.js';
import { ByteCursor } from '../../actions/migration-lint/src/statements.js';

describe('positions', () => {
  const text = "SELECT 1;\n  SELECT 'é😀', x;\r\nlast";

  test.each([
    [0, 1, 1],
    [9, 1, 10],
    [10, 2, 1],
    [12, 2, 3],
    [text.indexOf('x'), 2, 16], // é is one column, the emoji (two UTF-16 units) one column
    [text.indexOf('last'), 3, 1],
  ])('offset %i is line %i column %i', (offset, line, column) => {
    expect(new LineIndex(text).at(offset)).toEqual({ line, column });
  });

  test.each([
    ['ascii', 'abc', 2, 2],
    ['two-byte é', 'é x', 3, 2],
    ['three-byte 日', '日x', 3, 1],
    ['four-byte emoji', '😀x', 4, 2],
    ['past the end clamps', 'ab', 10, 2],
  ])('byteToCharOffset: %s', (_name, s, bytes, chars) => {
    expect(byteToCharOffset(s, bytes)).toBe(chars);
    expect(new ByteCursor(s).toChar(bytes)).toBe(chars);
  });

  test('ByteCursor agrees with Buffer on every byte boundary of mixed text', () => {
    const s = "a é 日本 😀 z ' ; é";
    const cursor = new ByteCursor(s);
    for (let i = 0; i <= s.length; i++) {
      const code = s.charCodeAt(i - 1);
      if (code >= 0xd800 && code <= 0xdbff) continue; // inside a surrogate pair
      expect(cursor.toChar(Buffer.byteLength(s.slice(0, i)))).toBe(i);
    }
  });
});
