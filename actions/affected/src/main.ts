import { z } from 'zod';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { UserError } from '../../../shared/errors.js';
import { type ChangedFile, Git } from '../../../shared/git.js';
import { globList } from '../../../shared/glob.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { planRange, resolveRange } from '../../../shared/range.js';
import { computeAffected } from './affected.js';
import { type ExplicitProject, discoverWorkspace } from './discover.js';
import { assertAcyclic } from './graph.js';
import { embedCandidates, embeddedFiles } from './go-embed.js';
import { InputRules } from './inputs.js';
import { lockfileVerdicts } from './lockfile-changes.js';
import { isLockfile } from './lockfiles/index.js';
import { manifestPaths } from './manifests.js';
import type { Workspace } from './model.js';
import { buildOutputs, buildSummary } from './report.js';

const globs = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? [v] : v));
const projectsSchema = z.record(
  z.string(),
  z.union([
    globs.transform((paths) => ({
      paths,
      'depends-on': [] as string[],
      path: undefined as string | undefined,
    })),
    z.strictObject({
      paths: globs,
      'depends-on': z.array(z.string()).default([]),
      path: z.string().optional(),
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
  const options = parseInputs(inputs, io);
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const isGlobal = globList(orNone(options['global-files']), 'global-files');
  const isIgnored = globList(orNone(options.ignore), 'ignore');
  for (const patterns of Object.values(options.inputs)) globList(patterns, 'inputs'); // fail early on a bad glob
  const explicit: ExplicitProject[] = Object.entries(options.projects).map(([name, p]) => ({
    name,
    paths: p.paths,
    dependsOn: p['depends-on'],
    path: p.path,
  }));

  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
  const git = new Git(resolveInside(workspace, options['working-directory'] || '.', 'working-directory'), {
    trace: (line) => io.log.debug(line),
  });
  // Checked beside the range (one process fewer on the way): a missing repository explains any git failure.
  const isRepository = git.isRepository();
  const notRepository = new UserError(
    `${options['working-directory'] || 'The workspace'} is not a git repository; check out the code first (actions/checkout).`,
  );
  const range = await resolveRange(git, planRange(ctx, { base: options.base, head: options.head })).catch(
    async (error: unknown) => {
      throw (await isRepository) ? error : notRepository;
    },
  );
  if (!(await isRepository)) throw notRepository;
  io.log.info(`Comparing ${range.base.slice(0, 12)}..${range.head.slice(0, 12)} (${range.rule})`);
  for (const warning of range.warnings) io.log.warning(warning);

  const [changes, tree] = await Promise.all([
    git.changedFiles(range.base, range.head),
    git.listTree(range.head),
  ]);
  const files = tree.map((entry) => entry.path);
  const headContents = await readManifests(git, tree);
  const head = discoverWorkspace(files, headContents, explicit);
  const { workspace: base, contents: baseContents } = await baseWorkspace(
    git,
    range.base,
    changes,
    files,
    headContents,
    explicit,
    head,
  );
  assertAcyclic(head.projects);
  io.log.info(`${head.projects.length} projects, ${changes.length} changed files`);

  const lockfiles = changes.filter((c) => isLockfile(c.path) && !isIgnored(c.path) && !isGlobal(c.path));
  const [before, after] = await Promise.all([
    readAt(
      git,
      range.base,
      lockfiles.filter((c) => c.status !== 'A').map((c) => c.oldPath ?? c.path),
    ),
    readAt(
      git,
      range.head,
      lockfiles.filter((c) => c.status !== 'D').map((c) => c.path),
    ),
  ]);
  const verdicts = lockfileVerdicts(
    lockfiles.map((c) => ({
      path: c.path,
      before: before.get(c.oldPath ?? c.path),
      after: after.get(c.path),
    })),
    base,
    head,
    (project, side) => (side === 'after' ? headContents : baseContents).get(project.manifest),
  );
  for (const warning of verdicts.warnings) io.log.warning(warning);

  const rules = new InputRules(
    new Map(Object.entries(options.inputs)),
    await goEmbedded(git, range.head, changes, head, files),
  );
  const result = computeAffected({
    base,
    head,
    changes,
    inputs: rules,
    isIgnored,
    isGlobal,
    isLockfile,
    lockfileSeeds: verdicts.seeds,
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

/**
 * The workspace at base. When no manifest changed it is the head workspace itself; otherwise the base
 * file list is the head's with the changes undone, and only the changed manifests are read again.
 */
async function baseWorkspace(
  git: Git,
  base: string,
  changes: readonly ChangedFile[],
  headFiles: readonly string[],
  headContents: ReadonlyMap<string, string | undefined>,
  explicit: readonly ExplicitProject[],
  head: Workspace,
): Promise<{ workspace: Workspace; contents: ReadonlyMap<string, string | undefined> }> {
  const touched = changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
  if (!manifestPaths(touched).length) return { workspace: head, contents: headContents };
  const files = new Set(headFiles);
  for (const change of changes) {
    if (change.status === 'A' || change.status === 'R') files.delete(change.path);
    if (change.status === 'D') files.add(change.path);
    if (change.oldPath) files.add(change.oldPath);
  }
  const list = [...files];
  const changedAtBase = new Set(changes.filter((c) => c.status !== 'A').map((c) => c.oldPath ?? c.path));
  const reread = manifestPaths(list).filter((p) => changedAtBase.has(p));
  const fresh = await readAt(git, base, reread);
  const contents = new Map(
    manifestPaths(list).map((p) => [p, fresh.has(p) ? fresh.get(p) : headContents.get(p)]),
  );
  return { workspace: discoverWorkspace(list, contents, explicit), contents };
}

/** Reads files at a revision, without starting git when there is nothing to read. */
function readAt(
  git: Git,
  commit: string,
  paths: readonly string[],
): Promise<ReadonlyMap<string, string | undefined>> {
  return paths.length ? git.readFiles(commit, paths) : Promise.resolve(new Map());
}

/** The head's manifests, read by blob id in one batch (no tree walk per path). */
async function readManifests(
  git: Git,
  tree: readonly { path: string; oid: string }[],
): Promise<Map<string, string | undefined>> {
  const paths = manifestPaths(tree.map((entry) => entry.path));
  const oidOf = new Map(tree.map((entry) => [entry.path, entry.oid]));
  const blobs = paths.length
    ? await git.readBlobs(paths.map((p) => oidOf.get(p)!))
    : new Map<string, string | undefined>();
  return new Map(paths.map((p) => [p, blobs.get(oidOf.get(p)!)]));
}

/** Changed files that a Go module embeds (`//go:embed`): inputs of that module although not Go sources. */
async function goEmbedded(
  git: Git,
  head: string,
  changes: readonly ChangedFile[],
  workspace: Workspace,
  files: readonly string[],
): Promise<Set<string>> {
  const modules = workspace.projects.filter((p) => p.ecosystem === 'go');
  if (!modules.length) return new Set();
  const touched = changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
  const candidates = embedCandidates(touched, modules, files);
  return candidates.size
    ? embeddedFiles(candidates, await git.readFiles(head, [...candidates.keys()]))
    : new Set();
}
