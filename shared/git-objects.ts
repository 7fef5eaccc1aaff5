// The cat-file process a Git keeps open for a run (see ObjectReader), and the tree and commit objects
// read through it (file lists, diffs and ancestry without a git process of their own); shared/git.ts
// runs every other git command.
import { UserError } from './errors.js';
import type { ChangedFile } from './git.js';

/** node:child_process, loaded with the first git command, so a run's first output does not wait for it. */
let childProcess: Promise<typeof import('node:child_process')> | undefined;
export const loadChildProcess = () => (childProcess ??= import('node:child_process'));

/** One object as cat-file gives it: its id, type (`blob`, `tree`, `commit`, `tag`) and raw content. */
export interface GitObject {
  oid: string;
  type: string;
  data: Buffer;
}

/** Questions asked of the kept-open cat-file and not all answered yet. */
interface ObjectRequest {
  /** `info`: one answer line per name; `contents`: one object (or undefined when missing) per name. */
  command: 'info' | 'contents';
  count: number;
  answers: (string | GitObject | undefined)[];
  resolve: (answers: (string | GitObject | undefined)[] | undefined) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

type ChildProcess = import('node:child_process').ChildProcessWithoutNullStreams;

/** One kept-open cat-file and the questions it has not answered yet, in order. */
interface ObjectProcess {
  child: ChildProcess;
  waiting: ObjectRequest[];
}

/** The most bytes read from one git command's output (Node's maxBuffer for the others). */
export const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** How long the kept-open cat-file waits for the next question before it is closed. */
const IDLE_MS = 1000;

/**
 * The most blobs, and bytes of them, read through the kept-open cat-file's pipe rather than a
 * `cat-file --batch` of their own. git writes each blob in two writes, and every read of a pipe
 * wakes this process: a hundred manifests (20 KB) cost a quarter of a process of their own this way,
 * five thousand (1 MB) four times more than the temp file of `Git.batchOutput` (shared/git.ts).
 * PIPED_BYTES bounds each tree read too (shared/git.ts readTrees).
 */
export const PIPED_BLOBS = 256;
export const PIPED_BYTES = 64 * 1024;

/**
 * One `git cat-file --batch-command --buffer` (git 2.36+) kept open while a run asks about objects:
 * the revisions at the start, the manifests' sizes later and small reads cost one process instead of
 * one each, and every spawn blocks this process for milliseconds (far more on a loaded machine).
 * Questions go in as `info` or `contents` lines and a `flush`; answers come back in order. It never
 * keeps this process alive while idle, and closes after IDLE_MS without questions. Answers are
 * undefined where git lacks the option.
 */
export class ObjectReader {
  private current: ObjectProcess | undefined;
  private unsupported = false;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly cwd: string,
    private readonly timeoutMs: number,
  ) {}

  /** `<oid> <type> <size>` or `<name> missing` (or `ambiguous`) for each name (names hold no newline). */
  info(names: readonly string[]): Promise<string[] | undefined> {
    return this.ask('info', names) as Promise<string[] | undefined>;
  }

  /** The text of each blob, by id: only ids whose size was checked (see PIPED_BYTES). */
  async contents(oids: readonly string[]): Promise<(string | undefined)[] | undefined> {
    return (await this.objects(oids))?.map((object) =>
      object?.type === 'blob' ? object.data.toString('utf8') : undefined,
    );
  }

  /**
   * Each object by name (an id, or `<commit>^{tree}`), undefined when missing: trees and commits,
   * which are small, or blobs whose size was checked.
   */
  objects(names: readonly string[]): Promise<(GitObject | undefined)[] | undefined> {
    return this.ask('contents', names) as Promise<(GitObject | undefined)[] | undefined>;
  }

  /**
   * Starts the process before the first question, so that its start overlaps the caller's own work
   * (reading inputs); unasked, it closes after IDLE_MS and never keeps this process alive.
   */
  async open(): Promise<void> {
    const { spawn } = await loadChildProcess();
    if (this.current || this.unsupported) return;
    this.current = this.start(spawn);
    hold(this.current.child, false);
    this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
  }

