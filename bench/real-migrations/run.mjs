// `npm run bench:real-migrations`: migration-lint and squawk on the migration histories of public
// projects (cases.json), each of the newest `window` migrations linted as its own change against
// everything before it. Findings of both tools are grouped into items (one hazard class on one
// statement; lock-timeout once per file), which are adjudicated by hand in adjudication.json; this
// writes results.md (the table, precision and recall) and lists the items still to adjudicate.
// Not in CI: it needs the repositories (a local mirror, else a clone from GitHub), the bundle
// (`npm run bundle`) and squawk (`npm run bench:peers`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadModule, parseSync } from 'libpg-query';
import { peerBin, readOutput, root } from '../lib.mjs';
import { git, gitDir, migrationPaths, projects } from './repos.mjs';

const here = join(root, 'bench', 'real-migrations');
const adjudicated = JSON.parse(readFileSync(join(here, 'adjudication.json'), 'utf8'));

// squawk rules about style or re-runnability, not about what a statement does to a busy table or the
// running app: left out of its run, as migration-lint has no such rules
const SQUAWK_STYLE = [
  'prefer-bigint-over-int',
  'prefer-bigint-over-smallint',
  'prefer-identity',
  'prefer-text-field',
  'prefer-timestamptz',
  'ban-char-field',
  'prefer-robust-stmts',
  'require-statement-timeout',
];

/** Hazard classes: a rule of either tool names the same hazard on the same statement. */
const CLASS = {
  'drop-column': 'drop-column',
  'ban-drop-column': 'drop-column',
  'rename-column': 'rename-column',
  'renaming-column': 'rename-column',
  'rename-table': 'rename-table',
  'renaming-table': 'rename-table',
  'drop-table': 'drop-table',
  'ban-drop-table': 'drop-table',
  'add-not-null-column-no-default': 'add-required-column',
  'adding-required-field': 'add-required-column',
  'volatile-default': 'rewriting-default',
  'adding-field-with-default': 'rewriting-default',
  'adding-serial-primary-key-field': 'rewriting-default',
  'add-stored-generated-column': 'rewriting-default',
  'change-column-type': 'change-column-type',
  'changing-column-type': 'change-column-type',
  'set-not-null': 'set-not-null',
  'adding-not-nullable-field': 'set-not-null',
  'add-fk-validating': 'validating-foreign-key',
  'adding-foreign-key-constraint': 'validating-foreign-key',
  'add-check-validating': 'validating-constraint',
  'validate-in-same-transaction': 'validating-constraint',
  'constraint-missing-not-valid': 'validating-constraint',
  'add-unique-constraint-validating': 'unique-constraint',
  'disallowed-unique-constraint': 'unique-constraint',
  'add-primary-key-validating': 'primary-key',
  'adding-primary-key-constraint': 'primary-key',
  'create-index-non-concurrent': 'blocking-index-build',
  'require-concurrent-index-creation': 'blocking-index-build',
  'reindex-non-concurrent': 'blocking-reindex',
  'require-concurrent-reindex': 'blocking-reindex',
  'drop-index-non-concurrent': 'blocking-index-drop',
  'require-concurrent-index-deletion': 'blocking-index-drop',
  'concurrent-index-in-transaction': 'concurrently-in-transaction',
  'ban-concurrent-index-creation-in-transaction': 'concurrently-in-transaction',
  'drop-not-null': 'drop-not-null',
  'ban-drop-not-null': 'drop-not-null',
  'lock-timeout-missing': 'lock-timeout',
  'require-lock-timeout': 'lock-timeout',
  'require-timeout-settings': 'lock-timeout',
  'uncommitted-transaction': 'uncommitted-transaction',
  'ban-uncommitted-transaction': 'uncommitted-transaction',
  truncate: 'truncate',
  'ban-truncate-cascade': 'truncate',
};

const collator = new Intl.Collator('en', { numeric: true });

/** Start line (1-based) of each statement of `text`, from PostgreSQL's parser; undefined when it fails. */
function statementLines(text) {
  try {
    const bytes = Buffer.from(text);
    return parseSync(text).stmts.map((s) => {
      let at = s.stmt_location ?? 0;
      // the parser's statement starts at the spaces and comments before its first token
      const rest = bytes.subarray(at).toString();
      const lead = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/.exec(rest)[0];
      at += Buffer.byteLength(lead);
      return bytes.subarray(0, at).toString().split('\n').length;
    });
  } catch {
    return undefined;
  }
}

