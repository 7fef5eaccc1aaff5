import { UserError } from '../../../shared/errors.js';
import { isInside, joinPath, relativeTo } from './model.js';
import {
  type Contents,
  type Draft,
  type Json,
  FIXTURE_DIR,
  asObject,
  fileIn,
  isObject,
  readTomlManifests,
  memberMatcher,
  strings,
} from './manifests.js';

/** PEP 503 name normalisation: `My_Package` and `my-package` are the same project. */
export const normalisePythonName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The distribution name at the start of a PEP 508 requirement (`foo[extra]>=1; python_version<'3.12'`). */
const requirementName = (requirement: string): string | undefined =>
  /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1];

/** Every requirement a pyproject declares: dependencies, optional dependencies and dependency groups. */
function requirements(toml: Json): string[] {
  const project = asObject(toml.project);
  return [
    ...strings(project.dependencies),
    ...Object.values(asObject(project['optional-dependencies'])).flatMap(strings),
    ...Object.values(asObject(toml['dependency-groups'])).flatMap(strings),
  ];
}

/**
 * uv workspaces: `[tool.uv.workspace] members` minus `exclude`, linked where a requirement names a
 * member whose `[tool.uv.sources]` entry (the member's own or the root's) is `workspace = true` or a path.
 */
export function discoverPython(contents: Contents): {
  drafts: Draft[];
  structureFiles: string[];
  fingerprints: Map<string, string>;
} {
  // As for the other ecosystems: a malformed manifest stops discovery at the root or in a member only,
  // and a workspace inside another one, or in a test fixture folder, is test data, not a workspace.
  const { tomls, unreadable } = readTomlManifests(contents, 'pyproject.toml');
  const structureFiles: string[] = [];
  const fingerprints = new Map<string, string>();
  const drafts: Draft[] = [];
  const sourcesOf = new Map<Draft, Json[]>();
  const roots: string[] = [];
  const byDepth = [...tomls].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
  for (const [rootDir, toml] of byDepth) {
    const uv = asObject(asObject(toml.tool).uv);
    if (!isObject(uv.workspace) || FIXTURE_DIR.test(rootDir) || roots.some((r) => isInside(rootDir, r)))
      continue;
    roots.push(rootDir);
    const file = fileIn(rootDir, 'pyproject.toml');
    structureFiles.push(file);
    const { tool: _t, ...own } = toml;
    fingerprints.set(file, JSON.stringify(own));
    const isMember = memberMatcher(strings(uv.workspace.members), file);
    const isExcluded = memberMatcher(strings(uv.workspace.exclude), file);
    for (const [dir, message] of unreadable) {
      const rel = isInside(dir, rootDir) ? relativeTo(dir, rootDir) : undefined;
      if (rel !== undefined && isMember(rel) && !isExcluded(rel)) throw new UserError(message);
    }
    for (const [dir, member] of tomls) {
      if (!isInside(dir, rootDir)) continue;
      const rel = relativeTo(dir, rootDir);
      const name = asObject(member.project).name;
      if (typeof name !== 'string' || (dir !== rootDir && (!isMember(rel) || isExcluded(rel)))) continue;
      const draft: Draft = {
        ecosystem: 'python',
        dir,
        name,
        manifest: fileIn(dir, 'pyproject.toml'),
        links: [],
        sharedEntries: [],
      };
      drafts.push(draft);
      sourcesOf.set(draft, [asObject(asObject(asObject(member.tool).uv).sources), asObject(uv.sources)]);
    }
  }
  // A repository whose only Python project is a root pyproject.toml without a uv workspace.
  const rootProject = asObject(tomls.get('')?.project).name;
  if (!drafts.length && typeof rootProject === 'string')
    drafts.push({
      ecosystem: 'python',
      dir: '',
      name: rootProject,
      manifest: 'pyproject.toml',
      links: [],
      sharedEntries: [],
    });

  const byName = new Map(drafts.map((d) => [normalisePythonName(d.name), d]));
  const byDir = new Map(drafts.map((d) => [d.dir, d]));
  for (const draft of drafts) {
    for (const requirement of requirements(tomls.get(draft.dir)!)) {
      const name = requirementName(requirement);
      if (!name) continue;
      const source = (sourcesOf.get(draft) ?? [])
        .map((s) => asObject(s[name] ?? s[normalisePythonName(name)]))
        .find((s) => Object.keys(s).length);
      const target =
        source?.workspace === true
          ? byName.get(normalisePythonName(name))
          : typeof source?.path === 'string'
            ? byDir.get(joinPath(draft.dir, source.path) ?? '\0')
            : undefined;
      if (target && target !== draft && !draft.links.some((l) => l.target === target))
        draft.links.push({ target, kind: 'dependencies' });
    }
  }
  return { drafts, structureFiles, fingerprints };
}
