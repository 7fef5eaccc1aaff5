import { compileGlob, globList } from '../../../shared/glob.js';
import { type Ecosystem, type Project, type Workspace, dirOf, isInside, relativeTo } from './model.js';

/** Files in any project folder that no build reads: documentation, editor, repository and CI configuration. */
export const NON_INPUTS = [
  '!**/*.md',
  '!**/LICENSE*',
  '!.github/**',
  '!.vscode/**',
  '!.idea/**',
  '!.devcontainer/**',
  '!.editorconfig',
  '!.gitignore',
  '!.gitattributes',
  '!.mailmap',
  '!CODEOWNERS',
  '!.circleci/**',
  '!.gitlab-ci.yml',
  '!renovate.json',
  '!.pre-commit-config.yaml',
];

/** What a project's build reads, relative to its folder, by ecosystem (documented in the README). */
export const DEFAULT_INPUTS: Record<Ecosystem, readonly string[]> = {
  js: ['**', ...NON_INPUTS],
  python: ['**', ...NON_INPUTS],
  custom: ['**', ...NON_INPUTS],
  go: ['**/*.go', '/go.mod', '/go.sum', '**/testdata/**', '**/*.s', '**/*.c', '**/*.h', ...NON_INPUTS],
  cargo: ['/Cargo.toml', '/build.rs', '/src/**', '/tests/**', '/benches/**', '/examples/**', ...NON_INPUTS],
};

/** The `inputs` input: globs per project name or per ecosystem, replacing the defaults. */
export type InputsOverride = ReadonlyMap<string, readonly string[]>;

/**
 * Decides which files a project reads: its manifest always; otherwise the `inputs` override for its
 * name, else for its ecosystem, else the ecosystem default. Matchers are compiled once per rule.
 */
export class InputRules {
  private readonly compiled = new Map<string, (path: string) => boolean>();

  constructor(
    private readonly override: InputsOverride,
    /** Files known to be read by a project beyond its globs (Go `//go:embed`). */
    private readonly extra: ReadonlySet<string> = new Set(),
  ) {}

  isInput(project: Project, path: string): boolean {
    if (path === project.manifest || this.extra.has(path)) return true;
    if (project.targets && this.matcher(`targets:${project.name}`, project.targets)(path)) return true;
    const key = this.override.has(project.name)
      ? project.name
      : this.override.has(project.ecosystem)
        ? project.ecosystem
        : project.inputs
          ? `own:${project.name}`
          : `default:${project.ecosystem}`;
    const matches = this.matcher(
      key,
      this.override.get(key) ?? project.inputs ?? DEFAULT_INPUTS[project.ecosystem],
    );
    // Explicit projects own files by repository-relative globs; their inputs are relative to the root too.
    if (project.paths) return matches(path);
    return isInside(path, project.dir) && matches(relativeTo(path, project.dir));
  }

  private matcher(key: string, patterns: readonly string[]): (path: string) => boolean {
    let matches = this.compiled.get(key);
    if (!matches) {
      matches = globList(patterns, 'inputs');
      this.compiled.set(key, matches);
    }
    return matches;
  }
}

/**
 * Maps files to the projects that own them: the project with the deepest folder containing the file
 * (so a nested Go module or a package inside another's folder owns its files), plus any project of
 * the `projects` input whose globs match and any crate whose target paths point at the file.
 */
export class Owners {
  private readonly byDir = new Map<string, Project[]>();
  private readonly byGlobs: { project: Project; matches: (path: string) => boolean }[] = [];

  constructor(workspace: Workspace) {
    for (const project of workspace.projects) {
      if (project.targets) this.byGlobs.push({ project, matches: globList(project.targets, 'targets') });
      if (project.paths) {
        this.byGlobs.push({ project, matches: globList(project.paths.map(anchor), 'projects') });
        continue;
      }
      const list = this.byDir.get(project.dir);
      if (list) list.push(project);
      else this.byDir.set(project.dir, [project]);
    }
  }

  of(path: string): Project[] {
    const owners = this.byGlobs.filter((g) => g.matches(path)).map((g) => g.project);
    for (let dir = dirOf(path); ; dir = dirOf(dir)) {
      const found = this.byDir.get(dir);
      if (found) {
        for (const project of found) if (!owners.includes(project)) owners.push(project);
        break;
      }
      if (dir === '') break;
    }
    return owners;
  }
}

/** Repository-relative globs from the `projects` input: `packages/a/**` means that folder, not any depth. */
const anchor = (glob: string): string => {
  const negated = glob.startsWith('!');
  const body = (negated ? glob.slice(1) : glob).replace(/^\.?\//, '');
  return `${negated ? '!' : ''}/${body}`;
};

/** Validates glob lists up front so a bad pattern fails as a user error naming the input. */
export function checkGlobs(patterns: readonly string[], inputName: string): void {
  for (const p of patterns) compileGlob(p, inputName);
}
