import { parse as parseToml } from 'smol-toml';
import { UserError } from '../../../shared/errors.js';
import { globList } from '../../../shared/glob.js';
import { YamlNotLoaded } from '../../../shared/yaml.js';
import { parseFastYaml } from './fast-yaml.js';
import { type Ecosystem, baseName } from './model.js';

/** Names of the files discovery reads; everything else is only listed. */
const MANIFEST_NAMES = new Set([
  'package.json',
  'pnpm-workspace.yaml',
  '.yarnrc.yml',
  'project.json',
  'go.mod',
  'go.work',
  'Cargo.toml',
  'pyproject.toml',
]);

/** Folders whose manifests never describe a project of this repository. */
const FOREIGN_DIR = /(^|\/)(node_modules|\.git|testdata|vendor|target)\//;

/**
 * Folders of test fixtures and samples: a workspace file or standalone manifest there describes
 * input data of a test, not a project, unless a workspace's globs select it.
 */
export const FIXTURE_DIR = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data)(\/|$)/;

/** The files discovery needs to read, chosen from a revision's file list by name. */
export function manifestPaths(files: readonly string[]): string[] {
  return files.filter((path) => MANIFEST_NAMES.has(baseName(path)) && !FOREIGN_DIR.test(path));
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A parse failure named by its file, so the user knows which workspace file to fix. */
function malformed(path: string, kind: string, error: unknown): UserError {
  if (error instanceof YamlNotLoaded) throw error; // not a verdict on the file: see withYaml
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
  return new UserError(`The workspace file ${path} is not valid ${kind}: ${detail}`);
}

export function parseJsonFile(path: string, text: string): Json {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!isObject(value)) throw new Error('expected an object');
    return value;
  } catch (error) {
    throw malformed(path, 'JSON', error);
  }
}

export function parseYamlFile(path: string, text: string): Json {
  try {
    const value: unknown = parseFastYaml(text) ?? {};
    if (!isObject(value)) throw new Error('expected a mapping');
    return value;
  } catch (error) {
    throw malformed(path, 'YAML', error);
  }
}

export function parseTomlFile(path: string, text: string): Json {
  try {
    return parseToml(text) as Json;
  } catch (error) {
    throw malformed(path, 'TOML', error);
  }
}

/**
 * Every TOML manifest called `name`, parsed. One that cannot be read stops discovery at the
 * repository root (the package manager fails there too); elsewhere (a fixture, a sample) it is kept
 * in `unreadable` with its message, for the caller to fail on only when a workspace selects it.
 */
export function readTomlManifests(
  contents: Contents,
  name: string,
): { tomls: Map<string, Json>; unreadable: Map<string, string> } {
  const tomls = new Map<string, Json>();
  const unreadable = new Map<string, string>();
  for (const [dir, text] of manifestsNamed(contents, name)) {
    try {
      tomls.set(dir, parseTomlFile(fileIn(dir, name), text));
    } catch (error) {
      if (dir === '' || !(error instanceof UserError)) throw error;
      unreadable.set(dir, error.message);
    }
  }
  return { tomls, unreadable };
}

/**
 * Matches folders against workspace member patterns (`packages/*`, `!packages/private`), anchored
 * at the workspace root: a bare `app` means the folder `app`, not any folder named app.
 */
export function memberMatcher(patterns: readonly string[], source: string): (relDir: string) => boolean {
  const anchored = patterns
    .map((p) => {
      const negated = p.startsWith('!');
      const body = (negated ? p.slice(1) : p).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
      return body === '' || body === '.' ? undefined : `${negated ? '!' : ''}/${body}`;
    })
    .filter((p): p is string => !!p)
    // The package managers look for `<pattern>/package.json`, so `dir/**` selects `dir` itself too.
    .flatMap((p) => (p.endsWith('/**') ? [p, p.slice(0, -3)] : [p]));
  // Most lists are plain `folder/*` or `folder/**`: answer those with string checks, which is what
  // keeps discovery fast on 5,000 packages; anything else goes through the safe glob matcher.
  const simple = anchored.every(
    (p) => /^\/[^*?[\]{}!\\]+\/\*\*?$/.test(p) || (!p.startsWith('!') && anchored.includes(`${p}/**`)),
  );
  if (simple) {
    const rules = anchored
      .filter((p) => p.endsWith('*'))
      .map((p) => ({
        prefix: `${p.slice(1, p.lastIndexOf('/'))}/`,
        deep: p.endsWith('**'),
      }));
    return (relDir) =>
      rules.some(
        ({ prefix, deep }) =>
          (deep && relDir.length === prefix.length - 1 && prefix.startsWith(relDir)) ||
          (relDir.startsWith(prefix) &&
            relDir.length > prefix.length &&
            (deep || !relDir.includes('/', prefix.length))),
      );
  }
  const matches = globList(anchored, source);
  return (relDir) => relDir !== '' && matches(relDir);
}

/** A project found by one ecosystem's discovery, before names are made unique. */
export interface Draft {
  ecosystem: Ecosystem;
  dir: string;
  name: string;
  manifest: string;
  /** Other drafts this one depends on (object references: no string keys to build for 5,000 packages). */
  links: { target: Draft; kind: string }[];
  sharedEntries: string[];
  /** Also known by these names when other manifests refer to it (a package.json name under an Nx name). */
  aliases?: string[];
  paths?: string[];
  /** Anchored repository globs of files the project reads wherever they are (Cargo target paths). */
  targets?: string[];
  /** The project's own default inputs, relative to its folder (Cargo `include`/`exclude`). */
  inputs?: string[];
}

/** Manifest contents by path, at one revision. */
export type Contents = ReadonlyMap<string, string | undefined>;

/** One manifest: its folder, its text and its path. */
export type Manifest = [dir: string, text: string, path: string];

const byName = new WeakMap<Contents, Map<string, Manifest[]>>();

/** The manifests with a given base name, sorted by folder (indexed once per revision). */
export function manifestsNamed(contents: Contents, name: string): Manifest[] {
  let index = byName.get(contents);
  if (!index) {
    const lists = (index = new Map<string, Manifest[]>());
    // forEach and index access rather than destructuring: this runs once per manifest, before the JIT
    // has warmed up, where each destructured pair costs an iterator.
    contents.forEach((text, path) => {
      if (text === undefined) return;
      const slash = path.lastIndexOf('/');
      const base = path.slice(slash + 1);
      const manifest: Manifest = [slash < 0 ? '' : path.slice(0, slash), text, path];
      const list = lists.get(base);
      if (list) list.push(manifest);
      else lists.set(base, [manifest]);
    });
    for (const list of index.values()) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    byName.set(contents, index);
  }
  return index.get(name) ?? [];
}

/** `dir/name`, or `name` at the root. */
export const fileIn = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
