// TypeScript configuration shared through `extends`: a file outside every project (a root
// tsconfig.base.json) or in another project (a shared config package) is read by exactly the projects
// whose tsconfig*.json extend it, directly or through a chain.
import type { Owners } from './inputs.js';
import { type Workspace, baseName, dirOf, joinPath } from './model.js';

const CONFIG_NAME = /^[jt]sconfig[^/]*\.json$/;

/** The tsconfig/jsconfig files of a file list: what `readers` needs to read. */
export function configFiles(files: readonly string[]): string[] {
  return files.filter((path) => CONFIG_NAME.test(baseName(path)) && !/(^|\/)node_modules\//.test(path));
}

/** True when a changed path may be a shared TypeScript configuration (worth reading the configs for). */
export const mayBeConfig = (path: string): boolean =>
  /\.json$/.test(path) && baseName(path) !== 'package.json';

/**
 * Which projects read each of `changed` through tsconfig `extends` chains: changed path -> project
 * names, sorted. `texts` holds the config files (JSON with comments) at head.
 */
export function readers(
  changed: readonly string[],
  texts: ReadonlyMap<string, string | undefined>,
  workspace: Workspace,
  owners: Owners,
): Map<string, string[]> {
  const extendsOf = new Map<string, string[]>();
  for (const [file, text] of texts)
    if (text !== undefined) extendsOf.set(file, extended(file, text, workspace));
  const wanted = new Set(changed);
  const result = new Map<string, Set<string>>();
  for (const file of texts.keys()) {
    const projects = owners.of(file).filter((p) => p.ecosystem === 'js' || p.ecosystem === 'custom');
    if (!projects.length) continue;
    // Follow the chain from this project's config; the visited set ends loops.
    const seen = new Set<string>([file]);
    const queue = [...(extendsOf.get(file) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const next = queue[i]!;
      if (seen.has(next)) continue;
      seen.add(next);
      if (wanted.has(next)) {
        const names = result.get(next) ?? new Set<string>();
        for (const project of projects) names.add(project.name);
        result.set(next, names);
      }
      queue.push(...(extendsOf.get(next) ?? []));
    }
  }
  return new Map([...result].map(([file, names]) => [file, [...names].sort()]));
}

/** The repository files a config extends: relative paths, and specifiers naming a workspace package. */
function extended(file: string, text: string, workspace: Workspace): string[] {
  let json: unknown;
  try {
    json = JSON.parse(stripJsonComments(text));
  } catch {
    return [];
  }
  const value = json && typeof json === 'object' ? (json as Record<string, unknown>).extends : undefined;
  const specifiers = (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
  const out: string[] = [];
  for (const specifier of specifiers) {
    const withExtension = (path: string) => (path.endsWith('.json') ? path : `${path}.json`);
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const path = joinPath(specifier.startsWith('/') ? '' : dirOf(file), specifier);
      if (path !== undefined) out.push(withExtension(path));
      continue;
    }
    // `@org/tsconfig/base.json` or `@org/tsconfig`: a file in that workspace package.
    const match = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(specifier);
    const project = match ? workspace.byName.get(match[1]!) : undefined;
    if (!project || project.ecosystem !== 'js') continue;
    const inside = match![2] ? withExtension(match![2]) : 'tsconfig.json';
    const path = joinPath(project.dir, inside);
    if (path !== undefined) out.push(path);
  }
  return out;
}

/** JSON with comments and trailing commas (what tsc accepts) -> JSON. */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
