import { InputError } from './errors.js';

/**
 * Glob matching that cannot be made slow. Regex-based matchers (minimatch, picomatch) backtrack
 * exponentially on patterns like `*a*a*a*a*a*a*a*a*b`; this one matches a segment with the classic
 * two-pointer wildcard algorithm (O(n*m) at worst) and `**` with a table over segments.
 *
 * Supported: `*` and `?` within a segment (they match dots too), `**` as a whole segment (any number
 * of segments), `[abc]`, `[a-z]`, `[!a]`, braces `{a,b}` (expanded up front, at most 64 variants),
 * and a leading `!` to negate. A pattern without `/` matches the base name at any depth, like
 * .gitignore, so `*.md` means every Markdown file.
 */

const MAX_PATTERN_LENGTH = 512;
const MAX_EXPANSIONS = 64;

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; test: (c: string) => boolean };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

export interface Glob {
  readonly source: string;
  readonly negated: boolean;
  matches(path: string): boolean;
}

function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const body = pattern.slice(open + 1, i);
      const parts: string[] = [];
      let level = 0;
      let start = 0;
      for (let j = 0; j < body.length; j++) {
        if (body[j] === '{') level++;
        else if (body[j] === '}') level--;
        else if (body[j] === ',' && level === 0) {
          parts.push(body.slice(start, j));
          start = j + 1;
        }
      }
      parts.push(body.slice(start));
      const rest = expandBraces(pattern.slice(i + 1));
      const out: string[] = [];
      for (const part of parts)
        for (const head of expandBraces(pattern.slice(0, open) + part))
          for (const tail of rest) {
            out.push(head + tail);
            if (out.length > MAX_EXPANSIONS)
              throw new Error(`braces expand to more than ${MAX_EXPANSIONS} patterns`);
          }
      return out;
    }
  }
  return [pattern]; // an unclosed brace is a literal
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' }); // `**` inside a segment is `*`
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++i]! });
    else if (c === '[' && segment.indexOf(']', i + 2) > 0) {
      const end = segment.indexOf(']', i + 2);
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j]!, body[j + 2]!]);
          j += 2;
        } else ranges.push([body[j]!, body[j]!]);
      }
      tokens.push({
        kind: 'class',
        test: (ch) => ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== negate,
      });
      i = end;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

function tokenMatches(token: Token, c: string): boolean {
  return (
    token.kind === 'any' ||
    (token.kind === 'char' ? token.char === c : token.kind === 'class' && token.test(c))
  );
}

/** Two-pointer wildcard match: on a mismatch, back up only to the last star. Never exponential. */
function matchSegment(tokens: Token[], text: string): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token && token.kind !== 'star' && tokenMatches(token, text[t]!)) {
      t++;
      p++;
    } else if (token?.kind === 'star') {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

function matchSegments(pattern: Segment[], parts: string[]): boolean {
  // reach[i] = pattern prefix can consume the first i parts; one row per pattern segment.
  let reach = new Array<boolean>(parts.length + 1).fill(false);
  reach[0] = true;
  pattern.forEach((segment, at) => {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    // a trailing `**` after a folder (`dir/**`) needs something in it, as in minimatch
    const least = segment.kind === 'globstar' && at > 0 && at === pattern.length - 1 ? 1 : 0;
    for (let i = 0; i <= parts.length; i++) {
      if (!reach[i]) continue;
      if (segment.kind === 'globstar') for (let j = i + least; j <= parts.length; j++) next[j] = true;
      else if (i < parts.length && matchSegment(segment.tokens, parts[i]!)) next[i + 1] = true;
    }
    reach = next;
  });
  return reach[parts.length]!;
}

/** Compiles a glob; a pattern that is too long or expands too far is an InputError naming `inputName`. */
export function compileGlob(source: string, inputName = 'pattern'): Glob {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new InputError(
      `A pattern in input "${inputName}" is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.`,
    );
  }
  const negated = source.startsWith('!');
  let body = negated ? source.slice(1) : source;
  if (body.split(/[\\/]/).includes('..')) {
    throw new InputError(
      `The pattern ${JSON.stringify(source.slice(0, 80))} in input "${inputName}" has a ".." segment, which leads outside the workspace; patterns are relative to it.`,
    );
  }
  body = body.replace(/^\.\//, '');
  if (!body.includes('/') || body.endsWith('/')) body = body.endsWith('/') ? `${body}**` : `**/${body}`;
  if (body.startsWith('/')) body = body.slice(1);
  let variants: string[];
  try {
    variants = expandBraces(body);
  } catch (error) {
    throw new InputError(
      `The pattern ${JSON.stringify(source.slice(0, 80))} in input "${inputName}": ${(error as Error).message}.`,
    );
  }
  const compiled = variants.map((v) =>
    variant(
      v
        .split('/')
        .filter((s, i, all) => s !== '' || i === all.length - 1)
        .map((s): Segment => (s === '**' ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokenize(s) })),
    ),
  );
  return {
    source,
    negated,
    matches: (path: string) => {
      let parts: string[] | undefined;
      for (const { segments, prefix, literals, depth } of compiled) {
        if (!mayMatch(path, prefix, literals)) continue;
        if (depth) {
          const n = segmentsAfter(path, prefix.length);
          if (n >= depth.least && n <= depth.most) return true;
          continue;
        }
        parts ??= path.split('/');
        if (matchSegments(segments, parts)) return true;
      }
      return false;
    },
  };
}

