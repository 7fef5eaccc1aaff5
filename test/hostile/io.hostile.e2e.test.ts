import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { type RunOptions, type RunResult, repoRoot, runBundle } from '../support/harness.js';
import { runnerCommands } from './runner-protocol.js';
import { hostileWorkspace } from './workspace.js';

// The bundles, attacked through what a pull request author controls: committed links, names,
// inputs and files. Each case failed on the bundles before issue 16's mechanisms (see
// /work/coord/security-io.md for the reproduction).

jest.setTimeout(90_000);
const dist = undefined; // the bundles under test: dist/ of this checkout
const run = (action: string, options: RunOptions) => runBundle(action, { distDir: dist, ...options });
const outside = mkdtempSync(join(tmpdir(), 'trunk-io-outside-'));
const visible = (r: RunResult) => `${r.stdout}\n${r.stderr}\n${r.summary}\n${JSON.stringify(r.outputs)}`;
const errorText = (r: RunResult) =>
  r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const BUG = /bug in trunk-actions/;

let ws: { repo: TestRepo; base: string; head: string };
beforeAll(() => {
  ws = hostileWorkspace();
  writeFileSync(join(outside, 'keep.txt'), 'untouched');
});
afterAll(() => {
  ws.repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});
const nothingOutside = () => expect(readdirSync(outside)).toEqual(['keep.txt']);

/** A copy of the hostile workspace with `files` committed on top (links as `{ link: target }`). */
function workspaceWith(files: Record<string, string | { link: string }>): TestRepo {
  const repo = hostileWorkspace().repo;
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo.dir, path, '..'), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(repo.dir, path), content);
    else symlinkSync(content.link, join(repo.dir, path));
  }
  repo.commit('hostile');
  return repo;
}

