import { formatDuration } from '../../../shared/duration.js';

/** One label matcher of a selector: `code=~"5.."`. */
export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A PromQL instant-vector selector: `http_requests_total{job="api"}`. */
export interface Selector {
  metric?: string;
  matchers: Matcher[];
}

/**
 * An SLI query: a counter selector (the action computes `sum(increase(S[w]))`), or an expression
 * holding `$window` that already returns one event count per window.
 */
export type SliQuery = { kind: 'selector'; selector: Selector } | { kind: 'expression'; template: string };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Reads a PromQL string literal (Go rules) at the start of `text`; returns its value and length. */
export function readString(text: string): { value: string; length: number } | undefined {
  const quote = text[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { value, length: i + 1 };
    if (c !== '\\' || quote === '`') {
      if (c === '\n' && quote !== '`') return undefined;
      value += c;
      continue;
    }
    const e = text[++i];
    if (e === undefined) return undefined;
    if (SIMPLE_ESCAPES[e] !== undefined) value += SIMPLE_ESCAPES[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
      value += String.fromCodePoint(parseInt(hex, 16));
      i += digits;
    } else if (/[0-7]/.test(e)) {
      const octal = text.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(octal)) return undefined;
      value += String.fromCharCode(parseInt(octal, 8));
      i += 2;
    } else return undefined;
  }
  return undefined;
}

/** Parses `metric{label op "value", ...}`; undefined when the text is anything more than a selector. */
export function parseSelector(text: string): Selector | undefined {
  let rest = text.trim();
  const metric = NAME.exec(rest)?.[0];
  if (metric) rest = rest.slice(metric.length).trimStart();
  const matchers: Matcher[] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1).trimStart();
    while (!rest.startsWith('}')) {
      const label = LABEL.exec(rest)?.[0];
      if (!label) return undefined;
      rest = rest.slice(label.length).trimStart();
      const op = (['=~', '!~', '!=', '='] as const).find((o) => rest.startsWith(o));
      if (!op) return undefined;
      rest = rest.slice(op.length).trimStart();
      const literal = readString(rest);
      if (!literal) return undefined;
      matchers.push({ label, op, value: literal.value });
      rest = rest.slice(literal.length).trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith('}')) return undefined;
    }
    rest = rest.slice(1).trimStart();
  }
  if (rest !== '' || (!metric && matchers.length === 0)) return undefined;
  return metric ? { metric, matchers } : { matchers };
}

/**
 * A PromQL string literal for any value: JSON escaping is valid PromQL (Go) escaping, so quotes,
 * backslashes and newlines in a label value can never end the string early.
 */
export function quoteLabelValue(value: string): string {
  return JSON.stringify(value);
}

export function formatSelector(selector: Selector): string {
  const matchers = selector.matchers.map((m) => `${m.label}${m.op}${quoteLabelValue(m.value)}`);
  return `${selector.metric ?? ''}${matchers.length || !selector.metric ? `{${matchers.join(',')}}` : ''}`;
}

/** A selector, or an expression with `$window`; anything else is refused with `what` in the reason. */
export function parseSliQuery(text: string): SliQuery | string {
  const trimmed = text.trim();
  if (trimmed.includes('$window')) return { kind: 'expression', template: trimmed };
  const selector = parseSelector(trimmed);
  if (selector) return { kind: 'selector', selector };
  return 'is neither a counter selector such as http_requests_total{code=~"5.."} nor an expression containing $window';
}

/** Seconds as a PromQL duration: `30d`, `1h`, `3725s`. */
export function promDuration(seconds: number): string {
  return formatDuration(Math.max(1, Math.round(seconds)));
}

/** The event count over `window` seconds, as PromQL. */
export function countExpression(query: SliQuery, window: number): string {
  const range = promDuration(window);
  return query.kind === 'selector'
    ? `sum(increase(${formatSelector(query.selector)}[${range}]))`
    : query.template.replace(/\$window\b/g, range);
}

/** The event count in each `step` over `window`, as a subquery (one point per step, step-aligned). */
export function bucketExpression(query: SliQuery, window: number, step: number): string {
  return `(${countExpression(query, step)})[${promDuration(window)}:${promDuration(step)}]`;
}

/** Sloth's Go template `{{.window}}` (with any spacing) becomes `$window`. */
export function fromSlothTemplate(query: string): string {
  return query.replace(/\{\{\s*\.window\s*\}\}/g, '$window');
}
