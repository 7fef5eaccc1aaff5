import { createRequire } from 'node:module';

/**
 * Test identity, version 2: `v2:<file>|<scope>|<name>`, and `v2:<file>|<scope>|<name>|<project>`
 * for a test run under a project (Playwright's chromium, firefox, "Mobile Safari"...).
 *
 * - `file`: the report's `file` (or `filepath`) attribute, testcase first, else the enclosing
 *   testsuite's, made relative to the repository root (see `normaliseFile`); empty when none.
 * - `scope`: the `classname`; when that is empty, the enclosing testsuites' names joined by ` / `.
 *   A scope or suite name that is an absolute path is made relative like a file.
 * - `name`: the testcase name, exactly as reported: names differing only in case or whitespace are
 *   two tests. Only Unicode NFC is applied (macOS and Linux spell the same accented name apart).
 * - `project`: the Playwright project (the testsuite's `hostname` in Playwright's report), so a
 *   test flaky on one browser is that browser's test only.
 *
 * A part over 1024 characters keeps its first 1000 and a hash of the whole, so a 100 KB name stays
 * a distinct but bounded id. In a part, `\` and `|` are escaped with `\`, and control characters
 * are written `\xHH`, so the id is one line and unambiguous. The version prefix changes whenever
 * this recipe does; `legacyIdOf` gives a test's id under the previous recipe, for migration.
 */
export const ID_VERSION = 'v2';
/** The previous recipe (v1: whitespace collapsed and trimmed, no project, workspace-only paths). */
export const LEGACY_ID_VERSION = 'v1';
const MAX_PART = 1024;
const KEEP_PART = 1000;

export interface TestKey {
  file?: string;
  classname?: string;
  suitePath?: readonly string[];
  name: string;
  project?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** NFC, the only change made to a name: skipped for ASCII, which NFC leaves as it is. */
const nfc = (text: string): string => (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC'));

/** node:crypto, loaded on the first hash: no run needs it before its first output. */
let crypto: typeof import('node:crypto') | undefined;
const sha256 = (text: string): string =>
  (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'))
    .createHash('sha256')
    .update(text)
    .digest('hex');

function bound(text: string): string {
  if (text.length <= MAX_PART) return text;
  return `${text.slice(0, KEEP_PART)}…#${sha256(text).slice(0, 16)}`;
}

function escapePart(text: string): string {
  if (!/[\\|\u0000-\u001f\u007f-\u009f]/.test(text)) return text;
  return text
    .replace(/[\\|]/g, (c) => `\\${c}`)
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One part of an id: exact text, NFC, bounded, escaped. */
const part = (text: string): string => escapePart(bound(nfc(text)));

/**
 * A copy of `text` that shares no memory with where it came from. V8 keeps a substring as a view
 * into its source, so a test name cut out of the parser's 64 KB chunk would keep the whole chunk
 * (and, over 330,000 tests, the whole report) alive; slicing a fresh concatenation copies it.
 */
export const detach = (text: string): string => ` ${text}`.slice(1);

/** An absolute path: POSIX, or a Windows drive path with either slash. */
const isAbsolute = (path: string): boolean => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);

/**
 * Where a runner checks a repository out, `<work root>/<repo>/<repo>/`: GitHub-hosted Linux
 * (`/home/runner/work/r/r`), macOS (`/Users/runner/work/r/r`), containers (`/__w/r/r`), self-hosted
 * runners (`<runner>/_work/r/r`, or any work folder: the doubled repository name is the sign) and
 * Windows (`D:/a/r/r`). Returns where the first such doubled folder of an absolute path ends, or
 * -1. A scan, not a regular expression: a backreference regex took 100 ms on a hostile 100 KB path.
 */
function checkoutEnd(path: string): number {
  const segments = path.split('/');
  let start = segments[0]!.length + 1; // after the leading `/` or `D:/`
  for (let i = 1; i + 2 < segments.length; i++) {
    if (segments[i] && segments[i] === segments[i + 1]) return start + 2 * segments[i]!.length + 2;
    start += segments[i]!.length + 1;
  }
  return -1;
}

/**
 * A file path as reporters write it, made relative to the repository root so runners, containers
 * and operating systems agree: `\` becomes `/`, repeated `/` one; the workspace (the repository
 * root, passed in) is removed, else a runner checkout prefix (see checkoutEnd); then a leading `./`.
 * An absolute path outside both stays as it is (there is no root to make it relative to).
 */
export function normaliseFile(file: string, workspace = ''): string {
  let path = nfc(file)
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  if (isAbsolute(path)) {
    const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
    // Windows paths compare without case (drive letters are written both ways).
    const windows = /^[A-Za-z]:\//.test(root);
    if (root && (windows ? path.toLowerCase() : path).startsWith(`${windows ? root.toLowerCase() : root}/`))
      path = path.slice(root.length + 1);
    else {
      const end = checkoutEnd(path);
      if (end > 0) path = path.slice(end);
    }
  }
  return path.replace(/^(\.\/)+/, '');
}

/** A scope or suite name: exact, unless it is an absolute path, which is made relative like a file. */
const scopeText = (text: string, workspace: string): string =>
  isAbsolute(text.replace(/\\/g, '/')) ? normaliseFile(text, workspace) : text;

/**
 * A test's id and its history key, made together (the key hashes the id as it is built). The id is
 * joined from its shared `v2:file|scope` head and its own `|name[|project]` tail only when read: of
 * a run's 330,000 tests, the few that failed or are quarantined are asked for it.
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

/** A name that bound, nfc and escapePart leave as it is: short printable ASCII without `|` or `\`. */
function isPlain(text: string): boolean {
  if (text.length > MAX_PART) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x7c || c === 0x5c) return false;
  }
  return true;
}

/**
 * A test id maker for one report. File and scope repeat across thousands of testcases, so their
 * normalised form is remembered (up to a bound), and the hash of the shared `v2:file|scope` prefix
 * is kept for the last prefix seen: a class's tests then hash only their names.
 */
export function idMaker(workspace = ''): (key: TestKey) => MadeId {
  const files = new Map<string, string>();
  const scopes = new Map<string, string>();
  const remember = (cache: Map<string, string>, raw: string, make: () => string) => {
    let made = cache.get(raw);
    if (made === undefined) {
      made = detach(part(make()));
      if (cache.size < 10_000) cache.set(detach(raw), made);
    }
    return made;
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
        ? remember(scopes, key.classname, () => scopeText(key.classname!, workspace))
        : detach(
            part(
              (key.suitePath ?? [])
                .filter(Boolean)
                .map((s) => scopeText(s, workspace))
                .join(' / '),
            ),
          );
      head = `${ID_VERSION}:${file}|${scope}`;
      absorb(SEED1, SEED2, head);
      [headH1, headH2] = lanes;
      lastFile = key.file;
      lastClass = key.classname || undefined;
    }
    const name = isPlain(key.name) ? key.name : part(key.name);
    // Joined, not concatenated: one new flat string, sharing no memory with the parser's chunk.
    const tail = key.project ? ['|', name, '|', part(key.project)].join('') : ['|', name].join('');
    absorb(headH1, headH2, tail);
    return new MadeId(head, tail, finish(lanes[0]!, lanes[1]!));
  };
}

