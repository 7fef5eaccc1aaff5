import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';
import {
  MAX_OUTPUT_BYTES,
  ObjectReader,
  PIPED_BLOBS,
  PIPED_BYTES,
  type TreeEntry,
  commitParents,
  foldersToCompare,
  loadChildProcess,
  nameStatus,
  parseTree,
  regularFilesOf,
  treeChanges,
} from './git-objects.js';
import { mib } from './files.js';

const ZERO_SHA = /^0{40}$|^0{64}$/;
const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** True for a whole object id (SHA-1 or SHA-256, lower case), as a runner's event gives commits. */
export const isObjectId = (text: string): boolean => SHA.test(text);
/** Names that always name the same tree: a tree's id, or a commit's id with `^{tree}`. */
const FIXED_TREE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})(?:\^\{tree\})?$/;
/**
 * The most trees one listing or diff reads through the kept-open cat-file: past it, one git process
 * (ls-tree, diff) costs this process less than reading and parsing them here (at 1,000 packages, 2,000
 * trees took some 20 ms of CPU against about 5 for spawning ls-tree).
 */
const PIPED_TREES = 256;
/**
 * A checkout of more files than this is listed by `ls-tree` at once, without first reading trees
 * that would pass PIPED_TREES: real repositories hold 2 to 8 files a folder (nine public ones
 * measured), so past 1,024 files the walk would almost always give up after a few round trips.
 */
const LISTED_BY_LS_TREE = 4 * PIPED_TREES;
/** How many of head's nearest ancestors are read to find base among them before `git merge-base` is asked. */
const NEAR_ANCESTORS = 64;

export interface GitOptions {
  /** Milliseconds one git command may take before it is stopped. */
  timeoutMs?: number;
  /** Most commits to fetch while deepening a shallow clone before giving up. */
  maxDeepen?: number;
  /** Receives every git command line, for the debug log. */
  trace?: (line: string) => void;
  /** The cap on one file read from git objects, unless a read names its own (default 128 MiB). */
  blobCap?: BlobCap;
}

/** The most bytes one file read from git may hold, and what raises it (named in the error). */
export interface BlobCap {
  maxBytes: number;
  /** The input or option that raises the cap, such as `input "max-file-bytes"`; none when absent. */
  raisedBy?: string;
}

/** Big enough for any real lockfile or migration, small enough that a hostile blob cannot exhaust memory. */
const DEFAULT_BLOB_CAP: BlobCap = { maxBytes: 128 * 1024 * 1024 };

/** Refuses a blob over the cap before its content is read: one sentence naming the file, size and cap. */
function checkBlobSize(what: string, size: number, cap: BlobCap): void {
  if (size <= cap.maxBytes) return;
  throw new UserError(
    `${what} in git is ${size} bytes (${mib(size)}), over the cap of ${cap.maxBytes} bytes (${mib(cap.maxBytes)}) on a file read from git; ${cap.raisedBy ? `raise it with ${cap.raisedBy}` : 'nothing raises it: a file this large is not read'}.`,
  );
}

export interface ChangedFile {
  /** Git's status letter: A, M, D, R (renamed), C (copied), T (type change). */
  status: string;
  path: string;
  /** For renames and copies, the path before. */
  oldPath?: string;
}

/** A revision waiting to be looked up with the others asked for in the same turn. */
interface Lookup {
  revision: string;
  resolve: (sha: string | undefined) => void;
  reject: (error: unknown) => void;
}

/** Trees read in one question to the cat-file, by the names they were asked by. */
type TreeBatch = ReadonlyMap<string, readonly TreeEntry[]>;

/** One commit as `log` and `commit` report it. */
export interface CommitSummary {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Committer date, strict ISO 8601. */
  committedAt: string;
  subject: string;
}

/** A tag with the object it names and, for annotated tags, the commit behind it. */
export interface TagInfo {
  name: string;
  object: string;
  commit: string;
}

const COMMIT_FORMAT = '%H%x00%an%x00%ae%x00%cI%x00%s';

