import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError, UserError, source } from './errors.js';
import { compileGlob, globList } from './glob.js';
import type { Logger } from './io.js';
import { type Confinement, confineTo, confinement, realTarget, within } from './paths.js';

/**
 * The one way actions touch files a user names. A path is resolved with every link followed
 * (dangling ones too) and must lead into the workspace or an extra root (RUNNER_TEMP); the file is
 * then opened without following links (O_NOFOLLOW), so a link swapped in afterwards is refused, and
 * without blocking (O_NONBLOCK), so a FIFO cannot hang the step. Reads take regular files only and
 * stop at a byte cap that the error names.
 */

/** Folders never searched for inputs: VCS data and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface Place {
  /** Input the path came from, named in every error. */
  input: string;
  /** Roots besides the workspace that the path may lead into (RUNNER_TEMP for temporary files). */
  extraRoots?: readonly string[];
}

export interface ReadPlace extends Place {
  /** The most bytes read; a larger file is refused with this cap in the message. */
  maxBytes: number;
}

/** A byte count as people read it: `1.5 MiB`, `4 KiB`. */
export const mib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;

/** One sentence for an error from opening a file the user named. */
function openError(error: unknown, path: string, input: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOENT'
      ? 'which does not exist'
      : code === 'EISDIR'
        ? 'which is a directory; name a file'
        : code === 'ELOOP'
          ? 'which is a symbolic link (it changed while being opened)'
          : code === 'ENOTDIR'
            ? 'but a folder on its way is a file'
            : code === 'EACCES' || code === 'EPERM'
              ? 'which this step may not open'
              : code === 'ENXIO'
                ? 'which is not a regular file'
                : `which cannot be opened (${code ?? (error as Error).message})`;
  return new InputError(`${source(input)} names ${path}, ${what}.`);
}

function openConfined(
  place: Place,
  roots: Confinement,
  path: string,
  flags: number,
): { fd: number; shown: string } {
  const { real } = confineTo(roots, path, place.input);
  const shown = path.slice(0, 200);
  try {
    if (flags & constants.O_WRONLY) mkdirSync(dirname(real), { recursive: true });
    const fd = openSync(real, flags | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
    return { fd, shown };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw openError(error, shown, place.input);
  }
}

/** A file the user named, as bytes: inside the workspace, a regular file, at most `maxBytes`. */
export function readInside(workspace: string, path: string, place: ReadPlace): Buffer {
  return readConfined(place, confinement(workspace, place.extraRoots), path);
}

/**
 * `readInside` for the many files of one run: the workspace's real path (and the extra roots') is
 * resolved once, here, instead of for every file.
 */
export function readerInside(workspace: string, place: ReadPlace): (path: string) => Buffer {
  const roots = confinement(workspace, place.extraRoots);
  return (path) => readConfined(place, roots, path);
}

function readConfined(place: ReadPlace, roots: Confinement, path: string): Buffer {
  const { fd, shown } = openConfined(place, roots, path, constants.O_RDONLY);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory())
      throw new InputError(`${source(place.input)} names ${shown}, which is a directory; name a file.`);
    if (!stats.isFile())
      throw new InputError(`${source(place.input)} names ${shown}, which is not a regular file.`);
    const tooLarge = () =>
      new InputError(
        `${source(place.input)} names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`,
      );
    if (stats.size > place.maxBytes) throw tooLarge();
    // Read to the cap plus one byte whatever the size said: a file may grow while it is read, and
    // some (in /proc) say 0. The buffer starts at the size said (a small one is a slice of Node's
    // shared pool, not an allocation of its own) and grows only for a file that did grow.
    const limit = place.maxBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.min(limit, stats.size ? stats.size + 1 : 64 * 1024));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length === limit) break;
        const larger = Buffer.allocUnsafe(Math.min(limit, 2 * length));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > place.maxBytes) throw tooLarge();
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A text file the user named: `readInside`, then UTF-8 without NUL bytes (a BOM is dropped).
 * Anything else is a user error naming the input and the file, never a parser crash later.
 */
export function readTextInside(workspace: string, path: string, place: ReadPlace): string {
  return decodeText(readInside(workspace, path, place), path, place.input);
}

/** Bytes as UTF-8 text, or a user error naming the input and file when they are not text. */
export function decodeText(bytes: Uint8Array, path: string, input: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(`${source(input)} names ${path.slice(0, 200)}, which is not UTF-8 text.`);
  }
  if (text.includes('\0'))
    throw new InputError(
      `${source(input)} names ${path.slice(0, 200)}, which is not text (it holds NUL bytes).`,
    );
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Writes (replaces) a file the user named, inside the workspace or an extra root, creating its
 * folders. A link whose target stays inside is written through; one leading out is refused.
 * Returns the absolute path as given.
 */
