import { relative } from 'node:path';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { StepFailed, UserError } from '../../../shared/errors.js';
import { writeInside } from '../../../shared/files.js';
import { Git } from '../../../shared/git.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { planRange, resolveRange } from '../../../shared/range.js';
import { redactDeep } from '../../../shared/redact.js';
import type { DynamicResult } from './dynamic.js';
import { type Finding, type LintResult, type SourceFile, finding, lintMigrations } from './lint.js';
import { loadParser } from './parser.js';
import { buildSummary } from './report.js';
import { RUNNERS, type Runner } from './runners.js';
import { toSarif } from './sarif.js';
import { allFiles, changedMigrations } from './sources.js';

export const inputs = {
  paths: input.list(),
  all: input.boolean(),
  'include-down': input.boolean(),
  runner: input.oneOf(RUNNERS),
  'postgres-version': input.integer(9, 18),
  'database-url': input.optional(),
  'scratch-database': input.boolean(),
  'fail-on': input.oneOf(['error', 'warning', 'never']),
  'sarif-file': input.optional(),
  base: input.optional(),
  head: input.optional(),
};

const VERSION = '1.0.0';

export async function run(io: ActionIO): Promise<void> {
  const options = await parseInputs(inputs, io, { secret: ['database-url'] });
  // compiling the parser's WebAssembly runs off the main thread: overlap it with git and file reading
  const parserReady = loadParser();
  parserReady.catch(() => {}); // awaited below; this only keeps an early user error from looking unhandled
  const databaseUrl = options['database-url'];
  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
  const sarifPlace = { input: 'sarif-file', extraRoots: io.env.RUNNER_TEMP ? [io.env.RUNNER_TEMP] : [] };
  // checked before any work, so a bad path fails fast
  const sarifPath = options['sarif-file']
    ? resolveInside(workspace, options['sarif-file'], sarifPlace.input, sarifPlace.extraRoots)
    : undefined;
  const selection = { patterns: options.paths, includeDown: options['include-down'] };

  let base: SourceFile[] = [];
  let change: SourceFile[];
  let range: string | undefined;
  if (options.all) {
    change = allFiles(workspace, selection, io.log);
  } else {
    const git = new Git(workspace, { trace: (line) => io.log.debug(line) });
    if (!(await git.isRepository()))
      throw new UserError(
        `${workspace} is not a git repository: check out the repository first, or set all: true to lint every migration file.`,
      );
    const ctx = eventContext(io.env, readEventPayload(io.env));
    const resolved = await resolveRange(git, planRange(ctx, { base: options.base, head: options.head }));
    for (const warning of resolved.warnings) io.log.warning(warning);
    range = `${resolved.base.slice(0, 7)}..${resolved.head.slice(0, 7)}`;
    io.log.info(`Comparing ${range}: ${resolved.rule}.`);
    ({ base, change } = await changedMigrations(git, workspace, resolved.base, resolved.head, selection));
  }
  io.log.info(
    `${change.length} migration files to lint, ${base.length} earlier ones replayed for schema state.`,
  );

  const parser = await parserReady;
  const lint = lintMigrations(parser, base, change, {
    postgresVersion: options['postgres-version'],
    runner: options.runner as Runner | 'auto',
    scope: options.all ? 'all' : 'change',
    collect: !!databaseUrl,
  });

  let dynamic: DynamicResult | undefined;
  if (databaseUrl && lint.change.length) {
    dynamic = await io.log.group('Dynamic check on PostgreSQL', () =>
      runDynamic(databaseUrl, options['scratch-database'], lint),
    );
    lint.findings.push(...dynamicFindings(dynamic));
  }
  const findings = lint.findings.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule),
  );

  findings.forEach((f) =>
    io.annotate({
      level: f.severity,
      title: `migration-lint ${f.rule}${f.lock ? ` (${f.lock})` : ''}`,
      message: `${f.message}\nSafe recipe: ${f.fix}`,
      file: f.file,
      line: f.line,
      column: f.column,
    }),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  io.setOutput('findings', findings);
  io.setOutput('error-count', errors);
  io.setOutput('warning-count', warnings);
  io.setOutput(
    'files',
    lint.files.map((f) => f.path),
  );
  io.setOutput('observations', dynamic?.observations ?? []);
  if (sarifPath) {
    // Code scanning shows SARIF messages (quoted SQL) to everyone with read access: redacted.
    const sarif = redactDeep(toSarif(findings, VERSION), io.redact);
    writeInside(workspace, sarifPath, `${JSON.stringify(sarif, null, 2)}\n`, sarifPlace);
    io.setOutput(
      'sarif-file',
      relative(workspace, sarifPath).startsWith('..') ? sarifPath : relative(workspace, sarifPath),
    );
  } else io.setOutput('sarif-file', '');
  await io.writeSummary(
    buildSummary({ findings, files: lint.files, dynamic, range, failOn: options['fail-on'] }),
  );

  if (lint.files.length && !lint.files.some((f) => f.analysed)) {
    throw new UserError(
      `None of the ${lint.files.length} migration files could be analysed (undecodable, empty or not PostgreSQL); see the findings.`,
      { exitCode: 2 },
    );
  }
  const failing =
    options['fail-on'] === 'never' ? 0 : options['fail-on'] === 'warning' ? errors + warnings : errors;
  if (failing)
    throw new StepFailed(
      `migration-lint: ${errors} errors and ${warnings} warnings in ${lint.files.length} migration files.`,
    );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function runDynamic(url: string, scratch: boolean, lint: LintResult): Promise<DynamicResult> {
  const { Postgres } = await import('../../../shared/postgres.js');
  const { assertEmpty, observeChange } = await import('./dynamic.js');
  const db = await Postgres.connect(url, { source: 'database-url' });
  try {
    await assertEmpty(db, scratch);
    return await observeChange(db, lint.base, lint.change);
  } finally {
    await db.close();
  }
}

/** Findings from what the database did: rewrites of existing tables, and statements that failed. */
function dynamicFindings(dynamic: DynamicResult): Finding[] {
  return dynamic.observations.flatMap((o) => [
    ...(o.rewritten.length
      ? [
          finding(
            o.file,
            'observed-rewrite',
            `PostgreSQL rewrote ${o.rewritten.join(', ')} (locks: ${o.locks.join(', ') || 'none new'}).`,
            o.line,
            1,
          ),
        ]
      : []),
    ...(o.error
      ? [finding(o.file, 'observed-failure', `PostgreSQL refused the statement: ${o.error}.`, o.line, 1)]
      : []),
  ]);
}
