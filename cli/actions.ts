import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ActionBundle } from '../shared/runner.js';

/**
 * Loads an action's own bundle, `dist/<action>/action.js` beside this one, so the command line runs
 * the very code a runner runs and `dist/` carries each action once. (Only the bundled command line
 * runs: from the sources there is no dist/ beside it.)
 */
export async function loadAction(action: string): Promise<ActionBundle> {
  // The compile cache, as dist/<action>/index.js turns it on for a runner (scripts/action-entry.mjs).
  (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(
    join(process.env.RUNNER_TOOL_CACHE || tmpdir(), 'trunk-actions-compile-cache'),
  );
  const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', action, 'action.js');
  const loaded = (await import(/* webpackIgnore: true */ pathToFileURL(bundle).href)) as {
    default: ActionBundle;
  };
  return loaded.default;
}
