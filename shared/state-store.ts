import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { InputError, UserError, describeError } from './errors.js';
import { readTextInside, writeInside } from './files.js';
import type { GitHub } from './github.js';
import { confine } from './paths.js';

import type { Logger } from './io.js';

/**
 * Shared state that actions keep between runs, as one text document:
 * - `branch:<name>`: a file on a dedicated branch, written through the GitHub contents API with
 *   optimistic concurrency: every write carries the blob sha that was read; on a conflict (409/422)
 *   the document is read again, the caller's change is applied again, and the write retried, with a
 *   bounded number of attempts and jittered back-off, so parallel jobs lose nothing.
 * - `file:<path>`: a local file (the command line, or a file persisted with actions/cache), updated
 *   under an exclusive lock file so runs on one machine at once lose nothing.
 */

export type StateLocation = { kind: 'branch'; branch: string } | { kind: 'file'; path: string };

/** Parses `branch:<name>` or `file:<path>` (the path is resolved by the caller inside the workspace). */
export function parseStateLocation(raw: string, inputName: string): StateLocation {
  const match = /^(branch|file):(.+)$/.exec(raw.trim());
  const value = match?.[2]?.trim() ?? '';
  if (
    match?.[1] === 'branch' &&
    /^[A-Za-z0-9._/-]+$/.test(value) &&
    !value.includes('..') &&
    !value.startsWith('-')
  )
    return { kind: 'branch', branch: value };
  if (match?.[1] === 'file' && value) return { kind: 'file', path: value };
  throw new InputError(
    `Input "${inputName}" is ${JSON.stringify(raw.slice(0, 200))}, which is not allowed: use branch:<name> (letters, digits, . _ / -) or file:<path>.`,
  );
}

/**
 * Given the current document (undefined when there is none yet), returns the new one, or undefined
 * when nothing changes (then nothing is written). It may run several times: keep it pure.
 */
export type Transform = (current: string | undefined) => string | undefined;

export interface UpdateResult {
  written: boolean;
  attempts: number;
}

export interface StateStore {
  readonly description: string;
  read(): Promise<string | undefined>;
  update(transform: Transform, message: string): Promise<UpdateResult>;
}

export interface FileStoreOptions {
  /** The folder the state file must lead into (the workspace); the file's own folder when absent. */
  workspace?: string;
  /** Other roots it may lead into (RUNNER_TEMP). */
  extraRoots?: readonly string[];
  /** Input the path came from, named in errors. */
  input?: string;
  /** The largest state file read; a larger one is refused with this cap in the message. */
  maxBytes?: number;
  /** A lock older than this, or held by a process of this host that is gone, is broken. */
  staleLockMs?: number;
  /** How long to wait for another run's lock before giving up. */
  lockWaitMs?: number;
}

/** Far above a year of history for thousands of tests, far below what would exhaust memory. */
export const MAX_STATE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A local JSON (or any text) file, replaced atomically. Read, change and rename alone would lose
 * the records of all but the last of several runs at once, so each update holds `<path>.lock`,
 * created with O_EXCL (one holder at a time, on every file system that honours it, NFSv3+ included).
 * The file is read and written as every file a user names (files.ts): inside the workspace after
 * resolving links, a regular file, at most `maxBytes`; the new text is written to a temp file beside
 * it and renamed over it (a rename replaces a link, never writes through it).
 */
export function fileStore(path: string, options: FileStoreOptions = {}): StateStore {
  const place = {
    input: options.input ?? 'state',
    extraRoots: options.extraRoots,
    maxBytes: options.maxBytes ?? MAX_STATE_FILE_BYTES,
  };
  const workspace = options.workspace ?? dirname(resolve(path));
  const { real } = confine(workspace, path, place.input, place.extraRoots);
  const read = async () => {
    try {
      return readTextInside(workspace, real, place);
    } catch (error) {
      if (!lexists(real)) return undefined;
      throw error;
    }
  };
  return {
    description: `file ${path}`,
    read,
    async update(transform) {
      const { randomBytes } = await import('node:crypto'); // loaded on the first write, not at start-up
      mkdirSync(dirname(real), { recursive: true });
      const release = await acquireLock(`${real}.lock`, options);
      try {
        const next = transform(await read());
        if (next === undefined) return { written: false, attempts: 1 };
        const temp = writeInside(workspace, `${real}.${randomBytes(4).toString('hex')}.tmp`, next, place);
        renameSync(temp, real);
        return { written: true, attempts: 1 };
      } finally {
        release();
      }
    },
  };
}

