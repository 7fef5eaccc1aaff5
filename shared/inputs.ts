import { parseDuration } from './duration.js';
import { InputError } from './errors.js';
import type { ActionIO } from './io.js';
import { truncate } from './neutralise.js';
import { urlCredentials } from './redact.js';
import { loadYaml, parseYaml } from './yaml.js';
import { type Zod, type ZodMiniType, loadZod } from './zod.js';

/**
 * How one input is read: `read` turns its raw string into a value or throws `NotAllowed`, whose
 * message says what is allowed, so the final sentence reads `Input "x" is "v", which is not allowed:
 * <message>.` Plain functions, not schemas: building and running zod schemas for every input was most
 * of an action's start-up before its first output. `prepare` loads what `read` needs (the YAML parser,
 * zod) and runs only when the input has a value.
 */
export interface InputKind<T> {
  read(raw: string): T;
  prepare?(): Promise<void>;
}

/** The values `parseInputs` returns for a shape of input kinds. */
export type Inputs<S extends Record<string, InputKind<unknown>>> = {
  [K in keyof S]: S[K] extends InputKind<infer T> ? T : never;
};

class NotAllowed extends Error {}

/** A kind from a parse of the trimmed text; undefined, or what it throws (first line), is refused. */
function custom<T>(parse: (raw: string) => T | undefined, allowed: string): InputKind<T> {
  return {
    read: (raw) => {
      let value: T | undefined;
      try {
        value = parse(raw.trim());
      } catch (error) {
        throw new NotAllowed(`${allowed} (${(error as Error).message.split('\n')[0]})`);
      }
      if (value === undefined) throw new NotAllowed(allowed);
      return value;
    },
  };
}

/** A YAML or JSON value checked against the schema `build` makes (once, with zod loaded). */
function checked<T>(
  parse: (text: string) => unknown,
  build: (z: Zod) => ZodMiniType<T>,
  fallback: T,
  allowed: string,
  loadParser?: () => Promise<void>,
): InputKind<T> {
  let schema: ZodMiniType<T> | undefined;
  const { read } = custom((raw) => (raw === '' ? fallback : schema!.parse(ownKeysOnly(parse(raw)))), allowed);
  return {
    read,
    prepare: async () => {
      await loadParser?.();
      schema ??= build(await loadZod());
    },
  };
}

/** Exactly what the runner's own getBooleanInput accepts (YAML 1.2 core schema booleans). */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/**
 * Splits a newline- or comma-separated list; blank entries and `#` comment lines are dropped.
 * Commas inside braces or brackets belong to a glob (`*.{sql,up.sql}`), not the list.
 */
export function splitList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap(splitTopLevelCommas)
    .map((item) => item.trim())
    .filter(Boolean);
}

function splitTopLevelCommas(line: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      items.push(line.slice(start, i));
      start = i + 1;
    }
  }
  items.push(line.slice(start));
  return depth === 0 ? items : line.split(','); // an unclosed brace is text, as in a glob
}

