// A member package.json read for the two things discovery needs from it, its name and its dependency
// entries, without JSON.parse. JSON.parse gives every dependency map its own hidden class (the keys
// are package names), a cost that grows faster than the count: on the 50,000-package bench workspace
// it took about 0.5 s here where this reader takes 0.1-0.2 s, and iterating those maps cost more again.
// The reader validates the whole text as strictly as JSON.parse and answers undefined for anything
// unusual (invalid JSON, duplicate or index-like keys, deep nesting): the caller then parses that
// text with JSON.parse, which gives the same answer or the same error message as before.
import { type Json, isObject } from './manifests.js';

/** package.json fields whose workspace entries are dependency edges (peers and optionals included). */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** The parts of a package.json that make a member: what JSON.parse and a `for...in` would give. */
export interface PackageFields {
  /** `name` when it is a non-empty string, else ''. */
  name: string;
  /**
   * Per DEPENDENCY_FIELDS entry: `[package, spec, package, spec, ...]` in the file's order;
   * undefined when the field is missing or not an object. A spec is given only when it names a
   * protocol (`workspace:`, `catalog:`, `file:`, `npm:`...: it holds a colon), else '': a plain
   * range links by the package name alone, so its text is not copied.
   */
  dependencies: (string[] | undefined)[];
}

/** The same fields from a parsed manifest (a workspace root, or a text the fast reader declined). */
export function packageFieldsOf(json: Json): PackageFields {
  return {
    name: typeof json.name === 'string' ? json.name : '',
    dependencies: DEPENDENCY_FIELDS.map((field) => {
      const entries = json[field];
      if (!isObject(entries)) return undefined;
      const list: string[] = [];
      for (const dep in entries) {
        const spec = entries[dep];
        list.push(dep, typeof spec === 'string' && spec.includes(':') ? spec : '');
      }
      return list;
    }),
  };
}

/** Nesting beyond this is left to JSON.parse. */
const MAX_DEPTH = 256;

/** What ends a run of plain characters in a JSON string. */
const STRING_STOP = /["\\\x00-\x1f]/g;
const TRAILING_SPACE = /[ \t\n\r]*$/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

// What the reader expects next, and what the value after a top-level key is.
const VALUE = 0;
const KEY = 1;
const AFTER = 2; // a comma or the closing bracket
const OTHER = -1;
const NAME = 4; // 0 to 3: a dependency field (DEPENDENCY_FIELDS index)

/**
 * The name and dependency entries of a package.json text (without a byte order mark), or undefined
 * when the text is not a plain JSON object this reader vouches for: then JSON.parse decides. One loop
 * with local state, no call per token: discovery runs it once per package, before the JIT warms up.
 */
export function readPackageFields(text: string): PackageFields | undefined {
  const fields: PackageFields = { name: '', dependencies: [undefined, undefined, undefined, undefined] };
  const open: boolean[] = []; // per open container: true for an object
  let entries: string[] | undefined; // the dependency map being read, at depth 2
  let role = OTHER; // of the next value at depth 1
  let state = VALUE;
  let empty = false; // just after an opening bracket, where a closing one may follow
  let at = 0;
  for (;;) {
    let c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
    const depth = open.length;
    if (state === AFTER || (empty && (c === 0x7d || c === 0x5d))) {
      const object = open[depth - 1];
      empty = false;
      if (c === 0x2c && state === AFTER) {
        at++;
        state = object ? KEY : VALUE;
        continue;
      }
      if (c !== (object ? 0x7d : 0x5d)) return undefined;
      at++;
      open.pop();
      if (depth === 2) entries = undefined;
      if (depth === 1) {
        // The end, checked without reading past the text (which would cost the optimised code).
        TRAILING_SPACE.lastIndex = at;
        return TRAILING_SPACE.test(text) ? fields : undefined;
      }
      state = AFTER;
      continue;
    }
    empty = false;
    if (c === 0x22) {
      // A string: its end found by the regular expression engine, decoded only when escaped.
      const start = at + 1;
      let escaped = false;
      STRING_STOP.lastIndex = start;
      for (;;) {
        if (!STRING_STOP.test(text)) return undefined;
        at = STRING_STOP.lastIndex;
        const stop = text.charCodeAt(at - 1);
        if (stop === 0x22) break;
        if (stop !== 0x5c) return undefined; // a raw control character
        escaped = true;
        STRING_STOP.lastIndex = at + 1; // past the escaped character; JSON.parse below checks it
      }
      // Only a depth-1 key, the name and a dependency map's entries are wanted: no copy of the rest.
      let value = '';
      if (escaped)
        try {
          value = JSON.parse(text.slice(start - 1, at)) as string;
        } catch {
          return undefined;
        }
      else if (depth === 1 ? state !== KEY && role === NAME : depth === 2 && entries)
        if (state === KEY || depth === 1) value = text.slice(start, at - 1);
        else {
          const colon = text.indexOf(':', start);
          if (colon >= 0 && colon < at) value = text.slice(start, at - 1);
        }
      if (state === KEY) {
        const length = escaped ? value.length : at - 1 - start;
        c = text.charCodeAt(at);
        while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
        if (c !== 0x3a) return undefined;
        at++;
        state = VALUE;
        if (depth === 1) {
          role = OTHER; // unless the key (compared where it stands) is the name or a dependency field

          for (let f = length === 4 ? NAME : length > 11 ? 0 : NAME + 1; f <= NAME; f++) {
            const field = f === NAME ? 'name' : DEPENDENCY_FIELDS[f]!;
            if (field.length === length && (escaped ? value === field : text.startsWith(field, start))) {
              role = f;
              break;
            }
          }
        } else if (depth === 2 && entries) {
          // JSON.parse keeps the last of duplicate keys at the first one's place, and enumerates
          // array-index keys first: rare enough to leave to it.
          const first = value.charCodeAt(0);
          if (first >= 0x30 && first <= 0x39) return undefined;
          for (let i = 0; i < entries.length; i += 2) if (entries[i] === value) return undefined;
          entries.push(value);
        }
        continue;
      }
      if (depth === 0) return undefined;
      if (escaped && depth === 2 && !value.includes(':')) value = ''; // as for a plain one above
      if (depth === 1 && role === NAME) fields.name = value;
      else if (depth === 1 && role >= 0) fields.dependencies[role] = undefined;
      else if (depth === 2 && entries) entries.push(value);
      state = AFTER;
      continue;
    }
    if (state === KEY) return undefined;
    if (c === 0x7b || c === 0x5b) {
      const object = c === 0x7b;
      if (depth === 0 && !object) return undefined;
      if (depth === 1 && role === NAME) fields.name = '';
      else if (depth === 1 && role >= 0) entries = fields.dependencies[role] = object ? [] : undefined;
      else if (depth === 2 && entries) entries.push('');
      if (depth === MAX_DEPTH) return undefined;
      open.push(object);
      at++;
      state = object ? KEY : VALUE;
      empty = true;
      continue;
    }
    if (depth === 0) return undefined;
    // A number or a literal: not a string, so '' as a spec and no name.
    if (c === 0x74 && text.startsWith('true', at)) at += 4;
    else if (c === 0x66 && text.startsWith('false', at)) at += 5;
    else if (c === 0x6e && text.startsWith('null', at)) at += 4;
    else {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(text)) return undefined;
      at = NUMBER.lastIndex;
    }
    if (depth === 1 && role === NAME) fields.name = '';
    else if (depth === 1 && role >= 0) fields.dependencies[role] = undefined;
    else if (depth === 2 && entries) entries.push('');
    state = AFTER;
  }
}
