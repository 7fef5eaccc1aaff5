// Random pnpm lockfiles and line edits, for the tests of reading lockfiles (beside another version,
// for their dependencies only): each must read as the whole text alone reads.
import fc from 'fast-check';

/** Line edits a lockfile's history (or a hostile one) makes: each may move, repeat or break entries. */
export const lineEdit = fc.record({
  kind: fc.constantFrom('change', 'delete', 'repeat', 'insert', 'comment', 'crlf'),
  at: fc.nat(),
  text: fc.constantFrom(
    '  zzz@1.0.0:',
    "  '7':",
    '    resolution: {integrity: sha512-changed}',
    '      lodash: 4.17.20',
    '      b: link:../b',
    '  ms@2.1.2: {}',
    'extra: 1',
    '  - item',
    '\t',
    '   odd: indent',
    '',
  ),
});

export function applyEdits(text: string, edits: Array<{ kind: string; at: number; text: string }>): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    const i = edit.at % lines.length;
    if (edit.kind === 'change') lines[i] = lines[i]!.replace(/[0-9a-z]/, (c) => (c === '1' ? '2' : '1'));
    else if (edit.kind === 'delete') lines.splice(i, 1);
    else if (edit.kind === 'repeat') lines.splice(i, 0, ...lines.slice(i, i + 3));
    else if (edit.kind === 'insert') lines.splice(i, 0, edit.text);
    else if (edit.kind === 'comment') lines.splice(i, 0, '# note');
    else lines[i] = `${lines[i]}\r`;
  }
  return lines.join('\n');
}

/** A pnpm 9 lockfile of random importers and packages, with the shapes whose nodes depend on others. */
export interface Lock {
  importers: Array<{ dir: string; deps: string[]; dev: string[]; optional: string[] }>;
  packages: Array<{ name: string; version: string; integrity: string; deps: string[] }>;
}

const NAMES = ['a', 'b', '@s/c', 'd', 'e'];
const VERSIONS = ['1.0.0', '1.0.1', '2.0.0'];
const DIRS = ['.', 'packages/x', 'packages/y', 'packages/z'];

/** A dependency: `name@version`, a link to an importer folder, or one the lockfile does not list. */
const depArbitrary = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERSIONS)).map(([n, v]) => `${n}@${v}`),
  fc.constantFrom(...DIRS).map((dir) => `link:${dir}`),
  fc.constant('missing@9.9.9'),
);

export const lockArbitrary: fc.Arbitrary<Lock> = fc.record({
  importers: fc.uniqueArray(
    fc.record({
      dir: fc.constantFrom(...DIRS),
      deps: fc.array(depArbitrary, { maxLength: 3 }),
      dev: fc.array(depArbitrary, { maxLength: 2 }),
      optional: fc.array(depArbitrary, { maxLength: 2 }),
    }),
    { selector: (i) => i.dir, minLength: 1, maxLength: 4 },
  ),
  packages: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(...NAMES),
      version: fc.constantFrom(...VERSIONS),
      integrity: fc.constantFrom('x', 'y'),
      deps: fc.array(depArbitrary, { maxLength: 3 }),
    }),
    { selector: (p) => `${p.name}@${p.version}`, maxLength: 8 },
  ),
});

const quote = (key: string) => (/^[@']/.test(key) ? `'${key}'` : key);
const depName = (dep: string) =>
  dep.startsWith('link:') ? `w-${dep.slice(5).replace(/\W/g, '')}` : dep.slice(0, dep.lastIndexOf('@'));
const depRef = (dep: string, fromDir: string) =>
  dep.startsWith('link:')
    ? `link:${fromDir === '.' ? dep.slice(5) : `../../${dep.slice(5)}`.replace(/\/\.$/, '')}`
    : dep.slice(dep.lastIndexOf('@') + 1);

export function render(lock: Lock): string {
  const lines = ["lockfileVersion: '9.0'", '', 'importers:', ''];
  const block = (indent: string, field: string, deps: string[], fromDir: string, importer: boolean) => {
    if (!deps.length) return;
    lines.push(`${indent}${field}:`);
    for (const dep of deps) {
      const ref = depRef(dep, fromDir);
      if (importer)
        lines.push(
          `${indent}  ${quote(depName(dep))}:`,
          `${indent}    specifier: '*'`,
          `${indent}    version: ${ref}`,
        );
      else lines.push(`${indent}  ${quote(depName(dep))}: ${ref}`);
    }
  };
  for (const importer of lock.importers) {
    lines.push(`  ${importer.dir}:`);
    block('    ', 'dependencies', importer.deps, importer.dir, true);
    block('    ', 'devDependencies', importer.dev, importer.dir, true);
    block('    ', 'optionalDependencies', importer.optional, importer.dir, true);
    lines.push('');
  }
  lines.push('packages:', '');
  for (const p of lock.packages)
    lines.push(
      `  ${quote(`${p.name}@${p.version}`)}:`,
      `    resolution: {integrity: sha512-${p.integrity}}`,
      '',
    );
  lines.push('snapshots:', '');
  for (const p of lock.packages) {
    lines.push(`  ${quote(`${p.name}@${p.version}`)}:${p.deps.length ? '' : ' {}'}`);
    block('    ', 'dependencies', p.deps, '', false);
    lines.push('');
  }
  return lines.join('\n');
}

/** `a` with its first importers and packages kept and the rest from `b`: most entries shared. */
export const mix = (a: Lock, b: Lock): Lock => {
  const [importers, packages] = [a.importers.slice(0, 2), a.packages.slice(0, 4)];
  return {
    importers: [...importers, ...b.importers.filter((i) => !importers.some((j) => j.dir === i.dir))],
    packages: [
      ...packages,
      ...b.packages.filter((p) => !packages.some((q) => q.name === p.name && q.version === p.version)),
    ],
  };
};
