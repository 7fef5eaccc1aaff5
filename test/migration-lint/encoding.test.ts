import { firstInvalidUtf8 } from '../../actions/migration-lint/src/encoding.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const valid = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes around UTF-8's edges: ASCII, lead and continuation bytes, overlongs, surrogates, > U+10FFFF. */
const PIECES = [
  [0x61],
  [0x00],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xf4, 0x8f, 0xbf, 0xbf],
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xc2],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xff],
];

test('finds the first byte that is not UTF-8 exactly where a strict decoder fails', () => {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let n = 0; n < 3000; n++) {
    const bytes = Uint8Array.from(
      Array.from(
        { length: Math.floor(random() * 8) },
        () => PIECES[Math.floor(random() * PIECES.length)]!,
      ).flat(),
    );
    const bad = firstInvalidUtf8(bytes);
    expect(bad < 0).toBe(valid(bytes));
    // everything before it decodes
    if (bad >= 0) expect(valid(bytes.subarray(0, bad))).toBe(true);
  }
});