export function writeInside(
  workspace: string,
  path: string,
  data: string | Uint8Array,
  place: Place,
): string {
  const { fd, shown } = openConfined(
    place,
    confinement(workspace, place.extraRoots),
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
  );
  try {
    if (!fstatSync(fd).isFile())
      throw new InputError(`${source(place.input)} names ${shown}, which is not a regular file.`);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
  return resolve(workspace, path);
}

export interface FindOptions {
  /** Stop after this many matches and say so. */
  maxFiles?: number;
  /** Input the patterns came from, for errors and warnings. */
  inputName?: string;
  /** Told about each pattern that matches no file. */
  log?: Pick<Logger, 'warning'>;
}

/**
 * A search pattern relative to the workspace. One written as an absolute path inside the workspace
 * is made relative; `/x` stays anchored at the root when `x` exists there; any other absolute
 * pattern, or one with a `..` segment, leads outside and is an error naming the input.
 */
function workspacePattern(root: string, pattern: string, inputName: string): string {
  const negated = pattern.startsWith('!');
  let body = negated ? pattern.slice(1) : pattern;
  if (isAbsolute(body)) {
    const first = body.split('/').find(Boolean) ?? '';
    if (within(resolve(root), body)) body = relative(resolve(root), body) || '**';
    else if (!first || !existsSync(join(root, first))) body = '/..';
  }
  if (body.split(/[\\/]/).includes('..'))
    throw new InputError(
      `Input "${inputName}" has the pattern ${JSON.stringify(pattern.slice(0, 200))}, which leads outside the workspace; patterns are relative to the workspace.`,
    );
  return negated ? `!${body}` : body;
}

/**
 * Files below `root` matching the patterns (see glob.ts), as sorted root-relative paths with `/`.
 * Folders reached through links are not searched; a linked file is listed only when its target is
 * a file inside the root. Patterns leading outside are refused; ones matching nothing are warned of.
 */
export function findFiles(root: string, patterns: readonly string[], options: FindOptions = {}): string[] {
  const inputName = options.inputName ?? 'patterns';
  const relativePatterns = patterns.map((p) => workspacePattern(root, p, inputName));
  const matches = globList(relativePatterns, inputName);
  const maxFiles = options.maxFiles ?? 100_000;
  const { roots } = confinement(root);
  const found: string[] = [];
  const linkedFileInside = (path: string) => {
    const real = realTarget(path);
    if (real === undefined || !roots.some((r) => within(r, real))) return false;
    try {
      const fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      try {
        return fstatSync(fd).isFile();
      } finally {
        closeSync(fd);
      }
    } catch {
      return false;
    }
  };
  // `prefix` is the folder relative to root, `/`-separated: no path arithmetic per file.
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
        walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const rel = prefix + entry.name;
        if (!matches(rel)) continue;
        if (entry.isSymbolicLink() && !linkedFileInside(join(dir, entry.name))) {
          options.log?.warning(
            `Input "${inputName}": ${rel} is a symbolic link that does not lead to a file inside the workspace; skipped.`,
          );
          continue;
        }
        {
          if (found.length >= maxFiles) {
            throw new UserError(
              `More than ${maxFiles} files match input "${inputName}"; narrow the patterns.`,
            );
          }
          found.push(rel);
        }
      }
    }
  };
  walk(root, '');
  if (options.log) {
    // one warning for the input, so a default list of alternatives costs one line, not one per pattern
    const unmatched = patterns.filter((_, i) => {
      const relative = relativePatterns[i]!;
      if (relative.startsWith('!')) return false;
      const glob = compileGlob(relative, inputName);
      return !found.some((path) => glob.matches(path));
    });
    if (unmatched.length)
      options.log.warning(
        `Input "${inputName}": ${unmatched.length === 1 ? 'the pattern' : 'the patterns'} ${unmatched.map((p) => JSON.stringify(p)).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no file.`,
      );
  }
  return found.sort();
}

/**
 * A file the user named, in chunks read into one reused buffer (each chunk is valid until the next
 * is asked for), with the same checks as `readInside`; more than `maxBytes` is an error naming the cap.
 */
export function* readChunksInside(workspace: string, path: string, place: ReadPlace): Generator<Uint8Array> {
  const { fd, shown } = openConfined(
    place,
    confinement(workspace, place.extraRoots),
    path,
    constants.O_RDONLY,
  );
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new InputError(
        `${source(place.input)} names ${shown}, which is ${stats.isDirectory() ? 'a directory; name a file' : 'not a regular file'}.`,
      );
    const buffer = Buffer.allocUnsafe(1 << 16);
    let total = 0;
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      total += read;
      if (total > place.maxBytes)
        throw new InputError(
          `${source(place.input)} names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`,
        );
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
