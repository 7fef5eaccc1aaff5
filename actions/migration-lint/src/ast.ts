import type { Node } from './parser.js';

/** Small readers over libpg-query's JSON parse tree. */

/** `schema.table` for a RangeVar; unqualified names are taken to be in `public`. */
export function tableKey(rangeVar: Node | undefined): string {
  if (!rangeVar) return '';
  const rv = (rangeVar.RangeVar ?? rangeVar) as Node;
  return `${rv.schemaname ?? 'public'}.${rv.relname}`;
}

/** `schema.name` from a list of String nodes (DROP objects, type names). */
export function qualifiedName(items: Node[] | undefined): string {
  const parts = (items ?? []).map((item) => item.String?.sval as string);
  return parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0] ?? ''}`;
}

export interface TypeInfo {
  /** The type's base name without the pg_catalog qualifier: int4, varchar, text, numeric... */
  name: string;
  /** Type modifiers (varchar length, numeric precision and scale); empty when unconstrained. */
  mods: number[];
  array: boolean;
}

export function typeInfo(typeName: Node | undefined): TypeInfo {
  const names = ((typeName?.names ?? []) as Node[]).map((n) => n.String?.sval as string);
  const name = names.filter((n) => n !== 'pg_catalog').join('.');
  const mods = ((typeName?.typmods ?? []) as Node[]).map((m) => Number(m.A_Const?.ival?.ival ?? 0));
  return { name: ALIASES.get(name) ?? name, mods, array: !!typeName?.arrayBounds };
}

const ALIASES = new Map([
  ['character varying', 'varchar'],
  ['int', 'int4'],
  ['integer', 'int4'],
  ['bigint', 'int8'],
  ['smallint', 'int2'],
  ['decimal', 'numeric'],
  ['bool', 'bool'],
  ['timestamp with time zone', 'timestamptz'],
]);

export function formatType(t: TypeInfo): string {
  return `${t.name}${t.mods.length ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`;
}

/** Types whose only modifier is a fractional-seconds precision, which PostgreSQL can widen in place. */
const PRECISION_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
/** libpg-query's first interval modifier when no field list (`DAY TO SECOND`...) is given. */
const INTERVAL_FULL_RANGE = 32767;

/**
 * Whether PostgreSQL changes a column from `from` to `to` without rewriting the table or rebuilding
 * its indexes (measured on PostgreSQL 15, see test/migration-lint/postgres-claims.test.ts): the same
 * type; varchar widened, unbounded, or to text; text to unbounded varchar; numeric with more
 * precision at the same scale, or unconstrained; timestamp, time and interval with more (or
 * unspecified) fractional precision; varbit widened; cidr to inet; xml to text. Arrays only when the
 * type stays the same: PostgreSQL coerces arrays element by element, which rewrites the table.
 */
export function isBinaryCoercible(from: TypeInfo, to: TypeInfo): boolean {
  if (formatType(from) === formatType(to)) return true;
  if (from.array || to.array) return false;
  const widens = (f: number[], t: number[]) => t.length === 0 || (f.length > 0 && t[0]! >= f[0]!);
  if (from.name === 'varchar' && (to.name === 'text' || to.name === 'varchar'))
    return widens(from.mods, to.mods);
  if (from.name === 'text' && to.name === 'varchar') return to.mods.length === 0;
  if (from.name === 'varbit' && to.name === 'varbit') return widens(from.mods, to.mods);
  if (PRECISION_TYPES.has(from.name) && from.name === to.name) return widens(from.mods, to.mods);
  if (from.name === 'interval' && to.name === 'interval') {
    // modifiers are [fields, precision]; only the precision may grow, the fields must not change
    const fields = (t: TypeInfo) => t.mods[0] ?? INTERVAL_FULL_RANGE;
    if (to.mods.length === 0) return true;
    return fields(from) === fields(to) && widens(from.mods.slice(1), to.mods.slice(1));
  }
  if ((from.name === 'cidr' && to.name === 'inet') || (from.name === 'xml' && to.name === 'text'))
    return true;
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true;
    return from.mods.length > 0 && (from.mods[1] ?? 0) === (to.mods[1] ?? 0) && to.mods[0]! >= from.mods[0]!;
  }
  return false;
}

/** Functions that are not volatile, so a DEFAULT using them is evaluated once (PostgreSQL 11+). */
const NON_VOLATILE = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_timestamp',
  'lower',
  'upper',
  'coalesce',
  'to_jsonb',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'array',
  'make_interval',
  'to_timestamp',
  'length',
  'concat',
]);

/** Whether an expression may give a different value per row: any function not known to be stable. */
export function isVolatileExpression(expr: unknown): boolean {
  let volatile = false;
  const visit = (value: unknown): void => {
    if (volatile || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Node;
    if (record.FuncCall) {
      const parts = (record.FuncCall.funcname as Node[]).map((n) => n.String?.sval as string);
      const name = parts.filter((p) => p !== 'pg_catalog').join('.');
      if (!NON_VOLATILE.has(name)) volatile = true;
    }
    if (record.SubLink) volatile = true;
    for (const child of Object.values(record)) visit(child);
  };
  visit(expr);
  return volatile;
}

/** Column constraints of a ColumnDef by kind. */
export function columnConstraints(columnDef: Node): Node[] {
  return ((columnDef.constraints ?? []) as Node[]).map((c) => c.Constraint as Node);
}

/**
 * The columns a CHECK expression proves non-null, as PostgreSQL 12+ reads it to skip the scan of
 * SET NOT NULL: `col IS NOT NULL`, `NOT (col IS NULL)`, and those inside an AND. Comparisons such
 * as `col <> ''` prove nothing: a CHECK passes on NULL.
 */
export function notNullCheckColumns(expr: Node | undefined): string[] {
  const column = (arg: Node | undefined) =>
    (arg?.ColumnRef?.fields as Node[] | undefined)?.at(-1)?.String?.sval;
  const test = expr?.NullTest;
  if (test?.nulltesttype === 'IS_NOT_NULL') return [column(test.arg)].filter((c): c is string => !!c);
  const bool = expr?.BoolExpr;
  if (bool?.boolop === 'AND_EXPR') return (bool.args as Node[]).flatMap(notNullCheckColumns);
  const negated = bool?.boolop === 'NOT_EXPR' ? (bool.args as Node[])[0]?.NullTest : undefined;
  if (negated?.nulltesttype === 'IS_NULL') return [column(negated.arg)].filter((c): c is string => !!c);
  return [];
}

/** A DefElem option list contains `name` (REINDEX ... CONCURRENTLY, VACUUM (FULL)). */
export function hasOption(options: Node[] | undefined, name: string): boolean {
  return (options ?? []).some((o) => {
    const def = o.DefElem as Node | undefined;
    if (def?.defname !== name) return false;
    const arg = def.arg as Node | undefined;
    // VACUUM (FULL false) turns it off
    return !(arg?.Boolean && arg.Boolean.boolval !== true) && arg?.String?.sval !== 'false';
  });
}

/** Smallest `location` (a byte offset in the statement) found in a node, or undefined. */
export function firstLocation(node: unknown): number | undefined {
  let best: number | undefined;
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Node;
    if (typeof record.location === 'number' && record.location >= 0)
      best = best === undefined ? record.location : Math.min(best, record.location);
    for (const child of Object.values(record)) visit(child);
  };
  visit(node);
  return best;
}