export const input = {
  /** Any text; empty stays empty. */
  text: (): InputKind<string> => ({ read: (raw) => raw.trim() }),
  /** Text that must not be empty. */
  required: () => custom((raw) => raw || undefined, 'a value is required'),
  /** Empty becomes undefined. */
  optional: (): InputKind<string | undefined> => ({ read: (raw) => raw.trim() || undefined }),
  boolean: () =>
    custom(
      (raw) => (TRUE.has(raw) ? true : FALSE.has(raw) ? false : undefined),
      'allowed values are true, True, TRUE, false, False or FALSE',
    ),
  integer: (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
    custom(
      (raw) => (/^-?\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined),
      `allowed values are whole numbers from ${min} to ${max}`,
    ),
  number: (min = -Infinity, max = Infinity) =>
    custom((raw) => {
      const value = raw === '' ? NaN : Number(raw);
      return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
    }, `allowed values are numbers from ${min} to ${max}`),
  /** Seconds, from `30d`, `1h`, `1h30m`. */
  duration: () => custom(parseDuration, 'allowed values are durations such as 30d, 6h, 5m or 1h30m'),
  optionalDuration: (): InputKind<number | undefined> => {
    const { read } = custom(
      (raw) => (raw === '' ? null : parseDuration(raw)),
      'allowed values are durations such as 30d, 6h, 5m or 1h30m',
    );
    return { read: (raw) => read(raw) ?? undefined };
  },
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    custom((raw) => values.find((v) => v === raw.toLowerCase()), `allowed values are ${values.join(', ')}`),
  list: (): InputKind<string[]> => ({ read: splitList }),
  /** A JSON value checked against the schema `build` makes. Empty gives `fallback`. */
  json: <T>(build: (z: Zod) => ZodMiniType<T>, fallback: T, describe: string) =>
    checked(JSON.parse, build, fallback, `expected ${describe} as JSON`),
  /** A YAML (or JSON) value checked against the schema `build` makes. Empty gives `fallback`. */
  yaml: <T>(build: (z: Zod) => ZodMiniType<T>, fallback: T, describe: string) =>
    checked(parseYaml, build, fallback, `expected ${describe} as YAML`, loadYaml),
};

/**
 * Refuses a mapping key `__proto__` anywhere in a parsed input: copied into a plain object (as schema
 * parsing does) it would replace the prototype and the entry would vanish without a word.
 */
function ownKeysOnly(value: unknown): unknown {
  // Depth first with the path kept: a YAML alias may repeat a node (walked once) or name a node that
  // contains it (`&a [*a]`), a cycle that schema parsing would follow forever.
  const onPath = new Set<object>();
  const walked = new Set<object>();
  const pending: Array<{ node: unknown; leaving?: object }> = [{ node: value }];
  while (pending.length) {
    const { node, leaving } = pending.pop()!;
    if (leaving) {
      onPath.delete(leaving);
      walked.add(leaving);
      continue;
    }
    if (!node || typeof node !== 'object' || walked.has(node)) continue;
    if (onPath.has(node)) throw new Error('an alias names a mapping or list that contains it');
    if (Object.hasOwn(node, '__proto__')) throw new Error('the key "__proto__" cannot name anything');
    onPath.add(node);
    pending.push({ node: undefined, leaving: node });
    for (const child of Object.values(node)) pending.push({ node: child });
  }
  return value;
}

export interface ParseOptions {
  /**
   * Secret inputs (tokens, passwords, connection URLs): masked as soon as they are read (and the
   * credentials of a URL among them), never echoed in an error. The one place actions mask inputs.
   */
  secret?: readonly string[];
  /** URL inputs whose address is shown but whose credentials (`user:password@`) are masked. */
  urlCredentials?: readonly string[];
}

/**
 * Reads every input named by the shape's keys through `io.input` (so undeclared names fail as bugs)
 * and parses them into one typed object. The first bad input stops with one sentence naming it.
 */
export async function parseInputs<S extends Record<string, InputKind<unknown>>>(
  shape: S,
  io: Pick<ActionIO, 'input'> & Partial<Pick<ActionIO, 'setSecret'>>,
  options: ParseOptions = {},
): Promise<Inputs<S>> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(shape)) raw[name] = io.input(name);
  const hidden = [...(options.secret ?? []), ...(options.urlCredentials ?? [])];
  for (const name of options.secret ?? [])
    for (const value of new Set([raw[name], raw[name]?.trim()])) if (value) io.setSecret?.(value);
  for (const name of hidden) for (const part of urlCredentials(raw[name] ?? '')) io.setSecret?.(part);
  const values: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(shape)) {
    const text = raw[name]!;
    if (kind.prepare && text.trim()) await kind.prepare();
    try {
      values[name] = kind.read(text);
    } catch (error) {
      if (!(error instanceof NotAllowed)) throw error;
      const shown = hidden.includes(name) ? '(hidden)' : JSON.stringify(truncate(text, 200));
      throw new InputError(`Input "${name}" is ${shown}, which is not allowed: ${error.message}.`);
    }
  }
  return values as Inputs<S>;
}