function parseCommits(out: string): CommitSummary[] {
  // Fields and records are NUL-separated (`-z`): a commit message cannot hold a NUL.
  const fields = out.split('\0');
  const commits: CommitSummary[] = [];
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const [sha, authorName, authorEmail, committedAt, subject] = fields.slice(i, i + 5) as [
      string,
      string,
      string,
      string,
      string,
    ];
    commits.push({ sha: sha.replace(/^\n/, ''), authorName, authorEmail, committedAt, subject });
  }
  return commits;
}

export function isZeroSha(sha: string | undefined): boolean {
  return !!sha && ZERO_SHA.test(sha);
}

/**
 * Checks a revision the user gave before git sees it: refs may legally contain `;`, `$(...)` and
 * start with `-`, which git would read as an option. `name` is the input it came from.
 */
export function checkRevisionText(name: string, revision: string): void {
  const problem =
    revision === ''
      ? 'is empty'
      : revision.length > 255
        ? `is ${revision.length} characters long (at most 255)`
        : revision.startsWith('-')
          ? 'starts with "-", which git would read as an option'
          : /[\x00-\x20\x7f~^:?*[\\]/.test(revision.replace(/\^\{commit\}$/, '').replace(/[~^]\d*$/, ''))
            ? 'contains a character that a git revision cannot hold (space, control character, ~ ^ : ? * [ or \\)'
            : undefined;
  if (problem) throw new UserError(`Revision ${JSON.stringify(revision.slice(0, 80))} (${name}) ${problem}.`);
}

/** `ls-tree -z` output as path -> blob id, regular files only (mode 100644 or 100755). */
function regularFiles(out: string): Map<string, string> {
  const blobs = new Map<string, string>();
  // Entries are `<mode> <type> <oid>\t<path>\0`; parsed by offsets, as trees can hold 100,000 files.
  for (let at = 0; at < out.length;) {
    const end = out.indexOf('\0', at);
    const stop = end < 0 ? out.length : end;
    const tab = out.indexOf('\t', at);
    if (tab > at && tab < stop && (out.startsWith('100644 blob ', at) || out.startsWith('100755 blob ', at)))
      blobs.set(out.slice(tab + 1, stop), out.slice(out.lastIndexOf(' ', tab) + 1, tab));
    at = stop + 1;
  }
  return blobs;
}

/**
 * How many files the checkout around `cwd` holds, by the entry count in its index's header (the
 * index of the `.git` folder, or of the one a `.git` file names, nearest above `cwd`): a hint for
 * choosing how to list a tree, never an answer. Undefined when git is pointed elsewhere by the
 * environment or the index cannot be read as a regular file.
 */
export function checkoutFileCount(cwd: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.GIT_DIR || env.GIT_INDEX_FILE || env.GIT_WORK_TREE) return undefined;
  try {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      const dotGit = join(dir, '.git');
      const kind = lstatSync(dotGit, { throwIfNoEntry: false });
      if (kind?.isDirectory()) return indexEntries(join(dotGit, 'index'));
      if (kind?.isFile()) {
        const gitdir = /^gitdir: (.+)$/m.exec(fileStart(dotGit, 4096)?.toString('utf8') ?? '')?.[1];
        return gitdir ? indexEntries(join(resolve(dir, gitdir.trim()), 'index')) : undefined;
      }
      if (dirname(dir) === dir) return undefined;
    }
  } catch {
    return undefined;
  }
}

