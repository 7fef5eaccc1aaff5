// The list of actions: every folder under actions/ that holds an action.yml. Adding the folder adds the
// action to the build, the catalog, the demo and the screenshots; shared/metadata.ts reads the same
// folder for the tests, and the command line gets the list that the build wrote into its bundle.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The action names, sorted by code point so that every machine builds and lists them alike. */
export const ACTIONS = readdirSync(join(root, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'action.yml')))
  .map((entry) => entry.name)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
