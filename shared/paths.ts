import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { InputError, source } from './errors.js';

/** Links followed before a path is refused as a loop (Linux's own limit). */
const MAX_LINKS = 40;

export function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Where `path` really leads: every symbolic link resolved, a dangling one included (its target is
 * where a write would land), and missing components joined to the real path of the nearest
 * existing parent. Undefined for a loop of links.
 */
export function realTarget(path: string): string | undefined {
  try {
    // an existing target (the common case): one call, without an lstat before it
    return realpathSync.native(path);
  } catch {
    return linkTarget(path, 0);
  }
}

/** realTarget where realpath failed: a dangling link, a missing file, a loop. */
function linkTarget(path: string, links: number): string | undefined {
  let isLink: boolean;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    // missing (or below a file): the nearest existing parent decides where it would be
    const parent = dirname(path);
    if (parent === path) return path;
    const real = linkTarget(parent, links);
    return real === undefined ? undefined : join(real, basename(path));
  }
  if (!isLink) {
    try {
      return realpathSync.native(path); // one system call, not one lstat per component
    } catch {
      return undefined; // a loop further up
    }
  }
  if (links >= MAX_LINKS) return undefined;
  return linkTarget(resolve(dirname(path), readlinkSync(path)), links + 1);
}

/** Where paths are confined: resolve it once (`confinement`) for the many paths of one run. */
export interface Confinement {
  /** The workspace as given, which relative paths are resolved against. */
  readonly workspace: string;
  /** The real roots a path may lead into: the workspace's and extra ones' such as RUNNER_TEMP. */
  readonly roots: readonly string[];
}

export function confinement(workspace: string, extraRoots: readonly string[] = []): Confinement {
  const roots = [workspace, ...extraRoots]
    .filter(Boolean)
    .map((root) => realTarget(resolve(root)) ?? resolve(root));
  return { workspace, roots };
}

/** `within` for real paths (no `.` or `..` segment): a prefix test first, path.relative only if it fails. */
function insideReal(root: string, real: string): boolean {
  if (real.startsWith(root)) {
    const next = real.length === root.length ? sep : real[root.length];
    if (next === sep || root.endsWith(sep)) return true;
  }
  return within(root, real);
}

export interface Resolved {
  /** The path as given, made absolute against the workspace (for messages and outputs). */
  absolute: string;
  /** Where it leads with every link resolved: the path to open, without following links. */
  real: string;
}

/**
 * Resolves a path input inside the workspace (or one of `extraRoots`, such as RUNNER_TEMP),
 * refusing `..` escapes, absolute paths elsewhere and links, dangling or not, that lead out.
 */
export function confine(
  workspace: string,
  input: string,
  inputName: string,
  extraRoots: readonly string[] = [],
): Resolved {
  return confineTo(confinement(workspace, extraRoots), input, inputName);
}

/** `confine` against roots resolved before (see `confinement`). */
export function confineTo(place: Confinement, input: string, inputName: string): Resolved {
  if (input.includes('\0')) throw new InputError(`Input "${inputName}" contains a NUL character.`);
  const absolute = resolve(place.workspace, input);
  const real = realTarget(absolute);
  if (real === undefined || !place.roots.some((root) => insideReal(root, real))) {
    const shown = JSON.stringify(input.slice(0, 200));
    if (real === undefined)
      throw new InputError(`${source(inputName)} is ${shown}, which is a loop of symbolic links.`);
    const throughLink = real !== absolute && within(resolve(place.workspace), absolute);
    throw new InputError(
      `${source(inputName)} is ${shown}, which leads outside the workspace${throughLink ? ' through a symbolic link' : ''}; use a path inside the repository.`,
    );
  }
  return { absolute, real };
}

/** `confine` for callers that only need the absolute path (folders handed to git). */
export function resolveInside(
  workspace: string,
  input: string,
  inputName: string,
  extraRoots: readonly string[] = [],
): string {
  return confine(workspace, input, inputName, extraRoots).absolute;
}

/**
 * Checks a repository-relative path from configuration (a project folder): no absolute path, no
 * `..` that climbs above the root. Returns it unchanged.
 */
export function confineRelative(path: string, inputName: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/\/$/, '');
  if (
    path.includes('\0') ||
    isAbsolute(path) ||
    /^[a-z]:/i.test(path) ||
    normal === '..' ||
    normal.startsWith('../')
  )
    throw new InputError(
      `${source(inputName)} names the path ${JSON.stringify(path.slice(0, 200))}, which leads outside the repository; use a path relative to its root.`,
    );
  return path;
}