  /** Ends the process once it has answered what it was asked; the next question starts another. */
  close(): void {
    clearTimeout(this.idle);
    this.current?.child.stdin.end();
    this.current = undefined;
  }

  private async ask(
    command: ObjectRequest['command'],
    names: readonly string[],
  ): Promise<(string | GitObject | undefined)[] | undefined> {
    if (this.unsupported) return undefined;
    if (!names.length) return [];
    const { spawn } = await loadChildProcess();
    if (this.unsupported) return undefined;
    const open = (this.current ??= this.start(spawn));
    clearTimeout(this.idle);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        open.child.kill();
        failAll(open, new UserError(`git cat-file took longer than ${this.timeoutMs} ms and was stopped.`));
      }, this.timeoutMs);
      open.waiting.push({ command, count: names.length, answers: [], resolve, reject, timer });
      hold(open.child, true);
      open.child.stdin.write(`${names.map((name) => `${command} ${name}\n`).join('')}flush\n`);
    });
  }

  private start(spawn: typeof import('node:child_process').spawn): ObjectProcess {
    const child = spawn('git', ['cat-file', '--batch-command', '--buffer'], {
      cwd: this.cwd,
      env: { ...process.env, LC_ALL: 'C' },
    });
    const started: ObjectProcess = { child, waiting: [] };
    let chunks: Buffer[] = []; // output not parsed yet
    let buffered = 0;
    let object: { oid: string; type: string; size: number } | undefined; // header of the content awaited
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      // a tree of thousands of entries comes in many chunks: joined once, when all of it is here
      if (object && buffered <= object.size) return;
      const data = chunks.length === 1 ? chunk : Buffer.concat(chunks, buffered);
      let at = 0;
      for (let request = started.waiting[0]; request; request = started.waiting[0]) {
        if (object) {
          if (data.length - at <= object.size) break;
          request.answers.push({
            oid: object.oid,
            type: object.type,
            data: data.subarray(at, at + object.size),
          });
          at += object.size + 1;
          object = undefined;
        } else {
          const eol = data.indexOf(10, at);
          if (eol < 0) break;
          const line = data.toString('utf8', at, eol);
          at = eol + 1;
          // `<oid> <type> <size>` then the content, or `<name> missing` alone
          const [oid, type, size] = line.split(' ');
          if (request.command === 'contents' && size !== undefined) {
            object = { oid: oid!, type: type!, size: Number(size) };
            if (object.size <= MAX_OUTPUT_BYTES) continue;
            // a tree's size is not checked before it is asked for: bounded as every git output is
            if (this.current === started) this.current = undefined;
            child.kill();
            failAll(
              started,
              new UserError(
                `git object ${oid} is ${size} bytes, over the ${MAX_OUTPUT_BYTES} bytes read from one git command.`,
              ),
            );
            return;
          }
          request.answers.push(request.command === 'info' ? line : undefined);
        }
        if (request.answers.length < request.count) continue;
        started.waiting.shift();
        clearTimeout(request.timer);
        request.resolve(request.answers);
      }
      chunks = at < data.length ? [data.subarray(at)] : [];
      buffered = data.length - at;
      if (started.waiting.length) return;
      hold(child, false);
      if (this.current === started) this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // an early exit is reported by 'close'
    child.on('error', (error) => failAll(started, error));
    child.on('close', (code) => {
      if (this.current === started) this.current = undefined;
      // an option this git does not know (before 2.36): the questions go to --batch-check instead
      if (code === 129 && stderr.includes('batch-command')) {
        this.unsupported = true;
        for (const request of started.waiting.splice(0)) {
          clearTimeout(request.timer);
          request.resolve(undefined);
        }
      }
      failAll(started, new Error(`git cat-file --batch-command failed: ${stderr.trim() || `exit ${code}`}`));
    });
    return started;
  }
}

function failAll(open: ObjectProcess, error: unknown): void {
  for (const request of open.waiting.splice(0)) {
    clearTimeout(request.timer);
    request.reject(error);
  }
}

/** While questions wait, the process and its pipes keep this process alive; idle, they do not. */
function hold(child: ChildProcess, waiting: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as {
    ref(): void;
    unref(): void;
  }[])
    if (waiting) handle.ref();
    else handle.unref();
}

