// The ways people install a tool that is on no registry, each from an empty folder: the tarball of
// a release (`npm i -D <tarball>`, or `npx <tarball>`), and a git repository (what
// `npx github:<owner>/trunk-actions` fetches). No network: the package has no dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNames } from '../../shared/metadata.js';
import { createRepo } from '../support/git-repo.js';
import { repoRoot } from '../support/harness.js';

const work = mkdtempSync(join(tmpdir(), 'trunk-install-'));
const npmEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_offline: 'true',
  npm_config_update_notifier: 'false',
  npm_config_cache: join(work, 'npm-cache'),
};
const npm = (cwd: string, ...args: string[]) =>
  execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

interface Packed {
  filename: string;
  files: { path: string }[];
}
let packed: Packed;
let tarball: string;
beforeAll(() => {
  packed = (JSON.parse(npm(repoRoot, 'pack', '--json', '--pack-destination', work)) as Packed[])[0]!;
  tarball = join(work, packed.filename);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A new empty folder in the work area. */
const emptyFolder = (name: string) => {
  const dir = join(work, name);
  mkdirSync(dir);
  return dir;
};

describe('the package', () => {
  it('ships what runs: the bundles, the action metadata, README and LICENSE; no tests, no sources', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/cli/index.js',
        'dist/migration-lint/libpg-query.wasm',
      ]),
    );
    for (const name of actionNames()) expect(paths).toContain(`actions/${name}/action.yml`);
    expect(
      paths.filter(
        (p) =>
          !/^(dist\/|actions\/[^/]+\/(action\.yml|README\.md)$|package\.json$|README\.md$|LICENSE$)/.test(p),
      ),
    ).toEqual([]);
  });

  it('needs no dependencies at run time: the bundles carry their code', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies).toBeUndefined();
    expect(readFileSync(join(repoRoot, 'dist/cli/index.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe('installed from the release tarball', () => {
  let project: string;
  beforeAll(() => {
    project = emptyFolder('from-tarball');
    npm(project, 'install', '--save-dev', tarball);
  }, 600_000);

  it('npx trunk-actions --version and --help', () => {
    expect(
      execFileSync('npx', ['trunk-actions', '--version'], { cwd: project, env: npmEnv, encoding: 'utf8' }),
    ).toBe(`${version}\n`);
    const help = execFileSync('npx', ['trunk-actions', '--help'], {
      cwd: project,
      env: npmEnv,
      encoding: 'utf8',
    });
    expect(help).toMatch(/^ {2}migration-lint /m);
    expect(help).toMatch(/^ {2}2 {2}bad input or usage/m);
  }, 600_000);

  it('runs a real job on the repository it is installed in, from a subfolder', () => {
    const repo = createRepo({ 'db/migrations/001.sql': 'CREATE TABLE users (id bigint, name text);\n' });
    try {
      repo.commit('drop', { 'db/migrations/002.sql': 'ALTER TABLE users DROP COLUMN name;\n' });
      cpSync(join(project, 'node_modules'), join(repo.dir, 'node_modules'), { recursive: true });
      mkdirSync(join(repo.dir, 'src'));
      const r = spawnSync('npx', ['trunk-actions', 'migration-lint', '--base', 'HEAD~1'], {
        cwd: join(repo.dir, 'src'),
        env: npmEnv,
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('db/migrations/002.sql:1:19: error: migration-lint drop-column');
    } finally {
      repo.cleanup();
    }
  }, 600_000);

  it('npx <tarball> runs it without installing into a project', () => {
    const r = spawnSync('npx', ['--yes', `file:${tarball}`, '--version'], {
      cwd: emptyFolder('npx-tarball'),
      env: npmEnv,
      encoding: 'utf8',
    });
    expect([r.status, r.stdout]).toEqual([0, `${version}\n`]);
  }, 600_000);
});

describe('installed from a git repository (what npx github:<owner>/trunk-actions fetches)', () => {
  it('packs the same files from the clone, with no install step, and runs', () => {
    // The published repository: the package's files plus what the tarball leaves out.
    const source = emptyFolder('git-source');
    execFileSync('tar', ['xzf', tarball, '-C', source, '--strip-components=1']);
    mkdirSync(join(source, 'test'));
    writeFileSync(join(source, 'test', 'suite.test.ts'), 'the test suite stays in the repository\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: source, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-qm', 'release');
    const project = emptyFolder('from-git');
    npm(project, 'install', '--save-dev', `git+file://${source}`);
    const r = spawnSync('npx', ['trunk-actions', '--version'], {
      cwd: project,
      env: npmEnv,
      encoding: 'utf8',
    });
    expect([r.status, r.stdout]).toEqual([0, `${version}\n`]);
    expect(spawnSync('test', ['-e', join(project, 'node_modules/trunk-actions/test')]).status).toBe(1);
  }, 600_000);
});
