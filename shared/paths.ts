import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing parent joined with the rest. */
function realPathOf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : resolve(realPathOf(parent), relative(parent, path));
}

/**
 * Resolves a path input inside the workspace (or one of `extraRoots`, such as RUNNER_TEMP),
 * refusing `..` escapes, absolute paths elsewhere and symlinks that lead out. Returns the absolute path.
 */
export function resolveInside(
  workspace: string,
  input: string,
  inputName: string,
  extraRoots: readonly string[] = [],
): string {
  if (/\0/.test(input)) throw new InputError(`Input "${inputName}" contains a NUL character.`);
  const roots = [workspace, ...extraRoots].filter(Boolean).map((r) => realPathOf(resolve(r)));
  const absolute = resolve(workspace, input);
  const real = realPathOf(absolute);
  if (!roots.some((root) => within(root, real))) {
    throw new InputError(
      `Input "${inputName}" is ${JSON.stringify(input.slice(0, 200))}, which leads outside the workspace${existsSync(absolute) && real !== absolute ? ' through a symbolic link' : ''}; use a path inside the repository.`,
    );
  }
  return absolute;
}
