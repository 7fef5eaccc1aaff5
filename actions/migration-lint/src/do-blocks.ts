import type { Node, Parser } from './parser.js';
import { ByteCursor } from './statements.js';

/**
 * SQL that a DO block runs, and where its characters stand in the file: static statements, and the
 * text of `EXECUTE` when it is a constant (literals, `||` between them, `format()` and `concat()`
 * of constants).
 */

/** Text with, for each character, its offset in the source it was computed from. */
export interface TracedText {
  text: string;
  /** `at[i]`: offset in the source of character `i` (a substituted value maps to its placeholder). */
  at: number[];
}

/**
 * Offset in a DO statement's text where its body begins, and whether the body is written verbatim
 * there (dollar-quoted); a single-quoted body doubles its quotes, so its offsets are only by line.
 */
export function doBody(statement: string): { start: number; verbatim: boolean } {
  const match = /\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$|'/.exec(statement);
  if (!match) return { start: 0, verbatim: false };
  return { start: match.index + match[0].length, verbatim: match[0] !== "'" };
}

/** Offset of the start of 1-based line `line`, counting lines from `from` in `text`. */
export function lineStart(text: string, from: number, line: number): number {
  let at = from;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return at;
    at = next + 1;
  }
  return at;
}

/**
 * The value of a PL/pgSQL expression when it is a constant string, traced to offsets in `expr`;
 * undefined when it depends on variables, queries or functions other than format() and concat().
 */
export function constantText(parser: Parser, expr: string): TracedText | undefined {
  const prefix = 'SELECT ';
  const outcome = parser.parse(prefix + expr);
  if (!outcome.ok || outcome.stmts.length !== 1) return undefined;
  const select = outcome.stmts[0]!.stmt.SelectStmt as Node | undefined;
  const targets = (select?.targetList ?? []) as Node[];
  if (targets.length !== 1 || select!.fromClause || select!.whereClause) return undefined;
  const cursor = new ByteCursor(prefix + expr);
  const offset = (location: number) => cursor.toChar(location) - prefix.length;
  const value = evaluate(targets[0]!.ResTarget?.val, expr, offset);
  return value ?? undefined;
}

type Value = TracedText | null; // null: SQL NULL

function evaluate(
  node: Node | undefined,
  expr: string,
  offset: (location: number) => number,
): Value | undefined {
  if (!node) return undefined;
  if (node.A_Const) {
    if (node.A_Const.isnull) return null;
    const sval = node.A_Const.sval?.sval as string | undefined;
    return sval === undefined ? undefined : literal(expr, offset(node.A_Const.location), sval);
  }
  if (node.TypeCast) {
    const type = ((node.TypeCast.typeName?.names ?? []) as Node[]).at(-1)?.String?.sval;
    return ['text', 'varchar', 'name'].includes(type) ? evaluate(node.TypeCast.arg, expr, offset) : undefined;
  }
  const op = node.A_Expr as Node | undefined;
  if (op?.kind === 'AEXPR_OP' && (op.name as Node[])[0]?.String?.sval === '||') {
    const left = evaluate(op.lexpr, expr, offset);
    const right = evaluate(op.rexpr, expr, offset);
    if (left === undefined || right === undefined) return undefined;
    return left === null || right === null ? null : join([left, right]);
  }
  const call = node.FuncCall as Node | undefined;
  if (call && !call.agg_star && !call.over) {
    const name = ((call.funcname ?? []) as Node[])
      .map((n) => n.String?.sval)
      .filter((n) => n !== 'pg_catalog')
      .join('.');
    const args = ((call.args ?? []) as Node[]).map((a) => evaluate(a, expr, offset));
    if (args.some((a) => a === undefined)) return undefined;
    const values = args as Value[];
    if (name === 'concat') return join(values.filter((v): v is TracedText => v !== null));
    if (name === 'format' && values.length > 0 && values[0] !== null)
      return format(values[0]!, values.slice(1), offset(call.location));
  }
  return undefined;
}

function join(parts: TracedText[]): TracedText {
  return { text: parts.map((p) => p.text).join(''), at: parts.flatMap((p) => p.at) };
}

/**
 * A string literal's value traced to the source: `$tag$...$tag$` and `'...'` (doubled quotes)
 * character by character; E'' and U&'' strings map every character to the literal's start.
 */
function literal(expr: string, start: number, value: string): TracedText {
  const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(expr.slice(start))?.[0];
  if (tag) return { text: value, at: value.split('').map((_, i) => start + tag.length + i) };
  if (expr[start] === "'") {
    const at: number[] = [];
    let j = start + 1;
    for (let i = 0; i < value.length; i++) {
      at.push(j);
      j += value[i] === "'" && expr[j] === "'" && expr[j + 1] === "'" ? 2 : 1;
    }
    return { text: value, at };
  }
  return { text: value, at: value.split('').map(() => start) };
}

/** Words PostgreSQL's quote_ident() quotes although they look like plain identifiers (the common ones). */
const RESERVED = new Set(
  `all analyse analyze and any array as asc both case cast check collate column constraint create default
  desc distinct do else end except false fetch for foreign from grant group having in initially intersect into
  leading limit not null offset on only or order placing primary references returning select some table then
  to trailing true union unique user using variadic when where window with`.split(/\s+/),
);

function quoteIdent(value: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(value) && !RESERVED.has(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return value.includes('\\') ? `E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/**
 * PostgreSQL's format() for `%s`, `%I`, `%L` and `%%`, with optional `n$` positions. Literal text
 * keeps its trace; a substituted value maps to its placeholder. Width and flags: undefined.
 */
function format(template: TracedText, args: Value[], callAt: number): TracedText | undefined {
  const out: TracedText = { text: '', at: [] };
  const { text, at } = template;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') {
      out.text += text[i];
      out.at.push(at[i] ?? callAt);
      continue;
    }
    const spec = /^%(?:(\d+)\$)?([sIL%])/.exec(text.slice(i));
    if (!spec) return undefined;
    const placeholder = at[i] ?? callAt;
    i += spec[0].length - 1;
    if (spec[2] === '%') {
      out.text += '%';
      out.at.push(placeholder);
      continue;
    }
    const index = spec[1] ? Number(spec[1]) - 1 : next;
    next = index + 1;
    if (index >= args.length) return undefined; // PostgreSQL: "too few arguments for format()"
    const arg = args[index]!;
    const value =
      spec[2] === 's'
        ? (arg?.text ?? '')
        : spec[2] === 'L'
          ? arg === null
            ? 'NULL'
            : quoteLiteral(arg.text)
          : arg === null
            ? undefined
            : quoteIdent(arg.text);
    if (value === undefined) return undefined;
    out.text += value;
    for (let k = 0; k < value.length; k++) out.at.push(placeholder);
  }
  return out;
}
