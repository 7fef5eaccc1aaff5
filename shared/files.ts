import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors.js';
import { globList } from './glob.js';

/** Folders never searched for inputs: VCS data and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface FindOptions {
  /** Stop after this many matches and say so. */
  maxFiles?: number;
  /** Input the patterns came from, for errors. */
  inputName?: string;
}

/**
 * Files below `root` matching the patterns (see glob.ts), as sorted root-relative paths with `/`.
 * Symbolic links are not followed, so a link cannot lead the search out of the workspace.
 */
export function findFiles(root: string, patterns: readonly string[], options: FindOptions = {}): string[] {
  const matches = globList(patterns, options.inputName);
  const maxFiles = options.maxFiles ?? 100_000;
  const found: string[] = [];
  // `prefix` is the folder relative to root, `/`-separated: no path arithmetic per file.
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
        walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const rel = prefix + entry.name;
        if (matches(rel)) {
          if (found.length >= maxFiles) {
            throw new UserError(
              `More than ${maxFiles} files match input "${options.inputName ?? 'patterns'}"; narrow the patterns.`,
            );
          }
          found.push(rel);
        }
      }
    }
  };
  walk(root, '');
  return found.sort();
}

/** The first bytes of a file, for sniffing its format (gzip, HTML, BOM) before parsing. */
export function readHead(path: string, bytes = 512): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** A file's size, failing with a user error that names it when it is larger than `maxBytes`. */
export function checkSize(path: string, maxBytes: number, what = 'file'): number {
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new UserError(`The ${what} ${path} is ${size} bytes; at most ${maxBytes} are read.`);
  }
  return size;
}