describe('class 1: committed links cannot lead reads or writes out of the workspace', () => {
  it.each([
    ['deploy-metadata', 'env-file', { environment: 'production' }],
    ['migration-lint', 'sarif-file', { all: 'true' }],
  ] as const)('%s: a dangling link committed at %s is refused', async (action, input, extra) => {
    const repo = workspaceWith({ 'out/result': { link: join(outside, 'planted') } });
    try {
      const result = await run(action, { workspace: repo.dir, inputs: { ...extra, [input]: 'out/result' } });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toMatch(new RegExp(`Input "${input}".*outside the workspace`));
      nothingOutside();
    } finally {
      repo.cleanup();
    }
  });

  it('migration-lint (pull request): a migration linked to /etc/passwd is not read or quoted', async () => {
    const repo = workspaceWith({ 'migrations/V3__users.sql': { link: '/etc/passwd' } });
    try {
      const result = await run('migration-lint', { workspace: repo.dir, inputs: { base: 'HEAD~1' } });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(visible(result)).not.toMatch(/root:|\/bin\/(ba)?sh/);
      expect(errorText(result)).toMatch(/V3__users\.sql.*outside the workspace/);
      expect(errorText(result)).not.toMatch(BUG);
    } finally {
      repo.cleanup();
    }
  });

  it('migration-lint (pull request): a migration linked to /dev/zero ends at once with one sentence', async () => {
    const repo = workspaceWith({ 'migrations/V3__zero.sql': { link: '/dev/zero' } });
    try {
      const result = await run('migration-lint', {
        workspace: repo.dir,
        inputs: { base: 'HEAD~1' },
        timeoutMs: 60_000,
      });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toMatch(/V3__zero\.sql.*outside the workspace/);
    } finally {
      repo.cleanup();
    }
  });

  it('migration-lint (all): linked migrations are skipped with a warning naming them', async () => {
    const repo = workspaceWith({ 'migrations/V4__passwd.sql': { link: '/etc/passwd' } });
    try {
      const result = await run('migration-lint', { workspace: repo.dir, inputs: { all: 'true' } });
      expect(visible(result)).not.toMatch(/root:/);
      expect(JSON.parse(result.outputs.files!)).not.toContain('migrations/V4__passwd.sql');
      expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
        /V4__passwd\.sql is a symbolic link/,
      );
    } finally {
      repo.cleanup();
    }
  });

  it('flaky-quarantine: a report linked to /dev/zero is skipped, the others are read', async () => {
    const repo = workspaceWith({ 'reports/junit-zero.xml': { link: '/dev/zero' } });
    try {
      const result = await run('flaky-quarantine', {
        workspace: repo.dir,
        inputs: { reports: 'reports/*.xml', state: 'file:state.json', 'create-issues': 'false' },
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.verdict).toBe('pass');
      expect(visible(result)).toMatch(/junit-zero\.xml is a symbolic link/);
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    ['slo', { slo: 'slo/passwd.yaml', file: 'slo/sli.om' }],
    ['file', { slo: 'slo/slos.yaml', file: 'slo/passwd.om' }],
  ])('error-budget-gate: input %s linked to /etc/passwd is refused', async (input, inputs) => {
    const repo = workspaceWith({
      'slo/passwd.yaml': { link: '/etc/passwd' },
      'slo/passwd.om': { link: '/etc/passwd' },
    });
    try {
      const result = await run('error-budget-gate', { workspace: repo.dir, inputs });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toMatch(new RegExp(`Input "${input}".*outside the workspace`));
      expect(visible(result)).not.toMatch(/root:/);
    } finally {
      repo.cleanup();
    }
  });

  it('error-budget-gate: a link to an SLO file inside the workspace keeps working', async () => {
    const repo = workspaceWith({ 'config/slos.yaml': { link: '../slo/slos.yaml' } });
    try {
      const result = await run('error-budget-gate', {
        workspace: repo.dir,
        inputs: { slo: 'config/slos.yaml', file: 'slo/sli.om' },
      });
      expect(errorText(result)).not.toMatch(/outside the workspace|symbolic link/);
      expect(result.outputs.decision).toBeDefined();
    } finally {
      repo.cleanup();
    }
  });
});

describe('class 2: untrusted names never become workflow commands', () => {
  const LEGIT = new Set(['group', 'endgroup', 'debug', 'warning', 'error', 'notice']);
  it.each([
    ['a legacy set-output', '##[set-output name=any;]true'],
    ['a legacy add-mask', 'pkg-##[add-mask]a'],
    ['a legacy error', 'x##[error]raised'],
    ['a V2 command after U+2028', 'x\u2028::add-mask::y'],
  ])('affected: a package named with %s stays inert', async (_what, name) => {
    const repo = workspaceWith({
      'packages/c/package.json': JSON.stringify({ name, version: '1.0.0', dependencies: { a: '*' } }),
      'packages/a/index.js': 'export const a = 4;\n',
    });
    try {
      const result = await run('affected', { workspace: repo.dir, inputs: { base: 'HEAD~1' } });
      expect(result.exitCode).toBe(0);
      const commands = runnerCommands(result.stdout);
      expect(commands.filter((c) => c.legacy || !LEGIT.has(c.name))).toEqual([]);
      expect(JSON.parse(result.outputs.projects!)).toContain(name);
    } finally {
      repo.cleanup();
    }
  });

  it('error-budget-gate: an override reason carrying ##[set-output] stays inert', async () => {
    const result = await run('error-budget-gate', {
      workspace: ws.repo.dir,
      inputs: {
        slo: 'slo/slos.yaml',
        file: 'slo/sli.om',
        'override-reason': 'hotfix ##[set-output name=decision;]pass',
      },
    });
    expect(runnerCommands(result.stdout).filter((c) => c.legacy)).toEqual([]);
  });
});

describe('class 5: inputs say what is wrong', () => {
  it.each(['yes', 'on', '1', 'tRUE', 'y'])(
    'migration-lint: all=%j is refused, listing the values',
    async (value) => {
      const result = await run('migration-lint', { workspace: ws.repo.dir, inputs: { all: value } });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toContain(`Input "all" is "${value}"`);
      expect(errorText(result)).toContain('true, True, TRUE, false, False or FALSE');
    },
  );

  it.each([
    ['flaky-quarantine', 'reports', '../*.xml', { state: 'file:state.json', 'create-issues': 'false' }],
    ['flaky-quarantine', 'reports', '/etc/*.xml', { state: 'file:state.json', 'create-issues': 'false' }],
    ['migration-lint', 'paths', '../**/*.sql', { all: 'true' }],
    ['migration-lint', 'paths', '/var/lib/*.sql', { all: 'true' }],
    ['affected', 'global-files', '../shared/**', {}],
  ] as const)(
    '%s: the glob %s=%j outside the workspace is an error, not "0 files"',
    async (action, input, value, extra) => {
      const result = await run(action, { workspace: ws.repo.dir, inputs: { ...extra, [input]: value } });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toMatch(new RegExp(`input "${input}".*outside the workspace`, 'i'));
    },
  );

  it('migration-lint: brace patterns work and a pattern matching nothing is a warning naming it', async () => {
    const result = await run('migration-lint', {
      workspace: ws.repo.dir,
      inputs: { all: 'true', paths: 'migrations/V{1,2}__*.{sql,up.sql}\nnowhere/*.sql' },
    });
    expect(JSON.parse(result.outputs.files!)).toEqual([
      'migrations/V1__init.sql',
      'migrations/V2__email.sql',
    ]);
    expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContain(
      'Input "paths": the pattern "nowhere/*.sql" matches no file.',
    );
  });
});

describe('class 7: names are shown, not obeyed', () => {
  it('affected: a bidi package name is escaped in the summary and log, raw in the output', async () => {
    const name = 'c\u202egnp.exe';
    const repo = workspaceWith({
      'packages/c/package.json': JSON.stringify({ name, version: '1.0.0', dependencies: { a: '*' } }),
      'packages/a/index.js': 'export const a = 5;\n',
    });
    try {
      const result = await run('affected', { workspace: repo.dir, inputs: { base: 'HEAD~1' } });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.outputs.projects!)).toContain(name);
      expect(result.summary).not.toContain('\u202e');
      expect(result.summary).toContain('U+202E');
      expect(result.stdout).not.toContain('\u202e');
    } finally {
      repo.cleanup();
    }
  });

  it.each([['../..'], ['../../etc'], ['/tmp']])('affected: a project path %j is refused', async (path) => {
    const result = await run('affected', {
      workspace: ws.repo.dir,
      inputs: { base: 'HEAD~1', projects: `evil:\n  paths: ["**"]\n  path: ${JSON.stringify(path)}\n` },
    });
    expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
    expect(errorText(result)).toMatch(/Input "projects" .*leads outside the repository/);
    expect(result.outputs.matrix).toBeUndefined();
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
      cwd: ws.repo.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
  it.each([
    ['--input', '__proto__=x'],
    ['--input', 'constructor=x'],
    ['--input', 'hasOwnProperty=x'],
    ['--__proto__', 'x'],
    ['--toString=x'],
  ])('the command line refuses the input %s %s like any unknown name', (...args) => {
    const result = cli('migration-lint', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/with an input of migration-lint|Unknown flag/);
  });
  it.each([['constructor'], ['__proto__'], ['toString']])(
    'the command line refuses the action %j',
    (action) => {
      const result = cli(action);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`Unknown action "${action}"`);
    },
  );
  it('the command line writes ##[ in --json output as \\u0023, the same JSON', () => {
    const result = cli('migration-lint', '--fail-on', '##[set-output name=x;]y', '--json');
    expect(runnerCommands(result.stdout)).toEqual([]);
    expect(JSON.parse(result.stdout).message).toContain('##[set-output name=x;]y');
  });
});

