import { relative } from 'node:path';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { StepFailed, UserError } from '../../../shared/errors.js';
import { writeInside } from '../../../shared/files.js';
import { Git } from '../../../shared/git.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { planRange } from '../../../shared/range.js';
import { redactDeep } from '../../../shared/redact.js';
import type { DynamicResult } from './dynamic.js';
import { type SourceFile, lintMigrations, nothingLinted } from './lint.js';
import { type FailOn, annotations, orderFindings, tally, verdict, workLine } from './outcome.js';
import { type ParserOptions, compileParser, loadParser } from './parser.js';
import { buildSummary } from './report.js';
import { RUNNERS, type Runner } from './runners.js';
import { toSarif } from './sarif.js';
import { allFiles, migrationsInRange } from './sources.js';

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
/** A step owns its process: the parser may set V8's process-wide compiler flags. */
const PARSER: ParserOptions = { baselineOnly: true };

export async function run(io: ActionIO): Promise<void> {
  const options = await parseInputs(inputs, io, { secret: ['database-url'] });
  // compiling the parser's WebAssembly runs off the main thread: overlap it with reading every file
  // (a pull request starts it once its diff shows a changed migration: most change none)
  if (options.all) compileParser(PARSER);
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
  if (options.all) change = allFiles(workspace, selection, io.log);
  else {
    const git = new Git(workspace, { trace: (line) => io.log.debug(line) });
    const { base: from, head: to } = options;
    const plan = planRange(eventContext(io.env, readEventPayload(io.env)), { base: from, head: to });
    // the parser's start (main thread) overlaps reading the history, once a migration changed
    const found = await migrationsInRange(git, workspace, plan, selection, () =>
      loadParser(PARSER).catch(() => {}),
    );
    for (const warning of found.warnings) io.log.warning(warning);
    io.log.info(`Comparing ${found.range}: ${found.rule}.`);
    ({ base, change, range } = found);
  }
  io.log.info(workLine(change.length, base.length));

  const lint = change.length
    ? lintMigrations(await loadParser(PARSER), base, change, {
        postgresVersion: options['postgres-version'],
        runner: options.runner as Runner | 'auto',
        scope: options.all ? 'all' : 'change',
        collect: !!databaseUrl,
      })
    : nothingLinted();
  let dynamic: DynamicResult | undefined;
  if (databaseUrl && lint.change.length) {
    const { runDynamicCheck, dynamicFindings } = await import('./dynamic.js');
    dynamic = await io.log.group('Dynamic check on PostgreSQL', () =>
      runDynamicCheck(databaseUrl, options['scratch-database'], lint),
    );
    lint.findings.push(...dynamicFindings(dynamic));
  }
  const findings = orderFindings(lint.findings);

  for (const annotation of annotations(findings)) io.annotate(annotation);
  const counts = tally(findings);
  io.setOutput('findings', findings);
  io.setOutput('error-count', counts.errors);
  io.setOutput('warning-count', counts.warnings);
  io.setOutput(
    'files',
    lint.files.map((f) => f.path),
  );
  io.setOutput('observations', dynamic?.observations ?? []);
  if (sarifPath) {
    // Code scanning shows SARIF messages (quoted SQL) to everyone with read access: redacted.
    const sarif = redactDeep(toSarif(findings, VERSION), io.redact);
    writeInside(workspace, sarifPath, `${JSON.stringify(sarif, null, 2)}\n`, sarifPlace);
    const shown = relative(workspace, sarifPath);
    io.setOutput('sarif-file', shown.startsWith('..') ? sarifPath : shown);
  } else io.setOutput('sarif-file', '');
  const failOn = options['fail-on'] as FailOn;
  await io.writeSummary(buildSummary({ findings, files: lint.files, dynamic, range, failOn }));

  const end = verdict(counts, lint.files, failOn);
  if (end?.kind === 'unreadable') throw new UserError(end.message, { exitCode: 2 });
  if (end) throw new StepFailed(end.message);
}