/**
 * One entry of a tree object: its name as raw bytes (a latin1 string: one character a byte, so names
 * compare as git compares them), its mode as git reads it, and its object id.
 */
export interface TreeEntry {
  name: string;
  mode: number;
  oid: string;
}

export const MODE = {
  tree: 0o040000,
  file: 0o100644,
  executable: 0o100755,
  link: 0o120000,
  gitlink: 0o160000,
};
const TYPE_BITS = 0o170000;
const MODES: Record<string, number> = { '100644': MODE.file, '40000': MODE.tree, '100755': MODE.executable };

/** Any mode a tree may hold as one of the five git works with (git's canon_mode: odd old modes included). */
function canonicalMode(text: string): number {
  const mode = MODES[text] ?? parseInt(text, 8);
  switch (mode & TYPE_BITS) {
    case 0o100000:
      return mode & 0o100 ? MODE.executable : MODE.file;
    case MODE.link:
      return MODE.link;
    case MODE.tree:
      return MODE.tree;
    default:
      return MODE.gitlink;
  }
}

/**
 * A tree object's entries (`<octal mode> <name>\0<raw id>` each); ids are `oidBytes` long (20 or 32).
 * The object is decoded twice whole (latin1 and hex), not per entry: thousands of trees come through.
 */
export function parseTree(data: Buffer, oidBytes: number): TreeEntry[] {
  const text = data.toString('latin1');
  const hex = data.toString('hex');
  const entries: TreeEntry[] = [];
  for (let at = 0; at < text.length;) {
    const space = text.indexOf(' ', at);
    const nul = space < 0 ? -1 : text.indexOf('\0', space + 1);
    if (nul < 0 || nul + 1 + oidBytes > text.length)
      throw new Error('git cat-file gave a malformed tree object');
    const mode = canonicalMode(text.slice(at, space));
    at = nul + 1 + oidBytes;
    entries.push({ name: text.slice(space + 1, nul), mode, oid: hex.slice(2 * nul + 2, 2 * at) });
  }
  return entries;
}

/** A path of raw bytes (latin1) as git's -z output decodes to UTF-8 (invalid bytes as U+FFFD). */
export function pathText(raw: string): string {
  return /[\x80-\xff]/.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
}

