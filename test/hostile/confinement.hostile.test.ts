import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../../shared/errors.js';
import {
  findFiles,
  readChunksInside,
  readInside,
  readTextInside,
  readerInside,
  writeInside,
} from '../../shared/files.js';
import { Git } from '../../shared/git.js';
import { confineRelative } from '../../shared/paths.js';
import { createRepo } from '../support/git-repo.js';

// Class 1: every path an action opens is checked after resolving links, must lead into the
// workspace (or RUNNER_TEMP), reads take regular files only and stop at a cap the error names.

const workspace = mkdtempSync(join(tmpdir(), 'trunk-confine-ws-'));
const outside = mkdtempSync(join(tmpdir(), 'trunk-confine-out-'));
const temp = mkdtempSync(join(tmpdir(), 'trunk-confine-temp-'));
const read = (path: string, maxBytes = 1024) => readInside(workspace, path, { input: 'slo', maxBytes });
/** The reader of many files, the workspace resolved once: every check still holds for each file. */
const reader = readerInside(workspace, { input: 'slo', maxBytes: 1024 });

beforeAll(() => {
  writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0\n');
  mkdirSync(join(workspace, 'docs'));
  writeFileSync(join(workspace, 'docs/real.txt'), 'inside\n');
  symlinkSync('/etc/passwd', join(workspace, 'passwd.sql'));
  symlinkSync('/dev/zero', join(workspace, 'zero.sql'));
  symlinkSync(join(outside, 'secret.txt'), join(workspace, 'secret.yaml'));
  symlinkSync(join(outside, 'new.env'), join(workspace, 'dangling.env'));
  symlinkSync('../../../../../../../../tmp/trunk-never', join(workspace, 'dangling-relative.env'));
  symlinkSync(outside, join(workspace, 'out-dir'));
  symlinkSync('docs/real.txt', join(workspace, 'inside-link.txt'));
  symlinkSync('docs/missing.txt', join(workspace, 'inside-dangling.txt'));
  symlinkSync('loop-b', join(workspace, 'loop-a'));
  symlinkSync('loop-a', join(workspace, 'loop-b'));
  execFileSync('mkfifo', [join(workspace, 'pipe.yaml')]);
  writeFileSync(join(workspace, 'big.yaml'), 'x'.repeat(5000));
  writeFileSync(join(workspace, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  writeFileSync(join(workspace, 'latin1.yaml'), Buffer.from([0x6e, 0xe9, 0x0a]));
});
afterAll(() => {
  for (const dir of [workspace, outside, temp]) rmSync(dir, { recursive: true, force: true });
});

describe('reads', () => {
  it.each([
    ['a link to /etc/passwd', 'passwd.sql', /outside the workspace through a symbolic link/],
    ['a link to /dev/zero', 'zero.sql', /outside the workspace/],
    ['a link to a file outside', 'secret.yaml', /outside the workspace/],
    ['a path through a linked folder', 'out-dir/secret.txt', /outside the workspace/],
    ['`..` out of the workspace', `../${outside.split('/').pop()}/secret.txt`, /outside the workspace/],
    ['an absolute path elsewhere', join(outside, 'secret.txt'), /outside the workspace/],
    ['/proc/self/environ', '/proc/self/environ', /outside the workspace/],
    ['a loop of links', 'loop-a', /loop of symbolic links/],
    ['a FIFO (would block for ever)', 'pipe.yaml', /not a regular file/],
    ['a directory', 'docs', /is a directory/],
    ['a missing file', 'nope.yaml', /does not exist/],
    ['a file below a file', 'big.yaml/x', /folder on its way is a file|does not exist/],
    ['a NUL in the name', 'a\0b', /NUL/],
  ])('refuses %s, naming the input', (_what, path, message) => {
    for (const readFile of [read, reader]) {
      expect(() => readFile(path)).toThrow(InputError);
      expect(() => readFile(path)).toThrow(message);
      expect(() => readFile(path)).toThrow(/Input "slo"/);
    }
  });

  it('checks each file a reader reads when it is read: a file swapped for a link out is refused', () => {
    const swapped = readerInside(workspace, { input: 'slo', maxBytes: 1024 });
    writeFileSync(join(workspace, 'swapped.sql'), 'SELECT 1;\n');
    expect(swapped('swapped.sql').toString()).toBe('SELECT 1;\n');
    rmSync(join(workspace, 'swapped.sql'));
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'swapped.sql'));
    expect(() => swapped('swapped.sql')).toThrow(/outside the workspace through a symbolic link/);
    rmSync(join(workspace, 'swapped.sql'));
  });

  it('confines a reader to the real workspace when the workspace is reached through a link', () => {
    const linked = join(mkdtempSync(join(tmpdir(), 'trunk-confine-link-')), 'workspace');
    symlinkSync(workspace, linked);
    const throughLink = readerInside(linked, { input: 'slo', maxBytes: 1024 });
    expect(throughLink('inside-link.txt').toString()).toBe('inside\n');
    expect(throughLink(join(workspace, 'docs/real.txt')).toString()).toBe('inside\n');
    expect(() => throughLink('secret.yaml')).toThrow(/outside the workspace/);
    expect(() => throughLink('../secret.txt')).toThrow(/outside the workspace/);
    rmSync(dirname(linked), { recursive: true });
  });

  it('reads whole files of every size up to the cap, an empty one too, and not one byte more', () => {
    const sizes = [0, 1, 4095, 4096, 8193, 65_536, 200_000];
    for (const size of sizes) writeFileSync(join(workspace, `size-${size}.txt`), 'y'.repeat(size));
    for (const size of sizes) {
      const exact = readInside(workspace, `size-${size}.txt`, { input: 'slo', maxBytes: size });
      expect(exact.toString()).toBe('y'.repeat(size));
      if (size)
        expect(() => readInside(workspace, `size-${size}.txt`, { input: 'slo', maxBytes: size - 1 })).toThrow(
          `at most ${size - 1} bytes are read`,
        );
      rmSync(join(workspace, `size-${size}.txt`));
    }
  });

  it('names the cap when a file is larger', () => {
    expect(() => read('big.yaml', 4096)).toThrow('at most 4096 bytes are read');
    expect(() => [...readChunksInside(workspace, 'big.yaml', { input: 'reports', maxBytes: 100 })]).toThrow(
      /Input "reports" .* at most 100 bytes/,
    );
  });

  it('streams a link to /dev/zero nowhere: refused before the first byte', () => {
    expect(() => [
      ...readChunksInside(workspace, 'zero.sql', { input: 'reports', maxBytes: 1 << 30 }),
    ]).toThrow(/outside the workspace/);
  });

  it('keeps links that stay inside the workspace working', () => {
    expect(read('inside-link.txt').toString()).toBe('inside\n');
    expect(readTextInside(workspace, 'docs/../inside-link.txt', { input: 'slo', maxBytes: 100 })).toBe(
      'inside\n',
    );
  });

  it.each([
    ['binary.yaml', /not text \(it holds NUL bytes\)|not UTF-8/],
    ['latin1.yaml', /not UTF-8 text/],
  ])('says %s is not text, naming input and file', (path, message) => {
    expect(() => readTextInside(workspace, path, { input: 'slo', maxBytes: 100 })).toThrow(message);
    expect(() => readTextInside(workspace, path, { input: 'slo', maxBytes: 100 })).toThrow(
      `Input "slo" names ${path}`,
    );
  });
});

