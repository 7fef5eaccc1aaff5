import { existsSync, statSync } from 'node:fs';
import { InputError } from '../../../shared/errors.js';
import { resolveInside } from '../../../shared/paths.js';

export interface EnvFilePlace {
  path: string;
  place: { input: string; extraRoots: string[] };
}

/**
 * Where input "env-file" puts the dotenv file: inside the workspace or the runner's temp folder, and
 * not a directory. Checked before anything is computed, so a bad path writes nothing.
 */
export function envFilePlace(
  raw: string | undefined,
  workspace: string,
  runnerTemp: string | undefined,
): EnvFilePlace | undefined {
  if (raw === undefined) return undefined;
  const place = { input: 'env-file', extraRoots: [runnerTemp ?? ''] };
  const path = resolveInside(workspace, raw, place.input, place.extraRoots);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new InputError(
      `Input "env-file" is ${JSON.stringify(raw.slice(0, 200))}, which is a directory; give a file path.`,
    );
  return { path, place };
}
