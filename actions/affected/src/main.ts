import { resolve } from 'node:path';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { UserError } from '../../../shared/errors.js';
import { Git } from '../../../shared/git.js';
import { parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { planRange, resolveRange } from '../../../shared/range.js';
import { analyse } from './analyse.js';
import { buildOutputs, buildSummary, describeResult } from './report.js';
import { readHeadEarly } from './revisions.js';
import { inputs, settingsOf, unknownInputKeys } from './settings.js';

export { inputs };

export async function run(io: ActionIO): Promise<void> {
  const workspace = resolve(io.env.GITHUB_WORKSPACE || process.cwd());
  const trace = (line: string) => io.log.debug(line);
  // git's cat-file starts in the workspace while the inputs are read: most runs have no other folder.
  const prepared = new Git(workspace, { trace });
  prepared.prepare();
  const options = await parseInputs(inputs, io);
  const settings = settingsOf(options);
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const folder = resolveInside(workspace, options['working-directory'] || '.', 'working-directory');
  const git = folder === workspace ? prepared : new Git(folder, { trace });
  const plan = planRange(ctx, { base: options.base, head: options.head });
  const early = readHeadEarly(git, plan.head);
  // Asked only when git failed: a missing repository explains any git failure.
  const range = await resolveRange(git, plan).catch(async (error: unknown) => {
    if (await git.isRepository()) throw error;
    throw new UserError(
      `${options['working-directory'] || 'The workspace'} is not a git repository; check out the code first (actions/checkout).`,
    );
  });
  io.log.info(`Comparing ${range.base.slice(0, 12)}..${range.head.slice(0, 12)} (${range.rule})`);
  for (const warning of range.warnings) io.log.warning(warning);

  const { result, head, changes, verdicts } = await analyse(git, range, settings, early);
  for (const warning of unknownInputKeys(settings, head)) io.log.warning(warning);
  io.log.info(`${head.projects.length} projects, ${changes.length} changed files`);
  for (const warning of verdicts.warnings) io.log.warning(warning);

  const outputs = buildOutputs(result);
  for (const warning of [...head.warnings, ...outputs.warnings]) io.log.warning(warning);
  for (const [name, value] of Object.entries(outputs.values)) io.setOutput(name, value);
  await io.writeSummary(
    buildSummary(result, {
      base: range.base,
      head: range.head,
      rule: range.rule,
      workspace: head,
      warnings: [...range.warnings, ...verdicts.warnings, ...head.warnings, ...outputs.warnings],
      lockfileNotes: verdicts.notes,
    }),
  );
  io.log.info(describeResult(result, head));
}