/**
 * One brace variant with what a path needs to match it, checked with string operations first (most
 * paths fail there): its leading segments without wildcards as the path's first folders (`prefix`),
 * and each of its other wildcard-free segments somewhere in the path (`literals`). When only `*` and
 * `**` segments follow the prefix (`packages/*`, `docs/**`, `**`), the number of path segments after
 * it decides (`depth`), without the table.
 */
interface Variant {
  segments: Segment[];
  prefix: string;
  literals: string[];
  depth?: { least: number; most: number };
}

function variant(segments: Segment[]): Variant {
  const literal = (segment: Segment): string | undefined =>
    segment.kind === 'tokens' && segment.tokens.every((t) => t.kind === 'char')
      ? segment.tokens.map((t) => (t as { char: string }).char).join('')
      : undefined;
  let lead = 0;
  while (lead < segments.length && literal(segments[lead]!) !== undefined) lead++;
  const tail = segments.slice(lead);
  const isStar = (s: Segment) => s.kind === 'tokens' && s.tokens.length === 1 && s.tokens[0]!.kind === 'star';
  let depth: Variant['depth'];
  if (tail.every((s) => s.kind === 'globstar' || isStar(s))) {
    const stars = tail.filter(isStar).length;
    // as in matchSegments: a trailing `**` after something else needs a segment of its own
    const least = stars + (segments.length > 1 && segments.at(-1)!.kind === 'globstar' ? 1 : 0);
    depth = { least, most: tail.length > stars ? Infinity : stars };
  }
  return {
    segments,
    prefix: segments
      .slice(0, lead)
      .map((s) => literal(s)!)
      .join('/'),
    literals: tail.flatMap((s) => literal(s) ?? []),
    depth,
  };
}

/** The number of segments of `path` after its first `prefixLength` characters and the `/` after them. */
function segmentsAfter(path: string, prefixLength: number): number {
  if (prefixLength > 0 && path.length === prefixLength) return 0;
  let count = 1;
  for (
    let at = path.indexOf('/', prefixLength + (prefixLength > 0 ? 1 : 0));
    at >= 0;
    at = path.indexOf('/', at + 1)
  )
    count++;
  return count;
}

function mayMatch(path: string, prefix: string, literals: readonly string[]): boolean {
  if (
    prefix !== '' &&
    !(path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/'))
  )
    return false;
  for (const literal of literals) if (!path.includes(literal)) return false;
  return true;
}

/**
 * A list of patterns where later negations subtract (`!docs/keep.md`), as in .gitignore and
 * GitHub's `paths` filters. Returns a predicate over repository-relative paths.
 */
export function globList(patterns: readonly string[], inputName = 'pattern'): (path: string) => boolean {
  const globs = patterns.map((p) => compileGlob(p, inputName));
  return (path) => {
    let matched = false;
    for (const glob of globs) {
      if (glob.negated) matched &&= !glob.matches(path);
      else matched ||= glob.matches(path);
    }
    return matched;
  };
}
