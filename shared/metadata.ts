import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYaml, parseYaml } from './yaml.js';

export interface InputMeta {
  description: string;
  required?: boolean;
  default?: string;
  deprecationMessage?: string;
}

export interface ActionMeta {
  name: string;
  description: string;
  inputs: Record<string, InputMeta>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding?: { icon?: string; color?: string };
}

/**
 * The repository root: the folder holding `actions/`. Found by walking up from this module, which is
 * `shared/` in the sources and `dist/<bundle>/` in a bundle; both sit two levels or fewer below it.
 */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(join(dir, 'actions')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the actions/ folder above ${fileURLToPath(import.meta.url)}`);
}

/**
 * A bundle carries its action.yml files already parsed (`npm run bundle` writes this file beside
 * index.js): parsing YAML at every start-up cost more than the rest of a small action's set-up.
 */
const BUNDLED_METADATA = 'action-metadata.json';

/**
 * The actions: each folder under `actions/` with an action.yml, sorted (scripts/actions.mjs reads the
 * same for the build). A bundle answers with the actions it was built to serve, from its parsed
 * metadata: the command line's names them all, whatever of `actions/` an install ships.
 */
export function actionNames(): string[] {
  const bundled = join(dirname(fileURLToPath(import.meta.url)), BUNDLED_METADATA);
  if (existsSync(bundled)) return Object.keys(JSON.parse(readFileSync(bundled, 'utf8')) as object);
  const actions = join(repositoryRoot(), 'actions');
  return readdirSync(actions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(actions, entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads `actions/<name>/action.yml`, the single source of input names, defaults and outputs. */
export async function loadActionMeta(name: string, root?: string): Promise<ActionMeta> {
  const bundled = join(dirname(fileURLToPath(import.meta.url)), BUNDLED_METADATA);
  let meta: ActionMeta | undefined;
  if (existsSync(bundled)) {
    meta = (JSON.parse(readFileSync(bundled, 'utf8')) as Record<string, ActionMeta>)[name];
  } else {
    await loadYaml();
    const file = join(root ?? repositoryRoot(), 'actions', name, 'action.yml');
    meta = parseYaml(readFileSync(file, 'utf8')) as ActionMeta;
  }
  if (!meta) throw new Error(`bug: no metadata for action ${name} in ${bundled}`);
  return { ...meta, inputs: meta.inputs ?? {}, outputs: meta.outputs ?? {} };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Evaluates the few `${{ }}` expressions that action.yml defaults use, as the runner would:
 * `github.token`, `github.workspace`, `github.repository` and friends. Outside the runner (the
 * command line, the test harness) they come from the environment; on a runner, where an input was
 * given empty on purpose, `github.token` is not in the environment and stays empty.
 */
export function evaluateDefault(text: string, env: Env): string {
  return text.replace(/\$\{\{\s*github\.([a-z_]+)\s*\}\}/g, (_, key: string) =>
    key === 'token' ? (env.GITHUB_TOKEN ?? '') : (env[`GITHUB_${key.toUpperCase()}`] ?? ''),
  );
}