describe('class 8: hostile files are the user’s error, in one sentence', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++)
    bomb.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  it.each([
    ['an alias bomb', { 'slo/bomb.yaml': `${bomb.join('\n')}\n` }, 'slo/bomb.yaml', /alias/],
    ['a directory', {}, 'slo', /directory/],
    ['a binary file', { 'slo/blob.yaml': '\x7fELF\0\0\x01' }, 'slo/blob.yaml', /not text|not UTF-8/],
    ['a missing file', {}, 'slo/none.yaml', /does not exist/],
  ] as const)('error-budget-gate: an SLO file that is %s', async (_what, files, slo, message) => {
    const repo = workspaceWith(files);
    try {
      const result = await run('error-budget-gate', {
        workspace: repo.dir,
        inputs: { slo, file: 'slo/sli.om' },
      });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      const error = errorText(result);
      expect(error).toMatch(message);
      expect(error).toContain(slo);
      expect(error).not.toMatch(BUG);
      expect(error.split('\n')).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    ['deploy-metadata', 'env-file', 'packages', { environment: 'production' }],
    ['migration-lint', 'sarif-file', 'migrations', { all: 'true' }],
    [
      'flaky-quarantine',
      'quarantine-file',
      'reports',
      { reports: 'reports/*.xml', state: 'file:s.json', 'create-issues': 'false' },
    ],
  ] as const)('%s: input %s naming a directory', async (action, input, value, extra) => {
    const result = await run(action, { workspace: ws.repo.dir, inputs: { ...extra, [input]: value } });
    expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
    expect(errorText(result)).toMatch(new RegExp(`Input "${input}".*directory`));
    expect(errorText(result)).not.toMatch(BUG);
  });

  it('flaky-quarantine: an alias bomb in the quarantine file', async () => {
    const repo = workspaceWith({ 'quarantine.yaml': `${bomb.join('\n')}\n` });
    try {
      const result = await run('flaky-quarantine', {
        workspace: repo.dir,
        inputs: {
          reports: 'reports/*.xml',
          state: 'file:s.json',
          'create-issues': 'false',
          'quarantine-file': 'quarantine.yaml',
        },
      });
      expect(result.exitCode).toBe(2); // the user's mistake (EXIT_CODES)
      expect(errorText(result)).toMatch(/quarantine\.yaml/);
      expect(errorText(result)).not.toMatch(BUG);
    } finally {
      repo.cleanup();
    }
  });

  it('nothing was written outside the workspace by any case', () => {
    nothingOutside();
    expect(existsSync(join(outside, 'planted'))).toBe(false);
  });
});

describe('the log is whole whatever stdout the runner gives', () => {
  it('a stdout left non-blocking and full (EAGAIN) loses no line and keeps their order', async () => {
    const repo = createRepo({
      'db/migrations/V1__indexes.sql': Array.from(
        { length: 1500 },
        (_, i) => `CREATE INDEX index_number_${i} ON orders (customer_${i});\n`,
      ).join(''),
    });
    try {
      const options: RunOptions = { workspace: repo.dir, inputs: { all: 'true', 'fail-on': 'never' } };
      const piped = await run('migration-lint', options);
      const full = await run('migration-lint', { ...options, fullNonBlockingStdoutMs: 500 });
      expect(full.exitCode).toBe(0);
      // the 1,500 findings overflow the 10 annotations GitHub shows into log lines: over 64 KiB of them
      expect(Buffer.byteLength(piped.stdout)).toBeGreaterThan(128 * 1024);
      expect(full.stdout).toBe(piped.stdout);
    } finally {
      repo.cleanup();
    }
  });
});
