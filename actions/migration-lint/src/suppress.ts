import type { Comment } from './split.js';

/**
 * An ignore comment: `-- migration-lint: ignore <rule>[, <rule>] -- <reason>` before or on a
 * statement, or `-- migration-lint: ignore-file <rule>[, ...] -- <reason>` for the whole file.
 */
export interface Ignore {
  scope: 'statement' | 'file';
  rules: string[];
  reason: string;
  /** Offset of the comment in the file. */
  offset: number;
  /** Set when a finding was suppressed by it. */
  used: Set<string>;
}

const DIRECTIVE = /migration-lint:\s*(ignore-file|ignore)\b(.*)$/s;

/** Reads an ignore directive from a comment, or undefined when the comment holds none. */
export function parseIgnore(comment: Comment): Ignore | undefined {
  const body = comment.text.startsWith('/*') ? comment.text.slice(2, -2) : comment.text.slice(2);
  const match = DIRECTIVE.exec(body.trim());
  if (!match) return undefined;
  const rest = match[2]!;
  const cut = rest.indexOf('--');
  const ruleText = cut >= 0 ? rest.slice(0, cut) : rest;
  return {
    scope: match[1] === 'ignore-file' ? 'file' : 'statement',
    rules: ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    reason: cut >= 0 ? rest.slice(cut + 2).trim() : '',
    offset: comment.start,
    used: new Set(),
  };
}
