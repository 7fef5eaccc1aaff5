import { collationKey, inMigrationOrder } from '../../actions/migration-lint/src/runners.js';

// the order collationKey stands in for: ICU's, as inMigrationOrder used it for every path before
const icu = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const sign = (n: number) => Math.sign(n);
const byKey = (a: string, b: string) => {
  const [x, y] = [collationKey(a)!, collationKey(b)!];
  return x < y ? -1 : x > y ? 1 : 0;
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('collation keys of migration paths', () => {
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

  test('order every two printable ASCII characters as ICU does', () => {
    for (const a of printable)
      for (const b of printable) expect([a, b, sign(byKey(a, b))]).toEqual([a, b, sign(icu.compare(a, b))]);
  });

  test('order generated paths as ICU does: numbers by value, leading zeros, case after everything else', () => {
    const pieces = [
      'a',
      'b',
      'B',
      'z',
      'Z',
      'V',
      'R__',
      '0',
      '00',
      '01',
      '1',
      '9',
      '10',
      '099',
      '2019',
      '_',
      '-',
      '.',
      '/',
      ' ',
      '~',
      '$',
      '#',
      "'",
      'up.sql',
    ];
    const random = prng(7);
    const paths = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: Math.floor(random() * 7) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(''),
    );
    for (let i = 0; i + 1 < paths.length; i++) {
      const [a, b] = [paths[i]!, paths[i + 1]!];
      expect([a, b, sign(byKey(a, b))]).toEqual([a, b, sign(icu.compare(a, b))]);
    }
    const sorted = (compare: (a: string, b: string) => number) =>
      [...paths].sort((a, b) => compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted(byKey)).toEqual(sorted(icu.compare));
  });

  test('are not made for paths ICU orders by rules beyond printable ASCII or for very long numbers', () => {
    expect(collationKey('migrations/001_café.sql')).toBeUndefined();
    expect(collationKey('a\tb')).toBeUndefined();
    expect(collationKey(`V${'1'.repeat(201)}.sql`)).toBeUndefined();
    expect(collationKey(`V${'1'.repeat(200)}.sql`)).toBeDefined();
  });

  test('sort files in ICU order, through ICU when one path is not ASCII', () => {
    const paths = [
      'db/V10__b.sql',
      'db/V9__a.sql',
      'db/v9__A.sql',
      'db/R__views.sql',
      'db/V09__a.sql',
      'db/V1.1__x.sql',
    ];
    const expected = [...paths]
      .sort((a, b) => icu.compare(a, b) || (a < b ? -1 : 1))
      .sort((a, b) => Number(a.includes('/R__')) - Number(b.includes('/R__')));
    expect(inMigrationOrder(paths.map((path) => ({ path }))).map((f) => f.path)).toEqual(expected);
    const accented = [...paths, 'db/V2__é.sql'];
    const expectedAccented = [...accented]
      .sort((a, b) => icu.compare(a, b) || (a < b ? -1 : 1))
      .sort((a, b) => Number(a.includes('/R__')) - Number(b.includes('/R__')));
    expect(inMigrationOrder(accented.map((path) => ({ path }))).map((f) => f.path)).toEqual(expectedAccented);
  });
});