/** The entry count of an index file: `DIRC`, the version, then the count (big-endian). */
function indexEntries(path: string): number | undefined {
  const header = fileStart(path, 12);
  if (header?.length !== 12 || header.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  return header.readUInt32BE(8);
}

/** The first `bytes` of a regular file (not through a link; a FIFO is not waited on), or undefined. */
function fileStart(path: string, bytes: number): Buffer | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const start = Buffer.alloc(bytes);
    return start.subarray(0, readSync(fd, start, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs git with argument arrays only (never a shell) in one repository. Revisions always come
 * after `--end-of-options` or are resolved SHAs, so no user text is read as an option.
 */
export class Git {
  private readonly timeoutMs: number;
  private readonly maxDeepen: number;
  private readonly trace: (line: string) => void;
  private readonly blobCap: BlobCap;
  private readonly resolved = new Map<string, Promise<string | undefined>>();
  private readonly lookups: Lookup[] = [];
  private readonly objects: ObjectReader;
  /** Trees being read or read, by fixed name (see FIXED_TREE): a diff reuses the head's listing. */
  private readonly treeReads = new Map<string, Promise<TreeBatch | undefined>>();
  /** Entries of every tree read, by id. */
  private readonly trees = new Map<string, readonly TreeEntry[]>();
  private readonly tree = (oid: string) => this.trees.get(oid)!;

  constructor(
    readonly cwd: string,
    options: GitOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxDeepen = options.maxDeepen ?? 5000;
    this.trace = options.trace ?? (() => {});
    this.blobCap = options.blobCap ?? DEFAULT_BLOB_CAP;
    this.objects = new ObjectReader(cwd, this.timeoutMs);
  }

  /** Starts the cat-file kept open for the run now, while the caller does other work (see ObjectReader.open). */
  prepare(): void {
    this.objects.open().catch(() => {}); // a failure to start is met again by the first question
  }

  /** Runs `git args`, returning stdout; a non-zero exit throws with git's own message. */
  run(args: readonly string[]): Promise<string> {
    return this.exec(args).then((r) => {
      if (r.code !== 0)
        throw new Error(`git ${args.join(' ')} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
      return r.stdout;
    });
  }

  /** Runs git and returns the exit code with the output, for commands whose failure is an answer. */
  async exec(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    this.trace(`git ${args.join(' ')}`);
    const { execFile } = await loadChildProcess();
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args as string[],
        {
          cwd: this.cwd,
          maxBuffer: MAX_OUTPUT_BYTES,
          timeout: this.timeoutMs,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
        },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            if (error.killed)
              reject(new UserError(`git ${args[0]} took longer than ${this.timeoutMs} ms and was stopped.`));
            else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
              reject(new UserError('git is not installed or not on PATH.'));
            else reject(error);
            return;
          }
          resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
        },
      );
    });
  }

  async isRepository(): Promise<boolean> {
    return (await this.exec(['rev-parse', '--git-dir'])).code === 0;
  }

  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /**
   * The commit SHA a revision names, or undefined when this clone does not have it. Answers are kept
   * until the next fetch (which may add commits), so callers that need the same revision share one
   * git process; and revisions asked for in the same turn of the event loop (head and base) are
   * looked up together, in one question to the cat-file kept open for the run (shared/git-objects.ts).
   */
  tryResolve(revision: string): Promise<string | undefined> {
    let answer = this.resolved.get(revision);
    if (!answer) {
      answer = new Promise((resolve, reject) => this.lookups.push({ revision, resolve, reject }));
      if (this.lookups.length === 1) setImmediate(() => this.lookUp(this.lookups.splice(0)));
      this.resolved.set(revision, answer);
      answer.catch(() => this.resolved.delete(revision));
    }
    return answer;
  }

  private async lookUp(lookups: Lookup[]): Promise<void> {
    // A name git cannot take on one line names nothing.
    for (const lookup of lookups) if (/[\n\0]/.test(lookup.revision)) lookup.resolve(undefined);
    const batch = lookups.filter((lookup) => !/[\n\0]/.test(lookup.revision));
    if (!batch.length) return;
    try {
      const lines = await this.objectInfo(batch.map((lookup) => `${lookup.revision}^{commit}`));
      batch.forEach((lookup, i) => {
        const [sha, type] = lines[i]!.split(' ');
        lookup.resolve(type === 'commit' && SHA.test(sha!) ? sha : undefined);
      });
    } catch (error) {
      for (const lookup of batch) lookup.reject(error);
    }
  }

  /**
   * One `<oid> <type> <size>` or `<name> missing` line per name (names hold no newline), from the
   * cat-file process kept open for the run, or from a `cat-file --batch-check` of their own where
   * git is older than 2.36.
   */
  private async objectInfo(names: readonly string[]): Promise<string[]> {
    this.trace(`git cat-file info (${names.length > 8 ? `${names.length} objects` : names.join(', ')})`);
    return (await this.objects.info(names)) ?? (await this.batchCheck(names)).split('\n');
  }

  /** `git cat-file --batch-check` over names, one `<oid> <type> <size>` or `<name> missing` line each. */
  private async batchCheck(names: readonly string[]): Promise<string> {
    const { execFile } = await loadChildProcess();
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        ['cat-file', '--batch-check'],
        {
          cwd: this.cwd,
          maxBuffer: MAX_OUTPUT_BYTES,
          timeout: this.timeoutMs,
          env: { ...process.env, LC_ALL: 'C' },
        },
        (error, stdout, stderr) => {
          if (error)
            reject(new Error(`git cat-file --batch-check failed: ${stderr.trim() || error.message}`));
          else resolve(stdout);
        },
      );
      child.stdin!.on('error', () => {}); // an early exit is reported by the callback
      child.stdin!.end(names.map((name) => `${name}\n`).join(''));
    });
  }

  /**
   * Resolves a revision to a commit SHA, fetching it from `origin` when a shallow or partial clone
   * lacks it. `name` says where the revision came from, for the error.
   */
  async resolve(name: string, revision: string): Promise<string> {
    checkRevisionText(name, revision);
    const local =
      (await this.tryResolve(revision)) ?? (await this.tryResolve(`refs/remotes/origin/${revision}`));
    if (local) return local;
    if (await this.fetch([revision], 1)) {
      const fetched = SHA.test(revision)
        ? await this.tryResolve(revision)
        : await this.tryResolve('FETCH_HEAD');
      if (fetched) return fetched;
    }
    throw new UserError(
      `Revision ${JSON.stringify(revision)} (${name}) is not in this clone and could not be fetched from origin; check the name, or check out with fetch-depth: 0.`,
    );
  }

  /** Fetches revisions from origin (quietly false when there is no origin or it refuses). */
  async fetch(revisions: readonly string[], depth?: number, deepen?: number): Promise<boolean> {
    const hasOrigin = (await this.exec(['remote', 'get-url', 'origin'])).code === 0;
    if (!hasOrigin) return false;
    const args = ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head'];
    if (depth) args.splice(args.indexOf('--no-write-fetch-head'), 1, `--depth=${depth}`);
    if (deepen) args.push(`--deepen=${deepen}`);
    const r = await this.exec([...args, 'origin', '--end-of-options', ...revisions]);
    this.resolved.clear(); // a fetch may add commits: forget every answer given before it ended
    this.objects.close(); // and the next lookup starts a cat-file that sees them
    this.trace(r.code === 0 ? 'fetch ok' : `fetch failed: ${r.stderr.trim()}`);
    return r.code === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant]);
    if (r.code > 1) throw new Error(`git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
    return r.code === 0;
  }

  /**
   * The remote's default branch for a local run with no event payload: origin/HEAD when the clone
   * recorded it, else `main` or `master` when one exists, else `main`.
   */
  async defaultBranch(): Promise<string> {
    const head = await this.exec(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
    if (head.code === 0) return head.stdout.trim().replace(/^origin\//, '');
    for (const name of ['main', 'master']) {
      if ((await this.tryResolve(name)) ?? (await this.tryResolve(`refs/remotes/origin/${name}`)))
        return name;
    }
    return 'main';
  }

  /**
   * The merge-base of two commits (SHAs). In a shallow clone the history is deepened step by step
   * (doubling, up to maxDeepen commits) instead of guessing; past the bound it fails and says why.
   */
  async mergeBase(base: string, head: string): Promise<string> {
    if (await this.isNearAncestor(base, head)) return base;
    let step = 50;
    let fetched = 0;
    for (;;) {
      const r = await this.exec(['merge-base', base, head]);
      if (r.code === 0) return r.stdout.trim();
      if (!(await this.isShallow()) || fetched >= this.maxDeepen) break;
      if (!(await this.fetch([base, head], undefined, step))) break;
      fetched += step;
      step *= 2;
    }
    throw new UserError(
      `No merge-base between ${base.slice(0, 12)} and ${head.slice(0, 12)}${fetched ? ` after deepening the clone by ${fetched} commits` : ''}; check out with fetch-depth: 0 or give the base revision explicitly.`,
    );
  }

  /**
   * Whether `ancestor` is `commit` or among its NEAR_ANCESTORS nearest ancestors (a pull request's merge
   * commit has the base tip as first parent; a push's before is a few commits back): then it is their
   * merge-base, told through the kept-open cat-file without a git process. False when not found that
   * near, past a commit this clone lacks (a shallow boundary), or where git is older than 2.36.
   */
  private async isNearAncestor(ancestor: string, commit: string): Promise<boolean> {
    const seen = new Set([commit]);
    for (let level = [commit]; level.length && !seen.has(ancestor) && seen.size < NEAR_ANCESTORS;) {
      this.trace(`git cat-file contents (${level.length} commits)`);
      const commits = await this.objects.objects(level);
      if (!commits || commits.some((object) => object?.type !== 'commit')) return false;
      level = commits
        .flatMap((object) => commitParents(object!.data))
        .filter((parent) => !seen.has(parent) && seen.add(parent));
    }
    return seen.has(ancestor);
  }

  /**
   * Files that differ between two commits, with renames paired (old and new path), as `git diff
   * --name-status -M` gives them: told from the two trees read through the kept-open cat-file (only
   * folders that differ are descended; the head's were read for its listing) where that is certain
   * (see nameStatus), else by git diff itself.
   */
  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const roots = await this.readTrees([`${base}^{tree}`, `${head}^{tree}`]);
    if (roots && (await this.readFolders(foldersToCompare(roots[0]!, roots[1]!)))) {
      const files = nameStatus(treeChanges(roots[0]!, roots[1]!, this.tree));
      if (files) return files;
    }
    const out = await this.run([
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
      '--no-textconv',
      base,
      head,
    ]);
    const fields = out.split('\0');
    const files: ChangedFile[] = [];
    for (let i = 0; i + 1 < fields.length;) {
      const status = fields[i++]!;
      if (!status) break;
      const letter = status[0]!;
      if (letter === 'R' || letter === 'C') {
        const oldPath = fields[i++]!;
        files.push({ status: letter, path: fields[i++]!, oldPath });
      } else {
        files.push({ status: letter, path: fields[i++]! });
      }
    }
    return files;
  }

  /** Every regular file's path in a commit's tree (links and submodules are not files). */
  async listFiles(commit: string): Promise<string[]> {
    return [...(await this.listTree(commit)).keys()];
  }

  /**
   * Every regular file in a commit's tree (path -> blob id), in `ls-tree -r` order: its trees read
   * through the kept-open cat-file (kept for a diff), or one `ls-tree` past PIPED_TREES trees or a
   * question past PIPED_BYTES, and at once in a checkout past LISTED_BY_LS_TREE files. Reading blobs
   * by id (readBlobs) skips the per-path tree walk that `commit:path` lookups repeat for every file.
   * Entries of mode 120000 are symbolic links, whose blob is the target's name, not content: left out.
   */
  async listTree(commit: string): Promise<Map<string, string>> {
    if ((checkoutFileCount(this.cwd) ?? 0) <= LISTED_BY_LS_TREE) {
      const [root] = (await this.readTrees([`${commit}^{tree}`])) ?? [];
      if (root && (await this.readFolders(foldersToCompare([], root))))
        return regularFilesOf(root, this.tree);
    }
    return regularFiles(await this.run(['ls-tree', '-r', '-z', '--full-tree', commit]));
  }

  /**
   * Reads the trees under `folders` (`[before, after]` ids from foldersToCompare) down to their files,
   * one round trip to the cat-file per level; false past PIPED_TREES trees, or where git is older
   * than 2.36.
   */
  private async readFolders(folders: [string | undefined, string | undefined][]): Promise<boolean> {
    let count = 0;
    for (let level = folders; level.length;) {
      const ids = level.flatMap((pair) => pair.filter((oid): oid is string => oid !== undefined));
      count += ids.length;
      if (count > PIPED_TREES || !(await this.readTrees(ids))) return false;
      level = level.flatMap(([a, b]) => foldersToCompare(a ? this.tree(a) : [], b ? this.tree(b) : []));
    }
    return true;
  }

  /**
   * Trees by name (an id, or `<commit>^{tree}`) through the kept-open cat-file, all not read yet in one
   * question; undefined where git is older than 2.36 or where one is past PIPED_BYTES.
   */
  private async readTrees(names: readonly string[]): Promise<(readonly TreeEntry[])[] | undefined> {
    const reads = new Map(names.map((name) => [name, this.treeReads.get(name)]));
    const asked = [...reads.keys()].filter((name) => !reads.get(name));
    if (asked.length) {
      this.trace(`git cat-file contents (${asked.length} trees)`);
      const read = this.objects.objects(asked).then((answers) => {
        // A tree past PIPED_BYTES is a big folder (some 1,500 entries in 64 KiB): git's own ls-tree
        // and diff read it for less than parsing and comparing it here.
        if (!answers || answers.some((object) => (object?.data.length ?? 0) > PIPED_BYTES)) return undefined;
        return new Map(
          asked.map((name, i) => {
            const object = answers[i];
            if (object?.type !== 'tree') throw new Error(`git cat-file: ${name} is not a tree in this clone`);
            const entries = parseTree(object.data, object.oid.length / 2);
            this.trees.set(object.oid, entries);
            return [name, entries];
          }),
        );
      });
      for (const name of asked) {
        reads.set(name, read);
        // only a fixed name is kept: a branch may name another tree after a fetch
        if (FIXED_TREE.test(name)) this.treeReads.set(name, read);
      }
      read.catch(() => asked.forEach((name) => this.treeReads.delete(name)));
    }
    const batches = await Promise.all(names.map((name) => reads.get(name)!));
    if (batches.includes(undefined)) return undefined;
    return names.map((name, i) => batches[i]!.get(name)!);
  }

  /**
   * Reads many files at one revision: one `ls-tree -l` per 64 KiB of paths gives each path's mode, blob
   * and size, then one `git cat-file --batch` reads the blobs. Missing paths, folders, links (a blob
   * that holds a target name) and submodules map to undefined. A file over the cap is refused, naming
   * it, before any content is read.
   */
  async readFiles(
    commit: string,
    paths: readonly string[],
    cap: BlobCap = this.blobCap,
  ): Promise<Map<string, string | undefined>> {
    const entries = await this.regularEntries(commit, paths);
    const blobs: [string, string][] = [];
    let bytes = 0;
    for (const path of paths) {
      const entry = entries.get(path);
      if (!entry) continue;
      checkBlobSize(`${path} at ${commit.slice(0, 12)}`, entry.size, cap);
      blobs.push([path, entry.oid]);
      bytes += entry.size;
    }
    const contents = await this.catFileBatch(
      Promise.resolve({ blobs, bytes }),
      blobs.length,
      `${paths.length} paths at ${commit.slice(0, 12)}`,
    );
    return new Map(paths.map((path) => [path, contents.get(path)]));
  }

  /** Regular files among `paths` at `commit` with blob id and size, by literal `ls-tree -l` in chunks. */
  private async regularEntries(
    commit: string,
    paths: readonly string[],
  ): Promise<Map<string, { oid: string; size: number }>> {
    const entries = new Map<string, { oid: string; size: number }>();
    // A name git cannot take on one line names nothing.
    const asked = paths.filter((path) => !/[\n\0]/.test(path));
    for (let at = 0; at < asked.length;) {
      const chunk: string[] = [];
      for (let bytes = 0; at < asked.length && bytes < 64 * 1024; at++) {
        chunk.push(asked[at]!);
        bytes += asked[at]!.length + 1;
      }
      const out = await this.run([
        '--literal-pathspecs',
        'ls-tree',
        '-z',
        '-l',
        '--full-tree',
        commit,
        '--',
        ...chunk,
      ]);
      // `<mode> blob <oid> <size, padded>\t<path>`: only modes 100644 and 100755 are file content
      for (const entry of out.split('\0')) {
        const match = /^100(?:644|755) blob ([0-9a-f]{40,64}) +(\d+)\t/.exec(entry);
        if (match) entries.set(entry.slice(match[0].length), { oid: match[1]!, size: Number(match[2]) });
      }
    }
    return entries;
  }

  /**
   * Reads blobs by id (`[path, blob id]` pairs from listTree) as path -> text: their sizes from the
   * cat-file kept open (objectInfo), refusing a blob over the cap (naming its path) before any
   * content is read (catFileBatch). Unknown ids and objects that are not blobs map to undefined.
   */
  async readBlobs(
    blobs: Iterable<readonly [path: string, oid: string]>,
    cap: BlobCap = this.blobCap,
  ): Promise<Map<string, string | undefined>> {
    const wanted = [...blobs].filter(([, oid]) => /^[0-9a-f]{40,64}$/.test(oid));
    const result = new Map<string, string | undefined>();
    if (!wanted.length) return result;
    const checked = this.objectInfo(wanted.map(([, oid]) => oid)).then((sizes) => {
      const readable: [string, string][] = [];
      let bytes = 0;
      wanted.forEach(([path, oid], i) => {
        const [, type, size] = sizes[i]!.split(' ');
        if (type !== 'blob') return;
        checkBlobSize(`${path} (blob ${oid.slice(0, 12)})`, Number(size), cap);
        readable.push([path, oid]);
        bytes += Number(size);
      });
      return { blobs: readable, bytes };
    });
    return this.catFileBatch(checked, wanted.length, `${wanted.length} blobs`);
  }

  /**
   * Reads the `[key, blob id]` pairs that `checked` gives once their sizes passed the cap (`bytes` in
   * all, at most `most` pairs): a few small ones through the kept-open cat-file, the rest in one
   * `cat-file --batch`, started while the sizes are checked when `most` rules the pipe out already
   * (the spawn then overlaps git's answer). `what` is traced.
   */
  private async catFileBatch(
    checked: Promise<{ blobs: readonly (readonly [string, string])[]; bytes: number }>,
    most: number,
    what: string,
  ): Promise<Map<string, string | undefined>> {
    if (most <= PIPED_BLOBS) {
      const { blobs, bytes } = await checked;
      if (!blobs.length) return new Map();
      if (bytes <= PIPED_BYTES) {
        this.trace(`git cat-file contents (${what})`);
        const texts = await this.objects.contents(blobs.map(([, oid]) => oid));
        if (texts) return new Map(blobs.map(([key], i) => [key, texts[i]]));
      }
    }
    this.trace(`git cat-file --batch (${what})`);
    const [{ blobs }, out] = await Promise.all([
      checked,
      this.batchOutput(checked.then(({ blobs }) => blobs.map(([, oid]) => `${oid}\n`).join(''))),
    ]);
    const result = new Map<string, string | undefined>();
    let at = 0;
    // Headers are `<oid> <type> <size>` or `<oid> missing`; read by byte offsets, since thousands
    // of manifests come through here.
    for (const [key] of blobs) {
      const eol = out.indexOf(10, at);
      const typeAt = out.indexOf(32, at) + 1;
      const sizeAt = out.indexOf(32, typeAt) + 1;
      if (eol < 0) break;
      if (sizeAt === 0 || sizeAt > eol) {
        at = eol + 1; // missing (removed since the size check): no content follows
        continue;
      }
      const size = Number(out.toString('latin1', sizeAt, eol));
      const isBlob = sizeAt - typeAt === 5 && out.toString('latin1', typeAt, sizeAt) === 'blob ';
      at = eol + 1;
      if (isBlob) result.set(key, out.toString('utf8', at, at + size));
      at += size + 1;
    }
    return result;
  }

  /**
   * Runs `git cat-file --batch` on `requests` and returns all it wrote. Its output goes to a temp file,
   * not a pipe: git writes each object unbuffered (two writes per object), and 10,000 pipe writes
   * waking this process cost twice the time git itself takes. The file (in a fresh private folder)
   * is unlinked as soon as it is open, so nothing is left behind whatever happens.
   */
  private async batchOutput(requests: Promise<string>): Promise<Buffer> {
    const { spawn } = await loadChildProcess();
    const folder = mkdtempSync(join(tmpdir(), 'trunk-actions-cat-file-'));
    const path = join(folder, 'out');
    let fd: number;
    try {
      fd = openSync(path, 'wx+', 0o600);
      unlinkSync(path);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    try {
      const child = spawn('git', ['cat-file', '--batch'], {
        cwd: this.cwd,
        env: { ...process.env, LC_ALL: 'C' },
        stdio: ['pipe', fd, 'pipe'],
        timeout: this.timeoutMs,
      });
      const closed = new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => {
          if (code === 0) return resolve();
          reject(
            signal
              ? new UserError(`git cat-file took longer than ${this.timeoutMs} ms and was stopped.`)
              : new Error(`git cat-file --batch exited ${code}: ${stderr.trim()}`),
          );
        });
      });
      closed.catch(() => {}); // awaited below, once the requests are known; git may fail before
      // git may exit before reading all of it (not a repository): its exit code tells why.
      child.stdin!.on('error', () => {});
      try {
        child.stdin!.end(await requests);
      } catch (error) {
        child.stdin!.end(); // refused (a blob over the cap): git exits having read nothing
        await closed.catch(() => {});
        throw error;
      }
      await closed;
      const out = Buffer.allocUnsafe(fstatSync(fd).size);
      let at = 0;
      for (let n = 1; at < out.length && n > 0; at += n) n = readSync(fd, out, at, out.length - at, at);
      return out.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  }

  /** One file at a revision, or undefined when it does not exist there. */
  async readFile(commit: string, path: string, cap: BlobCap = this.blobCap): Promise<string | undefined> {
    return (await this.readFiles(commit, [path], cap)).get(path);
  }

  /** One commit's author, committer date and subject. */
  async commit(sha: string): Promise<CommitSummary> {
    const [commit] = parseCommits(
      await this.run(['show', '-s', '-z', `--format=${COMMIT_FORMAT}`, '--end-of-options', sha]),
    );
    if (!commit) throw new Error(`git show ${sha} printed no commit`);
    return commit;
  }

  /**
   * Commits reachable from `include` but not from `exclude` (both SHAs), newest first, at most `max`.
   * `firstParent` follows only the first parent: on a trunk, one entry per merged pull request.
   */
  async log(
    exclude: string,
    include: string,
    options: { max: number; firstParent?: boolean },
  ): Promise<CommitSummary[]> {
    const args = ['log', '-z', `--format=${COMMIT_FORMAT}`, `--max-count=${options.max}`];
    if (options.firstParent) args.push('--first-parent');
    return parseCommits(await this.run([...args, '--end-of-options', include, `^${exclude}`]));
  }

  /** How many commits `log` would list without a bound. */
  async countCommits(exclude: string, include: string, firstParent = false): Promise<number> {
    const args = ['rev-list', '--count', ...(firstParent ? ['--first-parent'] : [])];
    return Number((await this.run([...args, '--end-of-options', include, `^${exclude}`])).trim());
  }

  /** Names of the tags that point at a commit (directly or through an annotated tag). */
  async tagsAt(sha: string): Promise<string[]> {
    return (await this.run(['tag', '--list', `--points-at=${sha}`])).split('\n').filter(Boolean);
  }

  /**
   * `git describe --tags --long` of a commit, limited to tags matching `patterns` (globs), or
   * undefined when no such tag is behind it (or a shallow clone lacks them).
   */
  async describe(sha: string, patterns: readonly string[]): Promise<string | undefined> {
    const match = patterns.map((p) => `--match=${p}`);
    const r = await this.exec([
      'describe',
      '--tags',
      '--long',
      '--abbrev=7',
      ...match,
      '--end-of-options',
      sha,
    ]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** Tags whose names start with `prefix` (a path such as `deploy/production/`), peeled to commits. */
  async tags(prefix: string): Promise<TagInfo[]> {
    const out = await this.run([
      'for-each-ref',
      '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)',
      '--end-of-options',
      `refs/tags/${prefix}`,
    ]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, object, peeled] = line.split('\0') as [string, string, string];
        return { name, object, commit: peeled || object };
      });
  }

  /** The message of an annotated tag, or undefined for a lightweight or missing one. */
  async tagMessage(name: string): Promise<string | undefined> {
    const r = await this.exec([
      'for-each-ref',
      '--format=%(objecttype)%00%(contents)',
      '--end-of-options',
      `refs/tags/${name}`,
    ]);
    // for-each-ref ends each entry with a newline of its own.
    const [type, message] = r.stdout.replace(/\n$/, '').split('\0');
    return r.code === 0 && type === 'tag' ? message : undefined;
  }
}