/** The versioned id of a test (see the module comment for the recipe). */
export function testId(key: TestKey, workspace = ''): string {
  return idMaker(workspace)(key).id;
}

export interface IdParts {
  file: string;
  scope: string;
  name: string;
  /** Empty when the test ran under no project. */
  project: string;
}

/** Splits the body of an id (after `<version>:`) at unescaped `|`, undoing the escapes. */
function splitBody(body: string): string[] {
  const parts: string[] = [''];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && body[i + 1] === 'x' && /^[0-9a-f]{2}$/.test(body.slice(i + 2, i + 4))) {
      parts[parts.length - 1] += String.fromCharCode(parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (c === '\\' && i + 1 < body.length) parts[parts.length - 1] += body[++i];
    else if (c === '|') parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

/** The parts of an id, unescaped; undefined for text that is not a current-version id. */
export function parseTestId(id: string): IdParts | undefined {
  if (!id.startsWith(`${ID_VERSION}:`)) return undefined;
  const parts = splitBody(id.slice(ID_VERSION.length + 1));
  if (parts.length !== 3 && (parts.length !== 4 || !parts[3])) return undefined;
  return { file: parts[0]!, scope: parts[1]!, name: parts[2]!, project: parts[3] ?? '' };
}

/**
 * A short, readable label for logs, titles and the summary: `[project] scope › name`, the project
 * first as Playwright writes it, so cutting a long label never drops it.
 */
export function displayName(id: string): string {
  const parts = parseTestId(id);
  if (!parts) return id;
  const label = [parts.scope, parts.name].filter(Boolean).join(' › ');
  return parts.project ? `[${parts.project}] ${label}` : label;
}

// ---- The previous recipe, kept only to carry histories and manual files over (see history.ts).

/** v1's normalisation of a part: NFC, control characters and whitespace runs one space, trimmed. */
const legacyClean = (text: string): string =>
  text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
const legacyPart = (text: string): string => {
  const bounded = bound(legacyClean(text));
  return bounded.includes('|') || bounded.includes('\\')
    ? bounded.replace(/[\\|]/g, (c) => `\\${c}`)
    : bounded;
};

/** A v2 id of three parts, each printable ASCII without `\\`, edge spaces or double spaces. */
const SAME_IN_V1 =
  /^v2:(?:(?! )(?:[^\x00-\x1f\x7f-\uffff|\\ ]| (?! |\||$))*\|){2}(?! )(?:[^\x00-\x1f\x7f-\uffff|\\ ]| (?! |$))*$/;

/**
 * The id the same test had under v1, from its current id: the project dropped, each part cleaned
 * as v1 did. Exact for parts under 1024 characters whose file v1 also saw relative (the report was
 * read in the job that wrote it); otherwise the test starts a new history.
 */
export function legacyIdOf(id: string): string | undefined {
  // Most ids are printable ASCII in three parts with single inner spaces: v1 spelled them alike.
  if (SAME_IN_V1.test(id)) return `${LEGACY_ID_VERSION}${id.slice(ID_VERSION.length)}`;
  const parts = parseTestId(id);
  if (!parts) return undefined;
  return `${LEGACY_ID_VERSION}:${[parts.file, parts.scope, parts.name].map(legacyPart).join('|')}`;
}

/**
 * A v1 id spelled under the current recipe, for ids written by hand (the manual file) and
 * quarantine entries of a migrated history: its file made relative like any file, no project.
 * Undefined for text that is not a v1 id.
 */
export function fromLegacyId(id: string): string | undefined {
  if (!id.startsWith(`${LEGACY_ID_VERSION}:`)) return undefined;
  const parts = splitBody(id.slice(LEGACY_ID_VERSION.length + 1));
  if (parts.length !== 3) return undefined;
  return `${ID_VERSION}:${part(normaliseFile(parts[0]!))}|${part(parts[1]!)}|${part(parts[2]!)}`;
}

/** A short hash of an id, safe inside an HTML comment (the issue marker). */
export function idHash(id: string): string {
  return sha256(id).slice(0, 24);
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