function lintProject(project) {
  const dir = gitDir(project.repo);
  const paths = migrationPaths(project, dir);
  const window = paths.slice(-project.window);
  const work = mkdtempSync(join(tmpdir(), `real-migrations-${project.name}-`));
  const read = (path) => execFileSync('git', ['--git-dir', dir, 'show', `${project.commit}:${path}`]);
  const write = (path) => {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), read(path));
  };
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'b@e',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'b@e',
  };
  const commit = (message) => {
    execFileSync('git', ['add', '-A'], { cwd: work, env });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: work, env });
    return git(work, ['rev-parse', 'HEAD']).trim();
  };
  git(work, ['init', '-q']);
  for (const path of paths.slice(0, -project.window)) write(path);
  const commits = [commit('history')];
  for (const path of window) {
    write(path);
    commits.push(commit(path));
  }

  const ours = [];
  const action = join(root, 'dist', 'migration-lint', 'index.js');
  window.forEach((path, i) => {
    const out = join(work, '.out');
    writeFileSync(out, '');
    const result = spawnSync(process.execPath, [action], {
      cwd: work,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: work,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: join(work, '.summary'),
        INPUT_PATHS: project.paths.replace(/\*/g, '**'),
        INPUT_RUNNER: project.runner,
        INPUT_BASE: commits[i],
        INPUT_HEAD: commits[i + 1],
        'INPUT_FAIL-ON': 'never',
      },
    });
    if (result.status !== 0)
      throw new Error(`migration-lint failed on ${path}: ${result.stdout}${result.stderr}`);
    for (const f of JSON.parse(readOutput(readFileSync(out, 'utf8'), 'findings') ?? '[]'))
      ours.push({ file: f.file, line: f.line, rule: f.rule, message: f.message });
  });

  const squawkBin = peerBin('squawk');
  if (!squawkBin) throw new Error('squawk is missing: run `npm run bench:peers`');
  const squawk = spawnSync(
    squawkBin,
    ['--reporter', 'json', '--assume-in-transaction', `--exclude=${SQUAWK_STYLE.join(',')}`, ...window],
    { cwd: work, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (squawk.status > 1 || !squawk.stdout.trim().startsWith('['))
    throw new Error(`squawk failed (${squawk.status}): ${squawk.stderr}`);
  const theirs = JSON.parse(squawk.stdout).map((f) => ({
    file: f.file,
    line: f.line + 1, // squawk's lines are 0-based
    rule: f.rule_name,
    message: f.message,
  }));

  const texts = new Map(window.map((path) => [path, read(path).toString('utf8')]));
  rmSync(work, { recursive: true, force: true });
  return { window, texts, ours, theirs };
}

/** The item a finding belongs to: its hazard class on its statement (lock-timeout: the file). */
function itemOf(project, finding, starts) {
  const cls = CLASS[finding.rule] ?? finding.rule;
  if (cls === 'lock-timeout') return { key: `${project}|${finding.file}|file|${cls}`, line: 0, cls };
  const line = starts ? (starts.filter((s) => s <= finding.line).at(-1) ?? finding.line) : finding.line;
  return { key: `${project}|${finding.file}|${line}|${cls}`, line, cls };
}

await loadModule();
const items = new Map();
const raw = {};
for (const project of projects) {
  console.error(`${project.name}: linting the newest ${project.window} migrations of ${project.repo}`);
  const { window, texts, ours, theirs } = lintProject(project);
  raw[project.name] = { files: window, ours, squawk: theirs };
  const starts = new Map(window.map((path) => [path, statementLines(texts.get(path))]));
  for (const [tool, findings] of [
    ['ours', ours],
    ['squawk', theirs],
  ]) {
    for (const f of findings) {
      const { key, line, cls } = itemOf(project.name, f, starts.get(f.file));
      const item = items.get(key) ?? {
        key,
        project: project.name,
        file: f.file,
        line,
        cls,
        statement: line ? texts.get(f.file).split('\n')[line - 1].trim().slice(0, 70) : '',
        ours: [],
        squawk: [],
      };
      if (!item[tool].includes(f.rule)) item[tool].push(f.rule);
      items.set(key, item);
    }
  }
}
// squawk reports a foreign key without NOT VALID twice (adding-foreign-key-constraint and
// constraint-missing-not-valid): one hazard, one item
for (const item of [...items.values()]) {
  if (item.cls !== 'validating-constraint') continue;
  const fk = items.get(item.key.replace(/validating-constraint$/, 'validating-foreign-key'));
  if (!fk) continue;
  for (const tool of ['ours', 'squawk']) fk[tool] = [...new Set([...fk[tool], ...item[tool]])];
  items.delete(item.key);
}
writeFileSync(join(here, 'results.json'), `${JSON.stringify(raw, null, 1)}\n`);

const pending = [...items.values()].filter((i) => !adjudicated[i.key]);
const sorted = [...items.values()].sort(
  (a, b) => collator.compare(a.project, b.project) || collator.compare(a.file, b.file) || a.line - b.line,
);
const score = (tool, project) => {
  // NA: a report that a statement was not analysed, not a claim that it is dangerous
  const scope = sorted.filter(
    (i) => (!project || i.project === project) && adjudicated[i.key] && adjudicated[i.key][0] !== 'NA',
  );
  const truths = scope.filter((i) => adjudicated[i.key][0] === 'TP');
  const flagged = scope.filter((i) => i[tool].length);
  const right = flagged.filter((i) => adjudicated[i.key][0] === 'TP');
  return {
    flagged: flagged.length,
    tp: right.length,
    fp: flagged.length - right.length,
    fn: truths.length - right.length,
    precision: flagged.length ? right.length / flagged.length : 1,
    recall: truths.length ? right.length / truths.length : 1,
  };
};
const pct = (x) => x.toFixed(3);
const lines = [
  '# migration-lint and squawk on real migration histories',
  '',
  `Generated by \`npm run bench:real-migrations\` from [cases.json](cases.json) and the hand adjudication in [adjudication.json](adjudication.json). squawk-cli ${JSON.parse(readFileSync(join(root, '.bench-peers/node_modules/squawk-cli/package.json'), 'utf8')).version} with \`--assume-in-transaction\`, without its style rules (${SQUAWK_STYLE.join(', ')}).`,
  '',
  'An item is one hazard class on one statement (lock-timeout: once per file); a tool flags it when any of its rules of that class fires there. TP: the statement does what the rule says to a table an earlier migration created (which holds data in production) or breaks the running app version; FP: it does not (measured where the table says so); NA: a report that dynamic SQL was not analysed, left out of the scores. Precision: true items flagged / items flagged. Recall: true items flagged / all true items that either tool found (pooled: a hazard neither tool flags is not counted).',
  '',
  '| Project | Tool | Items flagged | True | False | Missed | Precision | Recall |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const project of [...projects.map((p) => p.name), undefined]) {
  for (const tool of ['ours', 'squawk']) {
    const s = score(tool, project);
    lines.push(
      `| ${project ?? '**all**'} | ${tool === 'ours' ? 'migration-lint' : 'squawk'} | ${s.flagged} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`,
    );
  }
}
lines.push(
  '',
  '## Items',
  '',
  '| Project | File:line | Class | Statement | migration-lint | squawk | Verdict | Reason |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
);
const cell = (text) => text.replace(/\|/g, '\\|');
for (const i of sorted) {
  const [verdict, reason] = adjudicated[i.key] ?? ['?', 'not adjudicated yet'];
  lines.push(
    `| ${i.project} | ${i.file.split('/').slice(-2).join('/')}${i.line ? `:${i.line}` : ''} | ${i.cls} | ${cell(i.statement)} | ${i.ours.join(', ') || '—'} | ${i.squawk.join(', ') || '—'} | ${verdict} | ${cell(reason)} |`,
  );
}
writeFileSync(join(here, 'results.md'), `${lines.join('\n')}\n`);
writeFileSync(
  join(here, 'pending.json'),
  `${JSON.stringify(Object.fromEntries(pending.map((i) => [i.key, { statement: i.statement, ours: i.ours, squawk: i.squawk }])), null, 1)}\n`,
);
console.log(`${items.size} items, ${pending.length} not adjudicated yet (pending.json)`);
for (const tool of ['ours', 'squawk']) {
  const s = score(tool);
  console.log(
    `${tool}: precision ${pct(s.precision)}, recall ${pct(s.recall)} (${s.tp} true, ${s.fp} false, ${s.fn} missed)`,
  );
}
