/**
 * A fast reader for the YAML that pnpm and yarn berry write (lockfiles, pnpm-workspace.yaml,
 * .yarnrc.yml), falling back to the full `yaml` library.
 *
 * The full parser took about 1.5 s of CPU per MB here (a large monorepo's pnpm-lock.yaml is 5-20 MB),
 * and its first call alone costs a small workspace file several milliseconds of compiling.
 * These files use a small, regular subset: block mappings, `- item` sequences, plain, quoted and flow
 * (`{integrity: sha512-...}`, `[x64]`) scalars, full-line comments. Anything else (anchors, tags, block
 * scalars, odd indentation, a repeated key, which the full parser reports) makes this reader give up
 * and the full parser read the whole file.
 * Scalars stay strings (callers read them as text); mappings have no prototype, so `__proto__` is a key.
 */
import { parseYaml } from '../../../shared/yaml.js';

class Unsupported extends Error {}

type Container = Record<string, unknown> | unknown[];

interface Frame {
  indent: number;
  container: Container;
}

/** The parsed text. Nothing is kept between calls (readFastYaml keeps a text with its tree). */
export function parseFastYaml(source: string): unknown {
  const read = readFastYaml(source);
  return read ? read.tree : parseYaml(source);
}

/**
 * The fast reader's tree of `source`, kept with the text; undefined when the text needs the full
 * parser. `beside`: a read of another version of the same file (a lockfile at the base and at the
 * head), whose entries are taken where their text did not change (see readBeside).
 */
export function readFastYaml(source: string, beside?: FastYamlRead): FastYamlRead | undefined {
  try {
    return new FastYamlRead(source, (beside && readBeside(source, beside)) ?? parseSubset(source));
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return undefined;
  }
}

export class FastYamlRead {
  private cached: Layout | null | undefined;

  constructor(
    readonly source: string,
    readonly tree: Record<string, unknown>,
  ) {}

  /** The text cut into entries, each matched with its key in the tree; null when they do not match. */
  layout(): Layout | null {
    if (this.cached === undefined) this.cached = layoutOf(this.source, this.tree);
    return this.cached;
  }
}

/**
 * A text cut at its top-level keys and, under each, at its entries: a line indented by two spaces
 * with the deeper lines, blank lines and comments after it (how pnpm writes `packages:` and the like).
 */
interface Cut {
  /** Blank lines and comments before the first key. */
  lead: string;
  /** A top-level key's line with the lines before its first entry, and its entries' texts. */
  segments: { head: string; entries: string[] }[];
}

/** A cut read by the fast reader: per segment its key and, where they pair one to one, each entry's key. */
interface Layout extends Cut {
  keys: { key: string; entries?: Map<string, string> }[];
}

const SPACE = 0x20;

/** True for a line's first character that starts content: not a space, tab, `#` or line end. */
function startsContent(code: number): boolean {
  return !(
    code === SPACE ||
    code === 0x09 ||
    code === 0x23 ||
    code === 0x0a ||
    code === 0x0d ||
    Number.isNaN(code)
  );
}

function cut(source: string): Cut {
  const segments: Cut['segments'] = [];
  let lead = '';
  let segment: Cut['segments'][number] | undefined;
  let start = 0;
  let inEntry = false;
  const close = (at: number): void => {
    const text = source.slice(start, at);
    if (segment === undefined) lead = text;
    else if (inEntry) segment.entries.push(text);
    else segment.head = text;
    start = at;
  };
  for (let line = 0; line < source.length;) {
    const end = source.indexOf('\n', line);
    const first = source.charCodeAt(line);
    if (first === SPACE) {
      if (segment && source.charCodeAt(line + 1) === SPACE && startsContent(source.charCodeAt(line + 2))) {
        close(line);
        inEntry = true;
      }
    } else if (startsContent(first)) {
      close(line);
      segment = { head: '', entries: [] };
      segments.push(segment);
      inEntry = false;
    }
    line = end < 0 ? source.length : end + 1;
  }
  close(source.length);
  return { lead, segments };
}

/** Keys an object orders before the others (array indices): entries would not pair with them. */
const isIndex = (key: string): boolean => /^(?:0|[1-9][0-9]*)$/.test(key);

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function layoutOf(source: string, tree: Record<string, unknown>): Layout | null {
  const { lead, segments } = cut(source);
  const keys = Object.keys(tree);
  if (keys.length !== segments.length || keys.some(isIndex)) return null;
  return {
    lead,
    segments,
    keys: segments.map((segment, i) => {
      const key = keys[i]!;
      const value = tree[key];
      if (!isMapping(value) || segment.entries.length === 0) return { key };
      const inner = Object.keys(value);
      if (inner.length !== segment.entries.length || inner.some(isIndex)) return { key };
      return { key, entries: new Map(segment.entries.map((text, j) => [text, inner[j]!])) };
    }),
  };
}