describe('writes', () => {
  const write = (path: string, extraRoots: string[] = []) =>
    writeInside(workspace, path, 'A=1\n', { input: 'env-file', extraRoots });

  it.each([
    ['a dangling link to a file outside', 'dangling.env'],
    ['a dangling relative link climbing out', 'dangling-relative.env'],
    ['a link to a file outside', 'secret.yaml'],
    ['a path through a linked folder', 'out-dir/new.env'],
    ['`..` out of the workspace', `../${outside.split('/').pop()}/new.env`],
    ['an absolute path elsewhere', join(outside, 'new.env')],
  ])('refuses %s and writes nothing outside', (_what, path) => {
    expect(() => write(path)).toThrow(/Input "env-file" .*outside the workspace/);
    expect(readdirSync(outside).sort()).toEqual(['secret.txt']);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('root:x:0:0\n');
    expect(existsSync('/tmp/trunk-never')).toBe(false);
  });

  it('refuses a directory and a FIFO', () => {
    expect(() => write('docs')).toThrow(/directory/);
    expect(() => write('pipe.yaml')).toThrow(/not a regular file/);
  });

  it('writes through links that stay inside, creates folders, and may use RUNNER_TEMP', () => {
    write('inside-dangling.txt');
    expect(readFileSync(join(workspace, 'docs/missing.txt'), 'utf8')).toBe('A=1\n');
    write('new/folder/out.env');
    expect(readFileSync(join(workspace, 'new/folder/out.env'), 'utf8')).toBe('A=1\n');
    write(join(temp, 'deploy.env'), [temp]);
    expect(readFileSync(join(temp, 'deploy.env'), 'utf8')).toBe('A=1\n');
    expect(() => write(join(temp, 'deploy.env'))).toThrow(/outside the workspace/);
  });
});

