/** The data every module of `affected` passes around: projects, their links and where they live. */

/** Which tool's conventions a project follows: decides its default inputs and its lockfiles. */
export type Ecosystem = 'js' | 'go' | 'cargo' | 'python' | 'custom';

export const ECOSYSTEMS: readonly Ecosystem[] = ['js', 'go', 'cargo', 'python', 'custom'];

/** One link from a project to another project of the repository. */
export interface Link {
  /** The name of the project depended on. */
  name: string;
  /** Where the link was declared: `dependencies`, `peerDependencies`, `replace`, `implicitDependencies`... */
  kind: string;
}

export interface Project {
  /** The name from the project's own manifest (package.json name, module path, crate name...). */
  name: string;
  /** Folder relative to the repository root; '' is the root. */
  dir: string;
  ecosystem: Ecosystem;
  /** The file that declares the project. */
  manifest: string;
  links: Link[];
  /** Shared version entries the project uses (catalog entries, Cargo workspace inheritance); see describeShared. */
  sharedEntries: string[];
  /** For `projects` input entries: the globs that own files instead of the folder. */
  paths?: string[];
  /** Anchored repository globs of files the project owns and reads outside its folder's defaults. */
  targets?: string[];
  /** The project's own default inputs relative to its folder, before the ecosystem's (Cargo include). */
  inputs?: string[];
  /**
   * For a manifest that also describes a workspace (a root package.json, Cargo.toml or pyproject.toml):
   * its own part, so a change to the workspace part alone does not mark this project.
   */
  fingerprint?: string;
}

/** Everything discovered at one revision. */
export interface Workspace {
  /** Sorted by name; names are unique. */
  projects: Project[];
  byName: Map<string, Project>;
  /**
   * Files read for the structure (workspace lists, catalogs, go.work, a virtual Cargo root): a change
   * to one is analysed (catalog and link diffs), not attributed to a project as a changed input.
   */
  structureFiles: Set<string>;
  /** Shared version entries (catalog and `[workspace.dependencies]` values), keyed like `sharedEntries`. */
  sharedValues: Map<string, string>;
  warnings: string[];
}

/** Joins a folder and a relative path, resolving `.` and `..`; undefined when it leaves the repository. */
export function joinPath(dir: string, relative: string): string | undefined {
  const parts = dir ? dir.split('/') : [];
  for (const part of relative.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The folder of a repository path ('' for a file at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The base name of a repository path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` itself or inside it. */
export function isInside(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** `path` relative to `dir` (which contains it). */
export function relativeTo(path: string, dir: string): string {
  return dir === '' ? path : path.slice(dir.length + 1);
}

/** Words for a shared version entry key (see Project.sharedEntries). */
export function describeShared(key: string): string {
  const [kind, root, a, b] = key.split('\t');
  const where = root ? ` in ${root}` : '';
  if (kind === 'catalog')
    return `catalog entry ${b} (${a === 'default' ? 'default catalog' : `catalog ${a}`}${where})`;
  if (kind === 'cargo-dependencies') return `[workspace.dependencies] ${a}${where}`;
  if (kind === 'cargo-lints') return `[workspace.lints]${where}`;
  return `[workspace.package] ${a}${where}`;
}
