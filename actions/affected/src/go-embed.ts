import { compileGlob } from '../../../shared/glob.js';
import { type Project, dirOf, isInside, relativeTo } from './model.js';

/** Most Go source files read to look for `//go:embed`; past it, embedded files count as non-inputs. */
const MAX_GO_FILES = 2000;

/**
 * The Go files that could embed one of `paths`: `//go:embed` patterns are relative to the package
 * folder and cannot use `..`, so only .go files in a path's own folder and its parents, up to the
 * module root, can name it. Returns them with the paths they could embed.
 */
export function embedCandidates(
  paths: readonly string[],
  goModules: readonly Project[],
  files: readonly string[],
): Map<string, string[]> {
  const goFilesIn = new Map<string, string[]>();
  const candidates = new Map<string, string[]>();
  const relevant = paths.filter((p) => !p.endsWith('.go') && goModules.some((m) => isInside(p, m.dir)));
  if (!relevant.length) return candidates;
  for (const file of files) {
    if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
    const list = goFilesIn.get(dirOf(file));
    if (list) list.push(file);
    else goFilesIn.set(dirOf(file), [file]);
  }
  for (const path of relevant) {
    const module = goModules
      .filter((m) => isInside(path, m.dir))
      .sort((a, b) => b.dir.length - a.dir.length)[0]!;
    for (let dir = dirOf(path); isInside(dir, module.dir); dir = dirOf(dir)) {
      for (const goFile of goFilesIn.get(dir) ?? []) {
        if (!candidates.has(goFile) && candidates.size >= MAX_GO_FILES) return candidates;
        candidates.set(goFile, [...(candidates.get(goFile) ?? []), path]);
      }
      if (dir === module.dir || dir === '') break;
    }
  }
  return candidates;
}

/** The patterns of the `//go:embed` directives in a Go source file. */
export function embedPatterns(source: string): string[] {
  const patterns: string[] = [];
  for (const match of source.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm)) {
    for (const word of match[1]!.match(/"[^"]*"|`[^`]*`|\S+/g) ?? [])
      patterns.push(word.replace(/^["`]|["`]$/g, '').replace(/^all:/, ''));
  }
  return patterns;
}

/**
 * Which of the candidate paths the Go files embed: a pattern names files or folders (a folder embeds
 * everything below it) relative to the file's package folder.
 */
export function embeddedFiles(
  candidates: ReadonlyMap<string, string[]>,
  sources: ReadonlyMap<string, string | undefined>,
): Set<string> {
  const embedded = new Set<string>();
  for (const [goFile, paths] of candidates) {
    const source = sources.get(goFile);
    if (!source?.includes('//go:embed')) continue;
    const packageDir = dirOf(goFile);
    for (const pattern of embedPatterns(source)) {
      if (pattern.includes('..') || pattern.startsWith('/')) continue;
      const glob = compileGlob(`/${pattern.replace(/\/+$/, '')}`, 'go:embed');
      for (const path of paths) {
        const rel = relativeTo(path, packageDir);
        const parts = rel.split('/');
        // The file itself, or any folder above it, matching the pattern.
        if (parts.some((_, i) => glob.matches(parts.slice(0, i + 1).join('/')))) embedded.add(path);
      }
    }
  }
  return embedded;
}
