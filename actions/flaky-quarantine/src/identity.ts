import { createHash } from 'node:crypto';

/**
 * Stable test identity, version 1: `v1:<file>|<scope>|<name>`.
 *
 * - `file`: the report's `file` attribute (testcase first, else the enclosing testsuite), with `\`
 *   turned into `/`, a leading `./` and the workspace prefix removed; empty when the reporter gives none.
 * - `scope`: the `classname`; when that is empty, the names of the enclosing testsuites joined by ` / `.
 * - `name`: the testcase name.
 *
 * Every part is Unicode NFC, control characters become spaces, runs of whitespace one space, trimmed.
 * A part over 1024 characters keeps its first 1000 and a hash of the whole, so a 100 KB name stays a
 * distinct but bounded id. `\` and `|` inside a part are escaped with `\`, so the id is unambiguous.
 * The version prefix changes whenever this recipe does; history under another version is not mixed.
 */
export const ID_VERSION = 'v1';
const MAX_PART = 1024;
const KEEP_PART = 1000;

export interface TestKey {
  file?: string;
  classname?: string;
  suitePath?: readonly string[];
  name: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function clean(text: string): string {
  // Plain ASCII without control characters or double spaces is already normal: skip the work.
  if (/^[\x20-\x7e]*$/.test(text) && !/^ | $| {2}/.test(text)) return text;
  return text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function bound(text: string): string {
  if (text.length <= MAX_PART) return text;
  return `${text.slice(0, KEEP_PART)}…#${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

function escapePart(text: string): string {
  return text.includes('|') || text.includes('\\') ? text.replace(/[\\|]/g, (c) => `\\${c}`) : text;
}

/**
 * A copy of `text` that shares no memory with where it came from. V8 keeps a substring as a view
 * into its source, so a test name cut out of the parser's 64 KB chunk would keep the whole chunk
 * (and, over 330,000 tests, the whole report) alive; slicing a fresh concatenation copies it.
 */
export const detach = (text: string): string => ` ${text}`.slice(1);

/** A file path as reporters write it, made comparable across runners and operating systems. */
export function normaliseFile(file: string, workspace = ''): string {
  let path = clean(file)
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
  if (root && path.startsWith(`${root}/`)) path = path.slice(root.length + 1);
  return path.replace(/^(\.\/)+/, '');
}

/**
 * A test's id and its history key, made together (the key hashes the id as it is built). The id is
 * joined from its shared `v1:file|scope` head and its own `|name` tail only when read: of a run's
 * 330,000 tests, the few that failed or are quarantined are asked for it.
 */
export class MadeId {
  constructor(
    readonly head: string,
    readonly tail: string,
    readonly key: string,
  ) {}

  get id(): string {
    return this.head + this.tail;
  }
}

/** A name that clean, bound and escapePart leave as it is: short printable ASCII, single inner spaces, no `|` or `\`. */
function isPlain(text: string): boolean {
  if (text.length > MAX_PART) return false;
  let previous = 0x20; // so a leading space is not plain
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x7c || c === 0x5c || (c === 0x20 && previous === 0x20)) return false;
    previous = c;
  }
  return previous !== 0x20;
}

/**
 * A test id maker for one report. File and scope repeat across thousands of testcases, so their
 * normalised form is remembered (up to a bound), and the hash of the shared `v1:file|scope|` prefix
 * is kept for the last prefix seen: a class's tests then hash only their names.
 */
export function idMaker(workspace = ''): (key: TestKey) => MadeId {
  const files = new Map<string, string>();
  const scopes = new Map<string, string>();
  const remember = (cache: Map<string, string>, raw: string, make: () => string) => {
    let part = cache.get(raw);
    if (part === undefined) {
      part = detach(escapePart(bound(make())));
      if (cache.size < 10_000) cache.set(detach(raw), part);
    }
    return part;
  };
  let lastFile: string | undefined;
  let lastClass: string | undefined;
  let head = '';
  let headH1 = 0;
  let headH2 = 0;
  return (key) => {
    if (!key.classname || key.file !== lastFile || key.classname !== lastClass) {
      const file = key.file ? remember(files, key.file, () => normaliseFile(key.file!, workspace)) : '';
      const scope = key.classname
        ? remember(scopes, key.classname, () => clean(key.classname!))
        : detach(escapePart(bound((key.suitePath ?? []).map(clean).filter(Boolean).join(' / '))));
      head = `${ID_VERSION}:${file}|${scope}`;
      absorb(SEED1, SEED2, head);
      [headH1, headH2] = lanes;
      lastFile = key.file;
      lastClass = key.classname || undefined;
    }
    const name = isPlain(key.name) ? key.name : escapePart(bound(clean(key.name)));
    // Joined, not concatenated: one new flat string, sharing no memory with the parser's chunk.
    const tail = ['|', name].join('');
    absorb(headH1, headH2, tail);
    return new MadeId(head, tail, finish(lanes[0]!, lanes[1]!));
  };
}

/** The versioned id of a test (see the module comment for the recipe). */
export function testId(key: TestKey, workspace = ''): string {
  return idMaker(workspace)(key).id;
}

/** The parts of an id, unescaped; undefined for text that is not a current-version id. */
export function parseTestId(id: string): { file: string; scope: string; name: string } | undefined {
  if (!id.startsWith(`${ID_VERSION}:`)) return undefined;
  const parts: string[] = [''];
  for (let i = ID_VERSION.length + 1; i < id.length; i++) {
    const c = id[i]!;
    if (c === '\\' && i + 1 < id.length) parts[parts.length - 1] += id[++i];
    else if (c === '|') parts.push('');
    else parts[parts.length - 1] += c;
  }
  if (parts.length !== 3) return undefined;
  return { file: parts[0]!, scope: parts[1]!, name: parts[2]! };
}

/** A short, readable label for logs and titles: `scope › name`. */
export function displayName(id: string): string {
  const parts = parseTestId(id);
  if (!parts) return id;
  return [parts.scope, parts.name].filter(Boolean).join(' › ');
}

/** A short hash of an id, safe inside an HTML comment (the issue marker). */
export function idHash(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 24);
}

/**
 * The key of a test in the history document: a 64-bit hash of its id (16 hex digits), so 100,000
 * tests cost 2 MB of keys instead of their full names. Two ids share a key with a chance of about
 * 1 in 10^8 at 330,000 tests; the ids themselves appear in outputs, issues and the quarantine list.
 * Mixing after cyrb53 (public domain): two 32-bit multiply-xor lanes folded into each other.
 */
export function historyKey(id: string): string {
  absorb(SEED1, SEED2, id);
  return finish(lanes[0]!, lanes[1]!);
}

const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;
/** The two hash lanes after `absorb` (a scratch pair, so hashing allocates nothing). */
const lanes = new Int32Array(2);

function absorb(h1: number, h2: number, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  lanes[0] = h1;
  lanes[1] = h2;
}

const HEX = '0123456789abcdef';
const keyCodes = new Array<number>(16);

/** The final mix, written as one flat 16-character string (a flat key hashes once in a Map). */
function finish(h1: number, h2: number): string {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  for (let i = 0; i < 8; i++) {
    keyCodes[i] = HEX.charCodeAt((b >>> (28 - 4 * i)) & 15);
    keyCodes[8 + i] = HEX.charCodeAt((a >>> (28 - 4 * i)) & 15);
  }
  return String.fromCharCode(...keyCodes);
}