describe('searches', () => {
  it('lists a linked file only when it leads to a file inside, and warns of the rest', () => {
    const warnings: string[] = [];
    const found = findFiles(workspace, ['*.sql', '*.txt', '*.yaml'], {
      inputName: 'paths',
      log: { warning: (m) => warnings.push(m) },
    });
    expect(found).toEqual(expect.arrayContaining(['inside-link.txt', 'docs/real.txt']));
    expect(found).not.toEqual(expect.arrayContaining(['passwd.sql']));
    expect(found).not.toContain('zero.sql');
    expect(found).not.toContain('secret.yaml');
    expect(warnings.join('\n')).toMatch(/passwd\.sql is a symbolic link/);
    expect(warnings.join('\n')).toMatch(/zero\.sql is a symbolic link/);
  });

  it.each([['../*.xml'], ['reports/../../x.xml'], [`${outside}/*.txt`], ['/etc/*.conf'], ['!../x']])(
    'refuses the pattern %j, naming the input',
    (pattern) => {
      expect(() => findFiles(workspace, [pattern], { inputName: 'reports' })).toThrow(
        /Input "reports".*leads outside the workspace|input "reports".*outside the workspace/,
      );
    },
  );

  it('takes an absolute pattern inside the workspace', () => {
    expect(findFiles(workspace, [join(workspace, 'docs/real.*')], { inputName: 'reports' })).toEqual([
      'docs/real.txt',
    ]);
  });

  it('warns of a pattern that matches nothing, naming it and the input', () => {
    const warnings: string[] = [];
    findFiles(workspace, ['docs/*.txt', 'nothing/**/*.xml'], {
      inputName: 'reports',
      log: { warning: (m) => warnings.push(m) },
    });
    expect(warnings).toEqual(['Input "reports": the pattern "nothing/**/*.xml" matches no file.']);
  });
});

describe('repository-relative project paths', () => {
  it.each([['../..'], ['..'], ['a/../../b'], ['/etc'], ['C:/x'], ['a\\..\\..\\b']])('refuses %j', (path) => {
    expect(() => confineRelative(path, 'projects')).toThrow(
      /Input "projects" .*leads outside the repository/,
    );
  });
  it.each([['packages/a'], ['.'], ['a/../b'], ['a..b']])('accepts %j', (path) => {
    expect(confineRelative(path, 'projects')).toBe(path);
  });
});

describe('git objects: a 120000 entry is a link, not content', () => {
  const repo = createRepo({ 'migrations/V1__a.sql': 'SELECT 1;\n', 'package.json': '{}' });
  beforeAll(() => {
    symlinkSync('/etc/passwd', join(repo.dir, 'migrations/V2__passwd.sql'));
    symlinkSync('V1__a.sql', join(repo.dir, 'migrations/V3__inside.sql'));
    symlinkSync('/etc/hostname', join(repo.dir, 'packages.json'));
    repo.commit('links');
  });
  afterAll(() => repo.cleanup());

  it('leaves links out of listFiles and listTree', async () => {
    const git = new Git(repo.dir);
    expect(await git.listFiles('HEAD')).toEqual(['migrations/V1__a.sql', 'package.json']);
    expect([...(await git.listTree('HEAD')).keys()]).toEqual(['migrations/V1__a.sql', 'package.json']);
  });

  it('never reads a link target name as file content', async () => {
    const files = await new Git(repo.dir).readFiles('HEAD', [
      'migrations/V2__passwd.sql',
      'migrations/V3__inside.sql',
      'packages.json',
      'migrations/V1__a.sql',
    ]);
    expect(files.get('migrations/V2__passwd.sql')).toBeUndefined();
    expect(files.get('migrations/V3__inside.sql')).toBeUndefined();
    expect(files.get('packages.json')).toBeUndefined();
    expect(files.get('migrations/V1__a.sql')).toBe('SELECT 1;\n');
  });

  it('reads paths with glob characters literally', async () => {
    repo.commit('star', { 'migrations/V4__*.sql': 'SELECT 4;\n' });
    const files = await new Git(repo.dir).readFiles('HEAD', ['migrations/V4__*.sql']);
    expect(files.get('migrations/V4__*.sql')).toBe('SELECT 4;\n');
  });
});