/** Whether anything is at `path`, a dangling link included. */
function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A lock file's text: never through a link, from a regular file, at most 1 KiB (it holds `pid host token`). */
function readLock(lock: string): string {
  const fd = openSync(lock, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile())
      throw new UserError(`The state lock ${lock} is not a regular file; delete it.`);
    const buffer = Buffer.alloc(1024);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Who holds a lock: `pid host token`, as the holder wrote it. */
function lockHolder(lock: string): { text: string; pid: number; host: string; ageMs: number } | undefined {
  try {
    const text = readLock(lock);
    const [pid, host] = text.split(' ');
    return { text, pid: Number(pid), host: host ?? '', ageMs: Date.now() - lstatSync(lock).mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new UserError(`The state lock ${lock} is a symbolic link; delete it.`);
    throw error;
  }
}

function processGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the lock file, waiting (with jitter) while another run holds it. A stale lock is moved
 * aside under a unique name and checked: if what moved is not the stale lock (its holder released
 * it and a new run took it in between), it is put back with link(), which never overwrites.
 */
async function acquireLock(lock: string, options: FileStoreOptions): Promise<() => void> {
  const { randomBytes } = await import('node:crypto');
  const staleMs = options.staleLockMs ?? 60_000;
  const deadline = Date.now() + (options.lockWaitMs ?? 120_000);
  const token = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      return () => {
        if (lockHolder(lock)?.text === token) unlinkSync(lock);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UserError(`Cannot lock the state file (${lock}): ${describeError(error)}`);
    }
    const holder = lockHolder(lock);
    if (!holder) continue;
    const stale =
      holder.ageMs > staleMs || (holder.host === hostname() && holder.text !== '' && processGone(holder.pid));
    if (stale) {
      const aside = `${lock}.${randomBytes(4).toString('hex')}.stale`;
      try {
        renameSync(lock, aside);
      } catch {
        continue; // someone else moved or released it
      }
      if (readLock(aside) !== holder.text) {
        try {
          linkSync(aside, lock);
        } catch {
          // A third run took the lock meanwhile; the one moved aside is held by a live run.
        }
      }
      unlinkSync(aside);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(
        `The state file is locked by another run (${lock}, held for ${Math.round(holder.ageMs / 1000)} s by process ${holder.pid || '?'} on ${holder.host || '?'}); if no run is using it, delete the lock file.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 4 * Math.min(attempt, 25)));
  }
}

export interface BranchStoreOptions {
  /** From shared/github.ts (createGitHub or connectGitHub). */
  github: GitHub;
  owner: string;
  repo: string;
  branch: string;
  /** File on the branch, e.g. `flaky-quarantine/history.json`. */
  path: string;
  log: Pick<Logger, 'debug' | 'warning'>;
  /** Writes tried before giving up on conflicts. */
  attempts?: number;
  /** Base of the back-off between conflicting writes, in milliseconds (jittered, grows per attempt). */
  backoffMs?: number;
}

const statusOf = (error: unknown) => (error as { status?: number })?.status;

/**
 * A document on a dedicated branch through the contents API (see the module comment). Nothing here
 * loads the GitHub client up front, so a local state file never pays its start-up cost.
 */
export async function branchStore(options: BranchStoreOptions): Promise<StateStore> {
  const { explainApiError } = await import('./github.js');
  const { github, owner, repo, branch, path, log } = options;
  const apiError = (what: string, error: unknown) => explainApiError(what, error, 'contents: write');
  const attempts = options.attempts ?? 20;
  const backoffMs = options.backoffMs ?? 150;
  const where = `${path} on branch ${branch} of ${owner}/${repo}`;

  /** The document and its blob sha; undefined when the file (or the branch) does not exist. */
  async function readWithSha(): Promise<{ text: string; sha: string } | undefined> {
    let data: { sha?: string; content?: string; encoding?: string; type?: string };
    try {
      ({ data } = (await github.rest.repos.getContent({
        owner,
        repo,
        path,
        ref: `refs/heads/${branch}`,
      })) as {
        data: typeof data;
      });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw apiError(`Reading ${where}`, error);
    }
    if (data.type !== 'file' || !data.sha)
      throw new UserError(`${where} is not a file; remove it or choose another state.`);
    // Files over 1 MB come without content from the contents API: fetch the blob itself.
    let base64 = data.content ?? '';
    if (data.encoding !== 'base64' || !base64) {
      try {
        base64 = (await github.rest.git.getBlob({ owner, repo, file_sha: data.sha })).data.content;
      } catch (error) {
        throw apiError(`Reading the blob of ${where}`, error);
      }
    }
    return { text: Buffer.from(base64, 'base64').toString('utf8'), sha: data.sha };
  }

  async function ensureBranch(): Promise<void> {
    try {
      await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return;
    } catch (error) {
      if (statusOf(error) !== 404) throw apiError(`Looking up branch ${branch}`, error);
    }
    // The state branch starts at the default branch's head: creating a commit needs a parent.
    const { data: repository } = await github.rest.repos.get({ owner, repo });
    const { data: head } = await github.rest.git.getRef({
      owner,
      repo,
      ref: `heads/${repository.default_branch}`,
    });
    try {
      await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
      log.debug(`Created state branch ${branch}.`);
    } catch (error) {
      // Another job created it first: that is the branch we wanted.
      if (statusOf(error) !== 422) throw apiError(`Creating branch ${branch}`, error);
    }
  }

  return {
    description: `branch ${branch} (${path})`,
    read: async () => (await readWithSha())?.text,
    async update(transform, message) {
      for (let attempt = 1; ; attempt++) {
        const current = await readWithSha();
        const next = transform(current?.text);
        if (next === undefined) return { written: false, attempts: attempt };
        if (!current) await ensureBranch();
        try {
          await github.rest.repos.createOrUpdateFileContents({
            owner,
            repo,
            path,
            branch,
            message,
            content: Buffer.from(next).toString('base64'),
            ...(current ? { sha: current.sha } : {}),
          });
          return { written: true, attempts: attempt };
        } catch (error) {
          const status = statusOf(error);
          // 409: the sha moved; 422: a file appeared where we saw none (or the sha is stale).
          if ((status !== 409 && status !== 422) || attempt >= attempts) {
            throw status === 409 || status === 422
              ? new UserError(`Writing ${where} conflicted ${attempt} times with other jobs; re-run the job.`)
              : apiError(`Writing ${where}`, error);
          }
          const wait = Math.round(backoffMs * Math.min(attempt, 8) * (0.5 + Math.random()));
          log.debug(
            `State write conflicted (HTTP ${status}, attempt ${attempt}); re-reading and merging after ${wait} ms.`,
          );
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    },
  };
}