/** The parents of a commit object (its `parent <id>` header lines). */
export function commitParents(data: Buffer): string[] {
  const header = data.toString('latin1', 0, Math.max(0, data.indexOf('\n\n')));
  return [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((match) => match[1]!);
}

/**
 * Entries in git's order (base_name_compare): by name bytes, a folder's name as if it ended in `/`, so
 * a file and a folder of one name are apart.
 */
function compareEntries(a: TreeEntry, b: TreeEntry): number {
  // names are bytes (latin1), so string order is byte order; only a name that begins the other needs more
  if (!a.name.startsWith(b.name) && !b.name.startsWith(a.name)) return a.name < b.name ? -1 : 1;
  const length = Math.min(a.name.length, b.name.length);
  const [x, y] = [a.name.slice(0, length), b.name.slice(0, length)];
  if (x !== y) return x < y ? -1 : 1;
  const next = (entry: TreeEntry) =>
    length < entry.name.length ? entry.name.charCodeAt(length) : entry.mode === MODE.tree ? 0x2f : 0;
  return next(a) - next(b);
}

/** Calls `each` with the entries of two trees side by side, as git diff pairs them, skipping equal ones. */
function sideBySide(
  before: readonly TreeEntry[],
  after: readonly TreeEntry[],
  each: (a: TreeEntry | undefined, b: TreeEntry | undefined) => void,
): void {
  for (let i = 0, j = 0; i < before.length || j < after.length;) {
    const a = before[i];
    const b = after[j];
    const cmp = !a ? 1 : !b ? -1 : compareEntries(a, b);
    if (cmp < 0) each(before[i++], undefined);
    else if (cmp > 0) each(undefined, after[j++]);
    else {
      i++;
      j++;
      if (a!.oid !== b!.oid || a!.mode !== b!.mode) each(a, b);
    }
  }
}

/** Every regular file (mode 100644 or 100755) under a tree as path -> blob id, in `ls-tree -r` order. */
export function regularFilesOf(
  entries: readonly TreeEntry[],
  tree: (oid: string) => readonly TreeEntry[],
  prefix = '',
  files = new Map<string, string>(),
): Map<string, string> {
  for (const entry of entries) {
    if (entry.mode === MODE.tree) regularFilesOf(tree(entry.oid), tree, `${prefix}${entry.name}/`, files);
    else if (entry.mode === MODE.file || entry.mode === MODE.executable)
      files.set(pathText(prefix + entry.name), entry.oid);
  }
  return files;
}

/** The folders two trees hold differently, as `[before, after]` tree ids (undefined where absent). */
export function foldersToCompare(
  before: readonly TreeEntry[],
  after: readonly TreeEntry[],
): [string | undefined, string | undefined][] {
  const folders: [string | undefined, string | undefined][] = [];
  sideBySide(before, after, (a, b) => {
    if ((a ?? b)!.mode === MODE.tree) folders.push([a?.oid, b?.oid]);
  });
  return folders;
}

/** A path that is not a folder whose entry differs between two trees (undefined where absent). */
export interface TreeChange {
  path: string;
  before?: TreeEntry;
  after?: TreeEntry;
}

/** What differs between two trees, folders descended, in the order git diff walks them. */
export function treeChanges(
  before: readonly TreeEntry[],
  after: readonly TreeEntry[],
  tree: (oid: string) => readonly TreeEntry[],
  prefix = '',
  changes: TreeChange[] = [],
): TreeChange[] {
  sideBySide(before, after, (a, b) => {
    const path = prefix + (a ?? b)!.name;
    if ((a ?? b)!.mode === MODE.tree)
      treeChanges(a ? tree(a.oid) : [], b ? tree(b.oid) : [], tree, `${path}/`, changes);
    else changes.push({ path: pathText(path), before: a, after: b });
  });
  return changes;
}

/**
 * `git diff --name-status -M` told from the tree changes: renames of identical content paired, the rest
 * A, D, M or T (a file became a link or back). Undefined where only git can tell: a submodule changed
 * (its `ignore` settings decide whether it shows), one content was added or deleted at several paths
 * (which pairs git picks), or an added and a deleted file remain (git may pair them by similarity).
 */
export function nameStatus(changes: readonly TreeChange[]): ChangedFile[] | undefined {
  if (changes.some((c) => c.before?.mode === MODE.gitlink || c.after?.mode === MODE.gitlink))
    return undefined;
  const deleted = new Map<string, TreeChange[]>();
  const added = new Map<string, TreeChange[]>();
  for (const c of changes) {
    if (!c.after) deleted.set(c.before!.oid, [...(deleted.get(c.before!.oid) ?? []), c]);
    if (!c.before) added.set(c.after!.oid, [...(added.get(c.after!.oid) ?? []), c]);
  }
  const renamedFrom = new Map<TreeChange, TreeChange>();
  for (const [oid, to] of added) {
    const from = deleted.get(oid);
    if (!from) continue;
    if (from.length > 1 || to.length > 1) return undefined;
    const [a, b] = [from[0]!.before!.mode, to[0]!.after!.mode];
    // git pairs identical contents of two regular files, or of two entries of the same mode
    if (a === b || ((a & TYPE_BITS) === 0o100000 && (b & TYPE_BITS) === 0o100000))
      renamedFrom.set(to[0]!, from[0]!);
  }
  const paired = new Set(renamedFrom.values());
  const left = (c: TreeChange) => !renamedFrom.has(c) && !paired.has(c);
  if (changes.some((c) => !c.after && left(c)) && changes.some((c) => !c.before && left(c))) return undefined;
  return changes.flatMap((c): ChangedFile[] => {
    const from = renamedFrom.get(c);
    if (from) return [{ status: 'R', path: c.path, oldPath: from.path }];
    if (paired.has(c)) return [];
    const status = !c.before
      ? 'A'
      : !c.after
        ? 'D'
        : (c.before.mode & TYPE_BITS) !== (c.after.mode & TYPE_BITS)
          ? 'T'
          : 'M';
    return [{ status, path: c.path }];
  });
}
