// The git side of the action: what it reads at each revision, in as few git processes as possible.
import { type ChangedFile, type Git, isObjectId } from '../../../shared/git.js';
import { type ExplicitProject, discoverWorkspace } from './discover.js';
import { embedCandidates, embeddedFiles } from './go-embed.js';
import { Owners } from './inputs.js';
import { YamlNotLoaded } from '../../../shared/yaml.js';
import type { LockfileChange } from './lockfile-changes.js';
import { addLockfileLinks, mayLinkThroughPackages } from './lockfile-links.js';
import { FIXTURE_DIR, manifestPaths } from './manifests.js';
import { type Workspace, baseName } from './model.js';
import { configFiles, mayBeConfig, readers } from './tsconfig.js';

/** Every path a change names: a rename's old path and new path. */
export function touchedPaths(changes: readonly ChangedFile[]): string[] {
  return changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
}

/**
 * The workspace at base. When no manifest changed it is the head workspace itself; otherwise the base
 * file list is the head's with the changes undone, and only the changed manifests are read again.
 */
export async function baseWorkspace(
  git: Git,
  base: string,
  changes: readonly ChangedFile[],
  headFiles: readonly string[],
  headContents: ReadonlyMap<string, string | undefined>,
  explicit: readonly ExplicitProject[],
  head: Workspace,
): Promise<{ workspace: Workspace; contents: ReadonlyMap<string, string | undefined> }> {
  const touched = touchedPaths(changes);
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

/** A commit's file list and the contents of its manifests (see manifestPaths). */
export interface HeadSnapshot {
  sha: string;
  files: string[];
  /** Regular file path -> blob id, from the one `ls-tree` of the commit. */
  tree: ReadonlyMap<string, string>;
  contents: Map<string, string | undefined>;
  /** The pnpm lockfiles the links may need (see linkLockfiles), read with the manifests. */
  lockfiles: ReadonlyMap<string, string | undefined>;
}

/**
 * The head's snapshot, started before the range resolves (the head's files do not depend on the
 * base); undefined when the revision does not resolve yet, so the caller reads it once it does. A
 * whole commit id (what a runner's event gives) is listed while it is resolved: the listing does not
 * wait for git's first answer, and is kept only when the id names that commit.
 */
export function readHeadEarly(git: Git, revision: string): Promise<HeadSnapshot | undefined> {
  const listed = isObjectId(revision) ? readHead(git, revision).catch(() => undefined) : undefined;
  return git
    .tryResolve(revision)
    .then((sha) => (sha === undefined ? undefined : sha === revision && listed ? listed : readHead(git, sha)))
    .catch(() => undefined);
}

/**
 * A commit's file list, its manifests and its pnpm lockfiles, read by blob id in one batch (no tree
 * walk per path, no second read for the lockfiles the links need).
 */
export async function readHead(git: Git, sha: string): Promise<HeadSnapshot> {
  const tree = await git.listTree(sha);
  const files = [...tree.keys()];
  const lockfilePaths = linkLockfiles(files);
  const contents = await readListed(git, tree, [...manifestPaths(files), ...lockfilePaths]);
  const lockfiles = new Map(lockfilePaths.map((path) => [path, contents.get(path)]));
  for (const path of lockfilePaths) contents.delete(path);
  return { sha, files, tree, contents, lockfiles };
}

/** The pnpm lockfiles whose links a workspace may need (lockfile-links.ts): fixtures' are not. */
function linkLockfiles(files: readonly string[]): string[] {
  return files.filter((p) => baseName(p) === 'pnpm-lock.yaml' && !FIXTURE_DIR.test(p));
}

/**
 * Files of a listed tree, by blob id in one `cat-file` (no `ls-tree` per batch to find links: the
 * listing holds regular files only). A path not in it (missing, a link, a folder) maps to undefined.
 */
async function readListed(
  git: Git,
  tree: ReadonlyMap<string, string>,
  paths: readonly string[],
): Promise<Map<string, string | undefined>> {
  const listed = paths.filter((p) => tree.has(p));
  const blobs = listed.length
    ? await git.readBlobs(listed.map((p) => [p, tree.get(p)!]))
    : new Map<string, string | undefined>();
  return new Map(paths.map((p) => [p, blobs.get(p)]));
}

/** Changed files that a Go module embeds (`//go:embed`): inputs of that module although not Go sources. */
export async function goEmbedded(
  git: Git,
  head: HeadSnapshot,
  changes: readonly ChangedFile[],
  workspace: Workspace,
): Promise<Set<string>> {
  const modules = workspace.projects.filter((p) => p.ecosystem === 'go');
  if (!modules.length) return new Set();
  const touched = touchedPaths(changes);
  const candidates = embedCandidates(touched, modules, head.files);
  return candidates.size
    ? embeddedFiles(candidates, await readListed(git, head.tree, [...candidates.keys()]))
    : new Set();
}

/** Texts of files by path, read at the base and at the head. */
export interface ReadTexts {
  base: ReadonlyMap<string, string | undefined>;
  head: ReadonlyMap<string, string | undefined>;
}

/**
 * Before and after texts of the changed lockfiles (a rename is read at its old path before); those
 * in `known` (the pnpm lockfiles the links were read from) are not read again.
 */
export async function readLockfiles(
  git: Git,
  base: string,
  head: HeadSnapshot,
  changes: readonly ChangedFile[],
  known: ReadTexts = { base: new Map(), head: new Map() },
): Promise<LockfileChange[]> {
  const [before, after] = await Promise.all([
    readAt(
      git,
      base,
      changes
        .filter((c) => c.status !== 'A' && !known.base.has(c.oldPath ?? c.path))
        .map((c) => c.oldPath ?? c.path),
    ),
    readListed(
      git,
      head.tree,
      changes.filter((c) => c.status !== 'D' && !known.head.has(c.path)).map((c) => c.path),
    ),
  ]);
  const text = (
    read: ReadonlyMap<string, string | undefined>,
    other: ReadonlyMap<string, string | undefined>,
    path: string,
  ) => (read.has(path) ? read.get(path) : other.get(path));
  return changes.map((c) => ({
    path: c.path,
    before: c.status === 'A' ? undefined : text(known.base, before, c.oldPath ?? c.path),
    after: c.status === 'D' ? undefined : text(known.head, after, c.path),
  }));
}

/**
 * Changed files that projects read through tsconfig `extends` chains (see tsconfig.ts); the config
 * files are read only when a changed path could be one.
 */
export async function configReaders(
  git: Git,
  head: HeadSnapshot,
  changes: readonly ChangedFile[],
  workspace: Workspace,
): Promise<Map<string, string[]>> {
  const touched = touchedPaths(changes).filter(mayBeConfig);
  if (!touched.length) return new Map();
  const configs = configFiles(head.files);
  return readers(touched, await readListed(git, head.tree, configs), workspace, new Owners(workspace));
}

/**
 * Adds the workspace links that only the pnpm lockfiles show (see lockfile-links.ts), at head, or at
 * `base.revision` for the base workspace (the lockfiles at head's paths; `base.unchanged` holds the
 * texts the range left alone, the same at both ends, which are not read again). A lockfile that
 * cannot be read adds none: when it changes, its diff reports it. `diffed`: the paths of the
 * lockfiles whose diff is read (see addLockfileLinks). Returns the texts it read, by path.
 */
export async function linkThroughLockfiles(
  git: Git,
  head: HeadSnapshot,
  workspace: Workspace,
  diffed: ReadonlySet<string>,
  base?: { revision: string; unchanged: ReadonlyMap<string, string | undefined> },
): Promise<ReadonlyMap<string, string | undefined>> {
  const paths = [...head.lockfiles.keys()];
  if (!paths.length || !workspace.projects.some((p) => p.ecosystem === 'js')) return new Map();
  let texts: ReadonlyMap<string, string | undefined>;
  if (base === undefined) texts = head.lockfiles;
  else {
    const read = await readAt(
      git,
      base.revision,
      paths.filter((p) => !base.unchanged.has(p)),
    );
    texts = new Map(paths.map((p) => [p, base.unchanged.has(p) ? base.unchanged.get(p) : read.get(p)]));
  }
  for (const [path, text] of texts) {
    if (text === undefined || !mayLinkThroughPackages(text)) continue;
    try {
      addLockfileLinks(workspace, path, text, diffed.has(path));
    } catch (error) {
      if (error instanceof YamlNotLoaded) throw error;
    }
  }
  return texts;
}
