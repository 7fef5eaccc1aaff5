import { UserError } from '../../../shared/errors.js';
import { joinPath } from './model.js';
import { type Contents, type Draft, fileIn, manifestsNamed } from './manifests.js';

export interface GoMod {
  module: string;
  requires: string[];
  /** Replacements by local path: module path replaced -> folder (repository-relative). */
  replaces: Map<string, string>;
}

/** Splits go.mod / go.work into directives, unfolding `directive ( ... )` blocks. */
function directives(text: string): [string, string][] {
  const out: [string, string][] = [];
  let block: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') block = undefined;
      else out.push([block, line]);
      continue;
    }
    const open = /^(\w+)\s*\($/.exec(line);
    if (open) block = open[1];
    else {
      const m = /^(\w+)\s+(.*)$/.exec(line);
      if (m) out.push([m[1]!, m[2]!]);
    }
  }
  return out;
}

const unquote = (word: string): string => word.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');

/** Local replacement target of a `replace` line, as a folder relative to `dir`; undefined for module targets. */
function localReplace(spec: string, dir: string): [string, string] | undefined {
  const [left, right] = spec.split('=>').map((s) => s.trim().split(/\s+/).map(unquote));
  const target = right?.[0];
  if (!left?.[0] || !target || !(target.startsWith('./') || target.startsWith('../') || target === '.'))
    return undefined;
  const folder = joinPath(dir, target);
  return folder === undefined ? undefined : [left[0], folder];
}

/** Parses the parts of a go.mod that link modules: its path, requirements and local replacements. */
export function parseGoMod(path: string, text: string, dir: string): GoMod {
  const mod: GoMod = { module: '', requires: [], replaces: new Map() };
  for (const [name, rest] of directives(text)) {
    if (name === 'module') mod.module = unquote(rest.trim());
    else if (name === 'require') mod.requires.push(unquote(rest.trim().split(/\s+/)[0]!));
    else if (name === 'replace') {
      const local = localReplace(rest, dir);
      if (local) mod.replaces.set(local[0], local[1]);
    }
  }
  if (!mod.module) throw new UserError(`The workspace file ${path} has no module directive.`);
  return mod;
}

/**
 * Go modules: every go.mod is a project named by its module path (nested modules own their own
 * folders). A module depends on another when a `replace` points at its folder, or when it requires
 * a module that a go.work including both `use`s.
 */
export function discoverGo(contents: Contents): {
  drafts: Draft[];
  structureFiles: string[];
  warnings: string[];
} {
  const drafts: Draft[] = [];
  const warnings: string[] = [];
  const mods = new Map<string, GoMod>(); // dir -> go.mod
  const byModule = new Map<string, string>(); // module path -> dir
  for (const [dir, text] of manifestsNamed(contents, 'go.mod')) {
    // The go command ignores folders starting with `_` or `.` (and testdata, never read here).
    if (/(^|\/)[_.]/.test(dir)) continue;
    let mod: GoMod;
    try {
      mod = parseGoMod(fileIn(dir, 'go.mod'), text, dir);
    } catch (error) {
      if (dir === '' || !(error instanceof UserError)) throw error;
      warnings.push(`${error.message} It is not counted as a module.`);
      continue;
    }
    mods.set(dir, mod);
    if (!byModule.has(mod.module)) byModule.set(mod.module, dir);
    drafts.push({
      ecosystem: 'go',
      dir,
      name: mod.module,
      manifest: fileIn(dir, 'go.mod'),
      links: [],
      sharedEntries: [],
    });
  }
  const byDir = new Map(drafts.map((d) => [d.dir, d]));
  const link = (draft: Draft, dir: string | undefined, kind: string) => {
    const target = dir === undefined ? undefined : byDir.get(dir);
    if (target && target !== draft && !draft.links.some((l) => l.target === target))
      draft.links.push({ target, kind });
  };
  for (const draft of drafts)
    for (const dir of mods.get(draft.dir)!.replaces.values()) link(draft, dir, 'replace');

  const structureFiles: string[] = [];
  for (const [dir, text] of manifestsNamed(contents, 'go.work')) {
    structureFiles.push(fileIn(dir, 'go.work'));
    const used = new Map<string, string>(); // module path -> dir
    const workReplaces = new Map<string, string>();
    for (const [name, rest] of directives(text)) {
      if (name === 'use') {
        const folder = joinPath(dir, unquote(rest.trim()));
        const mod = folder === undefined ? undefined : mods.get(folder);
        if (mod) used.set(mod.module, folder!);
      } else if (name === 'replace') {
        const local = localReplace(rest, dir);
        if (local) workReplaces.set(local[0], local[1]);
      }
    }
    for (const draft of drafts) {
      if (![...used.values()].includes(draft.dir)) continue;
      for (const required of mods.get(draft.dir)!.requires)
        link(draft, workReplaces.get(required) ?? used.get(required), 'go.work');
    }
  }
  return { drafts, structureFiles, warnings };
}
