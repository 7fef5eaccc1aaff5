import * as z from '../../../shared/zod.js';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { UserError } from '../../../shared/errors.js';
import { Git } from '../../../shared/git.js';
import { globList } from '../../../shared/glob.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { confineRelative, resolveInside } from '../../../shared/paths.js';
import { withYaml } from '../../../shared/yaml.js';
import { planRange, resolveRange } from '../../../shared/range.js';
import { computeAffected } from './affected.js';
import { type ExplicitProject, discoverWorkspace } from './discover.js';
import { dependencyCycles } from './graph.js';
import { InputRules } from './inputs.js';
import { lockfileVerdicts } from './lockfile-changes.js';
import { isLockfile } from './lockfiles/index.js';
import { ECOSYSTEMS } from './model.js';
import { buildOutputs, buildSummary } from './report.js';
import {
  baseWorkspace,
  configReaders,
  goEmbedded,
  linkThroughLockfiles,
  readHead,
  readLockfiles,
} from './revisions.js';

const globs = z.pipe(
  z.union([z.string(), z.array(z.string())]),
  z.transform((v: string | string[]) => (typeof v === 'string' ? [v] : v)),
);
const projectsSchema = z.record(
  z.string(),
  z.union([
    z.pipe(
      globs,
      z.transform((paths: string[]) => ({
        paths,
        'depends-on': [] as string[],
        path: undefined as string | undefined,
      })),
    ),
    z.strictObject({
      paths: globs,
      'depends-on': z._default(z.array(z.string()), []),
      path: z.optional(z.string()),
    }),
  ]),
);

export const inputs = {
  base: input.optional(),
  head: input.optional(),
  'include-dependents': input.boolean(),
  'include-dependencies': input.boolean(),
  'global-files': input.list(),
  ignore: input.list(),
  projects: input.yaml(projectsSchema, {}, 'a mapping of project name to {paths, depends-on, path}'),
  inputs: input.yaml(z.record(z.string(), globs), {}, 'a mapping of project or ecosystem name to globs'),
  'working-directory': input.text(),
};

/** `none` turns a list input with a default off (an empty input gets the default). */
const orNone = (list: string[]) => (list.length === 1 && list[0] === 'none' ? [] : list);

export async function run(io: ActionIO): Promise<void> {
  const options = await parseInputs(inputs, io);
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const isGlobal = globList(orNone(options['global-files']), 'global-files');
  const isIgnored = globList(orNone(options.ignore), 'ignore');
  for (const patterns of Object.values(options.inputs)) globList(patterns, 'inputs'); // fail early on a bad glob
  const explicit: ExplicitProject[] = Object.entries(options.projects).map(([name, p]) => ({
    name,
    paths: p.paths,
    dependsOn: p['depends-on'],
    path: p.path === undefined ? undefined : confineRelative(p.path, 'projects'),
  }));

  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
  const git = new Git(resolveInside(workspace, options['working-directory'] || '.', 'working-directory'), {
    trace: (line) => io.log.debug(line),
  });
  const plan = planRange(ctx, { base: options.base, head: options.head });
  // The head's files do not depend on the base: list and read them while base and merge-base resolve.
  const early = git
    .tryResolve(plan.head)
    .then((sha) => (sha ? readHead(git, sha) : undefined))
    .catch(() => undefined);
  // Asked only when git failed: a missing repository explains any git failure.
  const range = await resolveRange(git, plan).catch(async (error: unknown) => {
    if (await git.isRepository()) throw error;
    throw new UserError(
      `${options['working-directory'] || 'The workspace'} is not a git repository; check out the code first (actions/checkout).`,
    );
  });
  io.log.info(`Comparing ${range.base.slice(0, 12)}..${range.head.slice(0, 12)} (${range.rule})`);
  for (const warning of range.warnings) io.log.warning(warning);

  const [changes, { files, contents: headContents }] = await Promise.all([
    git.changedFiles(range.base, range.head),
    early.then((snapshot) => (snapshot?.sha === range.head ? snapshot : readHead(git, range.head))),
  ]);
  // withYaml: the full YAML parser loads only when a workspace file or lockfile needs more than the fast reader.
  const head = await withYaml(() => discoverWorkspace(files, headContents, explicit));
  const { workspace: base, contents: baseContents } = await withYaml(() =>
    baseWorkspace(git, range.base, changes, files, headContents, explicit, head),
  );
  await withYaml(async () => {
    await linkThroughLockfiles(git, range.head, files, head);
    if (base !== head) await linkThroughLockfiles(git, range.base, files, base);
  });
  const cycles = dependencyCycles(head.projects);
  for (const key of Object.keys(options.inputs))
    if (!head.byName.has(key) && !(ECOSYSTEMS as readonly string[]).includes(key))
      io.log.warning(
        `Input "inputs" names ${JSON.stringify(key)}, which is neither a project nor an ecosystem (${ECOSYSTEMS.join(', ')}); it is ignored.`,
      );
  io.log.info(`${head.projects.length} projects, ${changes.length} changed files`);

  const lockfiles = await readLockfiles(
    git,
    range,
    changes.filter((c) => isLockfile(c.path) && !isIgnored(c.path) && !isGlobal(c.path)),
  );
  const verdicts = await withYaml(() =>
    lockfileVerdicts(lockfiles, base, head, (project, side) =>
      (side === 'after' ? headContents : baseContents).get(project.manifest),
    ),
  );
  for (const warning of verdicts.warnings) io.log.warning(warning);

  const rules = new InputRules(
    new Map(Object.entries(options.inputs)),
    await goEmbedded(git, range.head, changes, head, files),
  );
  const readBy = await configReaders(git, range.head, changes, head, files);
  const result = computeAffected({
    base,
    head,
    changes,
    inputs: rules,
    isIgnored,
    isGlobal,
    isLockfile,
    lockfileSeeds: verdicts.seeds,
    readBy,
    cycles,
    includeDependents: options['include-dependents'],
    includeDependencies: options['include-dependencies'],
  });
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
  io.log.info(
    result.all
      ? `All ${result.projects.length} projects affected: global file ${result.globalFiles[0]} changed.`
      : `${result.projects.length} of ${head.projects.length} projects affected: ${result.projects.map((p) => p.name).join(', ') || 'none'}`,
  );
}