/**
 * The tree of `source` read beside another version of it: the same top-level lines (each compared
 * whole where its entries do not pair with keys), an entry whose text `beside` has taken from its
 * tree, and only the other entries read, under their top-level line. An entry reads the same
 * wherever it stands (the reader starts each at its key, two spaces in, under its top-level key),
 * so the tree is the one reading the whole text gives, keys in the same order. Undefined where the
 * two do not line up, or a key repeats (the whole text is then read, and the repeat reported).
 */
function readBeside(source: string, beside: FastYamlRead): Record<string, unknown> | undefined {
  const known = beside.layout();
  if (!known) return undefined;
  const { lead, segments } = cut(source);
  if (lead !== known.lead || segments.length !== known.segments.length) return undefined;
  const tree = newMap();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const was = known.segments[i]!;
    const { key, entries } = known.keys[i]!;
    if (segment.head !== was.head) return undefined;
    if (entries === undefined) {
      if (segment.entries.join('') !== was.entries.join('')) return undefined;
      tree[key] = beside.tree[key];
      continue;
    }
    const value = entriesBeside(segment, entries, beside.tree[key] as Record<string, unknown>);
    if (value === undefined) return undefined;
    tree[key] = value;
  }
  return tree;
}

/** A segment's mapping: unchanged entries from `values`, the others read (see readBeside). */
function entriesBeside(
  segment: Cut['segments'][number],
  known: ReadonlyMap<string, string>,
  values: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (segment.entries.length === 0) return undefined; // a key with nothing under it reads as null
  const changed = segment.entries.filter((text) => !known.has(text));
  let read: Record<string, unknown> = newMap();
  let readKeys: string[] = [];
  if (changed.length > 0) {
    let tree: Record<string, unknown>;
    try {
      tree = parseSubset(
        segment.head + changed.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join(''),
      );
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    const roots = Object.keys(tree);
    const value = roots.length === 1 ? tree[roots[0]!] : undefined;
    if (!isMapping(value)) return undefined;
    readKeys = Object.keys(value);
    if (readKeys.length !== changed.length || readKeys.some(isIndex)) return undefined;
    read = value;
  }
  const mapping = newMap();
  let next = 0;
  for (const text of segment.entries) {
    let key = known.get(text);
    let value: unknown;
    if (key === undefined) {
      key = readKeys[next++]!;
      value = read[key];
    } else value = values[key];
    if (key in mapping) return undefined;
    mapping[key] = value;
  }
  return mapping;
}

function newMap(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function parseSubset(source: string): Record<string, unknown> {
  const root = newMap();
  const stack: Frame[] = [{ indent: 0, container: root }];
  // A `key:` whose value is the block on the following, deeper lines (or null when there is none).
  let pending: { map: Record<string, unknown>; key: string; indent: number } | undefined;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    let line = source.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    // Most lockfile lines are `key:` or `key: value` in their simplest form, read by one regex.
    let simple = SIMPLE_LINE.exec(line);
    // A flow key `null` or `~` is not text: the checks below refuse it.
    if (simple && (simple[5] === 'null' || simple[5] === '~')) simple = null;
    const content = simple ? '' : line.trimStart();
    if (!simple && (content === '' || content.startsWith('#'))) continue;
    const indent = simple ? simple[1]!.length : line.length - content.length;
    if (!simple && line.slice(0, indent).includes('\t')) throw new Unsupported();

    if (pending) {
      if (indent > pending.indent) {
        const container: Container = content === '-' || content.startsWith('- ') ? [] : newMap();
        pending.map[pending.key] = container;
        stack.push({ indent, container });
      } else pending.map[pending.key] = null;
      pending = undefined;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
    const frame = stack[stack.length - 1]!;
    if (frame.indent !== indent) throw new Unsupported();

    if (Array.isArray(frame.container)) {
      if (simple || !content.startsWith('- ')) throw new Unsupported();
      const item = content.slice(2).trim();
      if (/^[^'"{[][^:]*:( |$)/.test(item)) throw new Unsupported(); // a mapping inside a sequence
      frame.container.push(scalar(item));
      continue;
    }
    if (simple) {
      const key = simple[2] ?? simple[3]!;
      if (key in frame.container) throw new Unsupported();
      const value = simple[4];
      if (value === undefined) pending = { map: frame.container, key, indent };
      else if (value === '{}') frame.container[key] = newMap();
      else if (value.startsWith('{')) {
        // `{name: value}`, as in `resolution: {integrity: sha512-...}`
        const inner = newMap();
        inner[simple[5]!] = simple[6] === '~' || simple[6] === 'null' ? null : simple[6];
        frame.container[key] = inner;
      } else frame.container[key] = value === '~' || value === 'null' ? null : value;
      continue;
    }
    const [key, rest] = splitKey(content);
    if (key in frame.container) throw new Unsupported();
    if (rest === '' || rest.startsWith('#')) pending = { map: frame.container, key, indent };
    else frame.container[key] = scalar(rest);
  }
  if (pending) pending.map[pending.key] = null;
  return root;
}

/**
 * A line that needs none of the checks below: indent of spaces, a plain key without spaces, colons,
 * `#` or a leading indicator (or a single-quoted key without quotes inside), then nothing, a plain
 * value without spaces, `#` or a leading indicator, `{}`, or a flow mapping of one such key and
 * value without flow indicators. Groups: indent, plain key, quoted key, value, its inner key and value.
 */
const SIMPLE_LINE =
  /^( *)(?:([^\s:#'"&*!|>?%@`{[\]},-][^\s:#]*)|'([^'\n]*)'):(?: +([^\s#'"{[&*!|>%@`][^\s#]*|\{\}|\{([^\s:#'"&*!|>?%@`{[\]},-][^\s:#,{}[\]]*): ([^\s#'"{[&*!|>%@`,\]}][^\s#,{}[\]]*)\}))?$/;

/** `key: value` or `key:` (plain, single- or double-quoted key). */
function splitKey(content: string): [string, string] {
  let key: string;
  let after: number;
  if (content.startsWith('"') || content.startsWith("'")) {
    const end = quotedEnd(content, 0);
    key = quoted(content.slice(0, end));
    after = end;
  } else {
    const colon = content.search(/:( |$)/);
    if (colon <= 0) throw new Unsupported();
    key = content.slice(0, colon);
    after = colon;
    if (/^[&*!|>?%@`-]/.test(key) || key.includes(' #')) throw new Unsupported();
  }
  if (content[after] !== ':' || (after + 1 < content.length && content[after + 1] !== ' '))
    throw new Unsupported();
  return [key, content.slice(after + 1).trim()];
}

/** Index just past the closing quote of the string starting at `start`. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  throw new Unsupported();
}

function quoted(text: string): string {
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  try {
    // YAML double-quoted escapes that JSON lacks (\x, \e, \N ...) are left to the full parser.
    return JSON.parse(text) as string;
  } catch {
    throw new Unsupported();
  }
}

/** What may follow a value on its line: nothing, or a comment (whitespace, then `#`). */
const isCommentOrEnd = (rest: string): boolean => rest === '' || /^[ \t]+#/.test(rest);

function scalar(raw: string): unknown {
  if (raw.startsWith('{') || raw.startsWith('[')) {
    const [value, end] = flow(raw, 0);
    if (!isCommentOrEnd(raw.slice(end))) throw new Unsupported();
    return value;
  }
  if (raw.startsWith('"') || raw.startsWith("'")) {
    const end = quotedEnd(raw, 0);
    if (!isCommentOrEnd(raw.slice(end))) throw new Unsupported();
    return quoted(raw.slice(0, end));
  }
  // A plain value ends where a comment starts (`#` at its start or after whitespace).
  const hash = raw.search(/(^|[ \t])#/);
  const text = hash < 0 ? raw : raw.slice(0, hash).trimEnd();
  if (text === '' || text === '~' || text === 'null') return null;
  if (/^[&*!|>%@`]/.test(text)) throw new Unsupported();
  return text;
}

/** A flow mapping or sequence starting at `pos`; returns the value and the index after it. */
function flow(text: string, pos: number): [unknown, number] {
  const isMap = text[pos] === '{';
  const close = isMap ? '}' : ']';
  const map = newMap();
  const list: unknown[] = [];
  pos = skipSpaces(text, pos + 1);
  if (text[pos] === close) return [isMap ? map : list, pos + 1];
  for (;;) {
    let key: string | undefined;
    if (isMap) {
      const [rawKey, afterKey] = flowItem(text, pos, true);
      if (typeof rawKey !== 'string' || text[afterKey] !== ':') throw new Unsupported();
      key = rawKey;
      pos = skipSpaces(text, afterKey + 1);
    }
    const [value, afterValue] = flowItem(text, pos, false);
    if (key !== undefined) {
      if (key in map) throw new Unsupported();
      map[key] = value;
    } else list.push(value);
    pos = skipSpaces(text, afterValue);
    if (text[pos] === ',') pos = skipSpaces(text, pos + 1);
    else if (text[pos] === close) return [isMap ? map : list, pos + 1];
    else throw new Unsupported();
  }
}

function flowItem(text: string, pos: number, isKey: boolean): [unknown, number] {
  const char = text[pos];
  if (char === '{' || char === '[') {
    if (isKey) throw new Unsupported();
    return flow(text, pos);
  }
  if (char === '"' || char === "'") {
    const end = quotedEnd(text, pos);
    return [quoted(text.slice(pos, end)), end];
  }
  // Plain scalar: up to `,`, a closing bracket, or (for keys) `: `.
  let end = pos;
  while (end < text.length) {
    const c = text[end];
    if (c === ',' || c === '}' || c === ']') break;
    if (isKey && c === ':') break;
    end++;
  }
  const value = text.slice(pos, end).trim();
  if (value === '' || /^[&*!|>%@`#]/.test(value)) throw new Unsupported();
  return [value === 'null' || value === '~' ? null : value, end];
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ') pos++;
  return pos;
}
