import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionBundle } from '../shared/runner.js';

/**
 * Loads an action's own bundle, `dist/<action>/action.js` beside this one, so the command line runs
 * the very code a runner runs and `dist/` carries each action once: through the `load` of the
 * `load.js` beside it (scripts/action-loader.cjs), which compiles it with the same code cache as on a
 * runner. (Only the bundled command line runs: from the sources there is no dist/ beside it.)
 */
export async function loadAction(action: string): Promise<ActionBundle> {
  const loader = join(dirname(fileURLToPath(import.meta.url)), '..', action, 'load.js');
  const { load } = createRequire(import.meta.url)(loader) as { load: () => ActionBundle };
  return load();
}
